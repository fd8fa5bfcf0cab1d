package io.github.vidu4j;

import io.github.vidu4j.core.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/** The one check of every duration setting (the builder's timeouts, {@link AwaitOptions}). */
final class PositiveDurations {
  private PositiveDurations() {}

  /**
   * {@code duration}, if it is positive.
   *
   * @throws InvalidSettingException naming the setting otherwise
   */
  static Duration require(Duration duration, String setting) {
    Objects.requireNonNull(duration, setting + " == null");
    if (duration.isZero() || duration.isNegative()) {
      throw new InvalidSettingException(setting, "must be positive, got " + duration);
    }
    return duration;
  }
}
