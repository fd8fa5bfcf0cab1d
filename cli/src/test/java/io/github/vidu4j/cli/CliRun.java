package io.github.vidu4j.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One run of {@code vidu} with captured streams. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(Map<String, String> environment, String... args) {
    return run(false, environment, args);
  }

  /** As if stderr were a terminal. */
  static CliRun onTerminal(Map<String, String> environment, String... args) {
    return run(true, environment, args);
  }

  private static CliRun run(
      boolean stderrIsTerminal, Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ViduCli.run(args, environment, out, err, stderrIsTerminal);
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  String all() {
    return out + err;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
