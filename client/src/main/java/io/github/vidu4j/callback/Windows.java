package io.github.vidu4j.callback;

import io.github.vidu4j.core.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/** The verifier's date windows: their bounds, and how messages write them. */
final class Windows {
  private Windows() {}

  /**
   * {@code d}, if between zero and {@link CallbackVerifier#MAX_WINDOW}.
   *
   * @throws InvalidSettingException otherwise, naming {@code name}
   */
  static Duration checked(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative()) {
      throw new InvalidSettingException(name, "must not be negative, got " + d);
    }
    if (d.compareTo(CallbackVerifier.MAX_WINDOW) > 0) {
      throw new InvalidSettingException(
          name, "must be at most " + written(CallbackVerifier.MAX_WINDOW) + ", got " + d);
    }
    return d;
  }

  /**
   * As people write a duration, {@code 5m}, {@code 90s}, {@code 1h30m}: never Java's {@code PT5M}.
   */
  static String written(Duration d) {
    long seconds = d.toSeconds();
    if (seconds == 0) {
      return d.toMillis() + "ms";
    }
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 > 0) {
      text.append(seconds % 60).append('s');
    }
    return text.toString();
  }
}
