package io.github.vidu4j.cli;

import io.github.vidu4j.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every create command has, whatever it creates: a picocli mixin, so that each is
 * declared once. The options that differ per command (the model, prompt and image rules, their
 * completion candidates and help from the spec) stay with the command.
 */
final class CreateOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Random seed; 0 or absent means random.")
  @Nullable Integer seed;

  @Option(
      names = "--payload",
      paramLabel = "TEXT",
      descriptionKey = SpecHelp.PAYLOAD,
      description = "Your own data, returned with the task.")
  @Nullable String payload;

  @Option(
      names = "--callback-url",
      paramLabel = "URL",
      description = "Where Vidu POSTs signed state changes.")
  @Nullable String callbackUrl;

  @Option(
      names = "--field",
      paramLabel = "NAME=VALUE",
      description =
          "A body field the spec does not know yet, sent as is (not validated): NAME=TEXT sends a JSON string,"
              + " NAME:=JSON any JSON value (--field style_strength=high, --field n:=2, --field 'opts:={\"a\":1}'). Repeatable.")
  List<String> fields = new ArrayList<>();

  // ${PARENT-COMMAND-NAME} is image or video: "its images", "its videos".
  @Option(
      names = "--wait",
      description = "Wait for the task to finish, then download its ${PARENT-COMMAND-NAME}s.")
  boolean await;

  @Mixin WaitOptions waiting;

  @Mixin UnknownModels unknownModels;

  /**
   * Refuses {@code --timeout} and {@code --output} without {@code --wait}: nothing would be waited
   * for or saved, and an ignored {@code --output} would leave the user looking for files that never
   * come.
   */
  void refuseWaitOptionsWithoutWait() {
    List<String> waitOnly =
        List.of("--timeout", "--output").stream()
            .filter(command.commandLine().getParseResult()::hasMatchedOption)
            .toList();
    if (!await && !waitOnly.isEmpty()) {
      throw new ViduCli.UsageException(
          String.join(" and ", waitOnly)
              + (waitOnly.size() == 1 ? " applies" : " apply")
              + " only with --wait: add --wait, or drop "
              + (waitOnly.size() == 1 ? "it" : "them")
              + " (nothing was sent)");
    }
  }

  /**
   * The {@code --field}s: {@code NAME=TEXT} as a JSON string, {@code NAME:=JSON} as the JSON value
   * (the split is at the first {@code =}), as the create call's options.
   */
  RequestOptions requestOptions() {
    RequestOptions options = RequestOptions.defaults();
    for (String field : fields) {
      int equals = field.indexOf('=');
      if (equals <= 0 || (equals == 1 && field.charAt(0) == ':')) {
        throw new ViduCli.UsageException(
            "--field needs NAME=TEXT or NAME:=JSON, got '" + field + "'");
      }
      boolean json = field.charAt(equals - 1) == ':';
      String name = field.substring(0, json ? equals - 1 : equals);
      String value = field.substring(equals + 1);
      options = json ? options.withExtraJson(name, value) : options.withExtraField(name, value);
    }
    return options;
  }
}
