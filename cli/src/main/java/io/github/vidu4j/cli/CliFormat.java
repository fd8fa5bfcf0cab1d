package io.github.vidu4j.cli;

import io.github.vidu4j.RawJson;
import io.github.vidu4j.ViduJson;
import java.time.Duration;

/** How the CLI writes durations and models. */
final class CliFormat {
  private CliFormat() {}

  /** {@code 45s}, {@code 2m05s}, {@code 1h02m}. */
  static String duration(Duration d) {
    long seconds = Math.max(0, d.toSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }

  /** The JSON the API sent for {@code model}, or the model written as JSON if it was built here. */
  static String json(Object model) {
    return RawJson.of(model).orElseGet(() -> ViduJson.write(model));
  }
}
