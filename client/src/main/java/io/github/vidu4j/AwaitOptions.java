package io.github.vidu4j;

import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.model.TaskCreations;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Tasks#await(String, AwaitOptions)} polls: a deadline, a schedule and a listener told
 * of every state change (for progress displays). Immutable. Applications, {@code vidu4j-batch}
 * ({@code BatchOptions}) and the CLI's waits pass it.
 *
 * <p><b>The schedule.</b> Every {@link #initialInterval()} (1 s) for the first {@link
 * #backoffAfter()} (2 min), so a task of up to 2 minutes, as image tasks are, is seen done within 1
 * s of ending, with no more requests than a 1 s loop. After that the pause grows by half each poll
 * up to {@link #maxInterval()} (10 s): a task of 10 minutes takes about 170 polls rather than 600.
 * That is: polls at 0, 1, 2, ... 120 s, then pauses of 1, 1.5, 2.25, ... s, and every 10 s from
 * about 2 min 30 s. Each pause follows the previous poll's answer.
 */
public final class AwaitOptions {
  private static final AwaitOptions DEFAULTS =
      new AwaitOptions(
          Duration.ofMinutes(10),
          Duration.ofSeconds(1),
          Duration.ofSeconds(10),
          Duration.ofMinutes(2),
          task -> {});

  private final Duration timeout;
  private final Duration initialInterval;
  private final Duration maxInterval;
  private final Duration backoffAfter;
  private final Consumer<TaskCreations> onStateChange;

  private AwaitOptions(
      Duration timeout,
      Duration initialInterval,
      Duration maxInterval,
      Duration backoffAfter,
      Consumer<TaskCreations> onStateChange) {
    this.timeout = timeout;
    this.initialInterval = initialInterval;
    this.maxInterval = maxInterval;
    this.backoffAfter = backoffAfter;
    this.onStateChange = onStateChange;
  }

  /** Each option's default, as its method documents; no listener. */
  public static AwaitOptions defaults() {
    return DEFAULTS;
  }

  /**
   * How long to wait before giving up with {@link TaskTimeoutException}; default 10 min (Vidu's
   * image tasks usually finish within one or two). No poll and no retry of one starts after it; a
   * request already in flight may finish (at most one {@code callTimeout}).
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * The pause between polls during {@link #backoffAfter()}, and the first pause after it; default 1
   * s.
   */
  public Duration initialInterval() {
    return initialInterval;
  }

  /** The longest pause between polls; default 10 s. */
  public Duration maxInterval() {
    return maxInterval;
  }

  /**
   * How long polls stay {@link #initialInterval()} apart before the pause starts growing; zero
   * grows from the start; default 2 min, longer than almost every image task.
   */
  public Duration backoffAfter() {
    return backoffAfter;
  }

  /**
   * Called on the polling thread with the task each time its state (as sent) changes, including the
   * first read.
   */
  public Consumer<TaskCreations> onStateChange() {
    return onStateChange;
  }

  /** These options with another timeout. */
  public AwaitOptions withTimeout(Duration timeout) {
    return new AwaitOptions(
        PositiveDurations.require(timeout, "timeout"),
        initialInterval,
        maxInterval,
        backoffAfter,
        onStateChange);
  }

  /** These options with other poll intervals; {@code initial} must not exceed {@code max}. */
  public AwaitOptions withIntervals(Duration initial, Duration max) {
    PositiveDurations.require(initial, "initial");
    PositiveDurations.require(max, "max");
    if (initial.compareTo(max) > 0) {
      throw new InvalidSettingException(
          "initialInterval", initial + " exceeds the max interval " + max);
    }
    return new AwaitOptions(timeout, initial, max, backoffAfter, onStateChange);
  }

  /**
   * These options with another {@link #backoffAfter()}; {@code Duration.ZERO} backs off from the
   * first poll.
   */
  public AwaitOptions withBackoffAfter(Duration backoffAfter) {
    Objects.requireNonNull(backoffAfter, "backoffAfter == null");
    if (backoffAfter.isNegative()) {
      throw new InvalidSettingException(
          "backoffAfter", "must not be negative, got " + backoffAfter);
    }
    return new AwaitOptions(timeout, initialInterval, maxInterval, backoffAfter, onStateChange);
  }

  /** These options with a state-change listener. */
  public AwaitOptions withStateListener(Consumer<TaskCreations> listener) {
    return new AwaitOptions(
        timeout,
        initialInterval,
        maxInterval,
        backoffAfter,
        Objects.requireNonNull(listener, "listener == null"));
  }

  @Override
  public String toString() {
    return "AwaitOptions{timeout="
        + timeout
        + ", initialInterval="
        + initialInterval
        + ", maxInterval="
        + maxInterval
        + ", backoffAfter="
        + backoffAfter
        + "}";
  }
}
