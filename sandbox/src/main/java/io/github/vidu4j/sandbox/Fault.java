package io.github.vidu4j.sandbox;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One scripted misbehaviour of one request, queued with {@link Faults#next}. Immutable.
 *
 * <pre>{@code
 * sandbox.faults().next(Operation.CREATE_TASK, Fault.error(429, "TooManyRequests"), Fault.dropAfterProcessing());
 * }</pre>
 */
public final class Fault {
  enum Kind {
    ERROR,
    DROP_BEFORE_READING,
    DROP_AFTER_PROCESSING,
    DELAY,
    EXTRA_FIELD,
    STATE
  }

  final Kind kind;
  final int status;
  final @Nullable String text;
  final @Nullable String json;
  final @Nullable Duration duration;

  private Fault(
      Kind kind,
      int status,
      @Nullable String text,
      @Nullable String json,
      @Nullable Duration duration) {
    this.kind = kind;
    this.status = status;
    this.text = text;
    this.json = json;
    this.duration = duration;
  }

  /**
   * Answers with Vidu's error body for {@code status} and {@code reason} (for example {@code 429
   * TooManyRequests}, {@code 429 SystemThrottling}, {@code 500 InternalServiceFailure}); the
   * request is not processed.
   */
  public static Fault error(int status, String reason) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400..599, got " + status);
    }
    return new Fault(
        Kind.ERROR, status, Objects.requireNonNull(reason, "reason == null"), null, null);
  }

  /** {@link #error} with a {@code Retry-After} header of {@code retryAfter}, in whole seconds. */
  public static Fault error(int status, String reason, Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter == null");
    return new Fault(
        Kind.ERROR, status, Objects.requireNonNull(reason, "reason == null"), null, retryAfter);
  }

  /** Closes the connection without reading the request: nothing is processed. */
  public static Fault dropBeforeReading() {
    return new Fault(Kind.DROP_BEFORE_READING, 0, null, null, null);
  }

  /**
   * Processes the request (a create really creates the task and charges credits), then closes the
   * connection without answering: the case where a client cannot know whether it worked.
   */
  public static Fault dropAfterProcessing() {
    return new Fault(Kind.DROP_AFTER_PROCESSING, 0, null, null, null);
  }

  /** Waits {@code delay} before processing and answering. */
  public static Fault delay(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
    return new Fault(Kind.DELAY, 0, null, null, delay);
  }

  /**
   * Adds a field this API version does not have to the JSON answer; {@code jsonValue} is JSON
   * ({@code "1"}, {@code "\"x\""}, {@code "{}"}).
   *
   * @throws IllegalArgumentException if {@code name} is blank or {@code jsonValue} is not JSON
   */
  public static Fault extraField(String name, String jsonValue) {
    ExtraFields.check(name, jsonValue);
    return new Fault(Kind.EXTRA_FIELD, 0, name, jsonValue, null);
  }

  /**
   * Replaces {@code state} in the JSON answer (and in each listed task) with {@code state}, for
   * example a state Vidu adds later.
   */
  public static Fault state(String state) {
    return new Fault(Kind.STATE, 0, Objects.requireNonNull(state, "state == null"), null, null);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case ERROR ->
          "Fault.error("
              + status
              + ", "
              + text
              + (duration != null ? ", Retry-After " + duration.toSeconds() + "s" : "")
              + ")";
      case DROP_BEFORE_READING -> "Fault.dropBeforeReading()";
      case DROP_AFTER_PROCESSING -> "Fault.dropAfterProcessing()";
      case DELAY -> "Fault.delay(" + duration + ")";
      case EXTRA_FIELD -> "Fault.extraField(" + text + ", " + json + ")";
      case STATE -> "Fault.state(" + text + ")";
    };
  }
}
