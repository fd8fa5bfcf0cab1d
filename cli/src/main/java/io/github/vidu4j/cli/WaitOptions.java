package io.github.vidu4j.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --timeout} and {@code --output}: a picocli mixin of the commands that wait and save
 * (images or videos).
 */
final class WaitOptions {
  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description = "How long to wait: 90s, 5m, 1h, PT90S. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "Where the files (images or videos) are saved, as <task id>-<n>.<ext>; created and tried with a test file before anything is sent."
              + " Never overwrites: a taken name gets -2, -3, ... (<task id>-<n>-2.<ext>). Default: current directory.")
  Path output;
}
