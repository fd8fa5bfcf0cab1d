package io.github.vidu4j;

import io.github.vidu4j.model.TaskCreations;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Tasks#await(String, AwaitOptions)} polls: a deadline, an interval that grows from
 * {@link #initialInterval()} by half each poll up to {@link #maxInterval()}, and a listener told
 * of every state change (for progress displays). Immutable.
 */
public final class AwaitOptions {
  /** Default {@link #timeout()}: 10 minutes; Vidu image tasks usually finish within one or two. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
  /** Default {@link #initialInterval()}: 1 s. */
  public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(1);
  /** Default {@link #maxInterval()}: 10 s. */
  public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(10);

  private static final AwaitOptions DEFAULTS = new AwaitOptions(DEFAULT_TIMEOUT, DEFAULT_INITIAL_INTERVAL, DEFAULT_MAX_INTERVAL, task -> {});

  private final Duration timeout;
  private final Duration initialInterval;
  private final Duration maxInterval;
  private final Consumer<TaskCreations> onStateChange;

  private AwaitOptions(Duration timeout, Duration initialInterval, Duration maxInterval, Consumer<TaskCreations> onStateChange) {
    this.timeout = timeout;
    this.initialInterval = initialInterval;
    this.maxInterval = maxInterval;
    this.onStateChange = onStateChange;
  }

  /** 10 minutes, polling every 1 s growing to 10 s, no listener. */
  public static AwaitOptions defaults() {
    return DEFAULTS;
  }

  /**
   * How long to wait before giving up with {@link TaskTimeoutException}. No poll and no retry of
   * one starts after it; a request already in flight may finish (at most one {@code callTimeout}).
   */
  public Duration timeout() {
    return timeout;
  }

  /** The first pause between polls. */
  public Duration initialInterval() {
    return initialInterval;
  }

  /** The longest pause between polls. */
  public Duration maxInterval() {
    return maxInterval;
  }

  /** Called on the polling thread with the task each time its state (as sent) changes, including the first read. */
  public Consumer<TaskCreations> onStateChange() {
    return onStateChange;
  }

  /** These options with another timeout. */
  public AwaitOptions withTimeout(Duration timeout) {
    return new AwaitOptions(positive(timeout, "timeout"), initialInterval, maxInterval, onStateChange);
  }

  /** These options with other poll intervals; {@code initial} must not exceed {@code max}. */
  public AwaitOptions withIntervals(Duration initial, Duration max) {
    positive(initial, "initial");
    positive(max, "max");
    if (initial.compareTo(max) > 0) {
      throw new IllegalArgumentException("initial interval " + initial + " exceeds max interval " + max);
    }
    return new AwaitOptions(timeout, initial, max, onStateChange);
  }

  /** These options with a state-change listener. */
  public AwaitOptions withStateListener(Consumer<TaskCreations> listener) {
    return new AwaitOptions(timeout, initialInterval, maxInterval, Objects.requireNonNull(listener, "listener == null"));
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    return "AwaitOptions{timeout=" + timeout + ", initialInterval=" + initialInterval + ", maxInterval=" + maxInterval + "}";
  }
}
