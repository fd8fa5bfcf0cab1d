package io.github.vidu4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The secrets a command line carries, which no output of {@code vidu} may show. */
final class Secrets {
  private static final List<String> SECRET_OPTIONS = List.of("--api-key", "--secret");

  private Secrets() {}

  /**
   * Every secret given, as given and as trimmed (the key is sent, and could be echoed, trimmed). An
   * option name after --api-key or --secret is not taken as its value by the parser (it says
   * "Expected parameter for option '--api-key' but found '--json'"), so it is no secret to mask.
   */
  static List<String> in(String[] args, Map<String, String> environment, Set<String> optionNames) {
    List<String> given = new ArrayList<>();
    String envKey = environment.get("VIDU_API_KEY");
    if (envKey != null) {
      given.add(envKey);
    }
    for (int i = 0; i < args.length; i++) {
      for (String option : SECRET_OPTIONS) {
        if (args[i].equals(option) && i + 1 < args.length && !optionNames.contains(args[i + 1])) {
          given.add(args[i + 1]);
        } else if (args[i].startsWith(option + "=")) {
          given.add(args[i].substring(option.length() + 1));
        }
      }
    }
    List<String> secrets = new ArrayList<>();
    for (String secret : given) {
      for (String form : List.of(secret, secret.trim())) {
        if (!form.isEmpty() && !secrets.contains(form)) {
          secrets.add(form);
        }
      }
    }
    return secrets;
  }
}
