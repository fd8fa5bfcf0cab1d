package io.github.vidu4j.batch;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.core.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a batch runs. Immutable; start from {@link #defaults()} and adjust with the {@code with...}
 * methods, each returning a copy.
 */
public final class BatchOptions {
  /**
   * Default {@link #throttleBackoff()}: 1 s, doubling per 429 in a row up to {@link
   * #MAX_THROTTLE_BACKOFF}.
   */
  public static final Duration DEFAULT_THROTTLE_BACKOFF = Duration.ofSeconds(1);

  /** The longest pause after a 429 unless Vidu's {@code Retry-After} asks for more: 30 s. */
  public static final Duration MAX_THROTTLE_BACKOFF = Duration.ofSeconds(30);

  /**
   * Default {@link #unansweredCreateWait()}: 2 minutes, the client's default call timeout; Vidu
   * answers a create in about a second.
   */
  public static final Duration DEFAULT_UNANSWERED_CREATE_WAIT = Duration.ofMinutes(2);

  // Not public constants: javac copies those into callers, and a changed default would not reach
  // them.
  private static final int FALLBACK_CONCURRENCY = 5;
  private static final int DEFAULT_MAX_CREATE_ATTEMPTS = 20;

  /**
   * Tasks in flight when neither {@link #withConcurrency} nor the account's {@code
   * concurrency_limit} says: 5, Vidu's usual limit.
   */
  public static int fallbackConcurrency() {
    return FALLBACK_CONCURRENCY;
  }

  /**
   * Default {@link #maxCreateAttempts()}: a line is given up (this run) after 20 creates refused
   * with 429 or lost on the way.
   */
  public static int defaultMaxCreateAttempts() {
    return DEFAULT_MAX_CREATE_ATTEMPTS;
  }

  private static final BatchOptions DEFAULTS =
      new BatchOptions(
          0,
          false,
          AwaitOptions.defaults(),
          DEFAULT_THROTTLE_BACKOFF,
          DEFAULT_MAX_CREATE_ATTEMPTS,
          BatchListener.NONE,
          DEFAULT_UNANSWERED_CREATE_WAIT);

  private final int concurrency;
  private final boolean retryFailed;
  private final AwaitOptions awaitOptions;
  private final Duration throttleBackoff;
  private final int maxCreateAttempts;
  private final BatchListener listener;
  private final Duration unansweredCreateWait;

  private BatchOptions(
      int concurrency,
      boolean retryFailed,
      AwaitOptions awaitOptions,
      Duration throttleBackoff,
      int maxCreateAttempts,
      BatchListener listener,
      Duration unansweredCreateWait) {
    this.concurrency = concurrency;
    this.retryFailed = retryFailed;
    this.awaitOptions = awaitOptions;
    this.throttleBackoff = throttleBackoff;
    this.maxCreateAttempts = maxCreateAttempts;
    this.listener = listener;
    this.unansweredCreateWait = unansweredCreateWait;
  }

  /**
   * Concurrency from the account ({@code concurrency_limit} of {@code GET /ent/v2/credits}, else
   * {@link #fallbackConcurrency()} (5)); failed lines stay failed; each task awaited with {@link
   * AwaitOptions#defaults()} (up to 10 minutes); 1 s first pause after a 429; no listener.
   */
  public static BatchOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Tasks in flight at once, 1 to 100; 0 (the default) asks the account, else {@link
   * #fallbackConcurrency()} (5).
   */
  public int concurrency() {
    return concurrency;
  }

  /**
   * Whether lines whose task failed with an {@code err_code} Vidu may get past next time are
   * created again.
   */
  public boolean retryFailed() {
    return retryFailed;
  }

  /** How each task is awaited: polling intervals and the timeout per task. */
  public AwaitOptions awaitOptions() {
    return awaitOptions;
  }

  /**
   * The first pause of the whole batch after a create is refused with 429; it doubles while 429s
   * continue.
   */
  public Duration throttleBackoff() {
    return throttleBackoff;
  }

  /**
   * Creates of one line refused with 429 or lost on the way (and not found again) before the line
   * is given up for this run.
   */
  public int maxCreateAttempts() {
    return maxCreateAttempts;
  }

  /** Told of every change; called from the batch's threads, one call at a time. */
  public BatchListener listener() {
    return listener;
  }

  /** See {@link #concurrency()}. */
  public BatchOptions withConcurrency(int concurrency) {
    if (concurrency < 0 || concurrency > 100) {
      throw new InvalidSettingException(
          "concurrency", "must be 1 to 100 (or 0: the account's limit), got " + concurrency);
    }
    return new BatchOptions(
        concurrency,
        retryFailed,
        awaitOptions,
        throttleBackoff,
        maxCreateAttempts,
        listener,
        unansweredCreateWait);
  }

  /** See {@link #retryFailed()}; default false. */
  public BatchOptions withRetryFailed(boolean retryFailed) {
    return new BatchOptions(
        concurrency,
        retryFailed,
        awaitOptions,
        throttleBackoff,
        maxCreateAttempts,
        listener,
        unansweredCreateWait);
  }

  /** See {@link #awaitOptions()}; its state listener is not used (use {@link #withListener}). */
  public BatchOptions withAwaitOptions(AwaitOptions awaitOptions) {
    return new BatchOptions(
        concurrency,
        retryFailed,
        Objects.requireNonNull(awaitOptions, "awaitOptions == null"),
        throttleBackoff,
        maxCreateAttempts,
        listener,
        unansweredCreateWait);
  }

  /** See {@link #throttleBackoff()}; positive, at most {@link #MAX_THROTTLE_BACKOFF}. */
  public BatchOptions withThrottleBackoff(Duration backoff) {
    Objects.requireNonNull(backoff, "backoff == null");
    if (backoff.isZero() || backoff.isNegative() || backoff.compareTo(MAX_THROTTLE_BACKOFF) > 0) {
      throw new InvalidSettingException(
          "throttleBackoff",
          "must be positive and at most " + MAX_THROTTLE_BACKOFF + ", got " + backoff);
    }
    return new BatchOptions(
        concurrency,
        retryFailed,
        awaitOptions,
        backoff,
        maxCreateAttempts,
        listener,
        unansweredCreateWait);
  }

  /** See {@link #maxCreateAttempts()}; at least 1. */
  public BatchOptions withMaxCreateAttempts(int attempts) {
    if (attempts < 1) {
      throw new InvalidSettingException("maxCreateAttempts", "must be at least 1, got " + attempts);
    }
    return new BatchOptions(
        concurrency,
        retryFailed,
        awaitOptions,
        throttleBackoff,
        attempts,
        listener,
        unansweredCreateWait);
  }

  /**
   * How long after a create whose outcome is unknown (no answer within the read timeout, a 5xx, an
   * answer without a task id, a run killed while it was on its way) the batch keeps looking for its
   * task by its tag before it takes the create as lost and sends the line again. Until then the
   * task may still land at Vidu (a slow or queued create), and sending again could pay twice; a
   * create that lands even later is paid twice all the same, so this should exceed the longest time
   * Vidu may take to act on a create.
   */
  public Duration unansweredCreateWait() {
    return unansweredCreateWait;
  }

  /** See {@link #unansweredCreateWait()}; zero or positive, at most an hour. */
  public BatchOptions withUnansweredCreateWait(Duration wait) {
    Objects.requireNonNull(wait, "wait == null");
    if (wait.isNegative() || wait.compareTo(Duration.ofHours(1)) > 0) {
      throw new InvalidSettingException("unansweredCreateWait", "must be 0 to 1 hour, got " + wait);
    }
    return new BatchOptions(
        concurrency, retryFailed, awaitOptions, throttleBackoff, maxCreateAttempts, listener, wait);
  }

  /** See {@link #listener()}. */
  public BatchOptions withListener(BatchListener listener) {
    return new BatchOptions(
        concurrency,
        retryFailed,
        awaitOptions,
        throttleBackoff,
        maxCreateAttempts,
        Objects.requireNonNull(listener, "listener == null"),
        unansweredCreateWait);
  }

  @Override
  public String toString() {
    return "BatchOptions{concurrency="
        + (concurrency == 0 ? "account" : concurrency)
        + ", retryFailed="
        + retryFailed
        + ", await="
        + awaitOptions
        + ", throttleBackoff="
        + throttleBackoff
        + ", maxCreateAttempts="
        + maxCreateAttempts
        + ", unansweredCreateWait="
        + unansweredCreateWait
        + "}";
  }
}
