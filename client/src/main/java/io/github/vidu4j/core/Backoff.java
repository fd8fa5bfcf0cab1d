package io.github.vidu4j.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one exponential backoff curve: the client's retries and {@code vidu4j-batch}'s whole-batch
 * pause after a 429 both step along it, so the two cannot drift apart. Step {@code n} (from 0) is
 * {@code initial × 2^n}, at most {@code max}. Immutable and thread-safe.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;

  private Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  /**
   * A curve starting at {@code initial} and doubling up to {@code max}.
   *
   * @throws InvalidSettingException if {@code initial} is not positive or {@code max} is below it
   */
  public static Backoff exponential(Duration initial, Duration max) {
    Objects.requireNonNull(initial, "initial == null");
    Objects.requireNonNull(max, "max == null");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new InvalidSettingException(
          "backoff", "needs 0 < initial <= max, got " + initial + " and " + max);
    }
    return new Backoff(initial, max);
  }

  /** Step {@code n} (from 0): {@code initial × 2^n}, at most {@code max}. */
  public Duration step(int n) {
    int doublings = Math.min(Math.max(n, 0), 30);
    Duration step = initial.multipliedBy(1L << doublings);
    return step.compareTo(max) > 0 ? max : step;
  }

  /**
   * Step {@code n} with "equal jitter": a random time from half the step to the whole step, so
   * retries of many callers spread out but never bunch up near zero.
   */
  public Duration jittered(int n) {
    long ceiling = step(n).toMillis();
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
  }

  @Override
  public String toString() {
    return "Backoff{initial=" + initial + ", max=" + max + "}";
  }
}
