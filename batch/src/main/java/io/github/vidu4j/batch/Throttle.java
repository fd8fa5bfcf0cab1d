package io.github.vidu4j.batch;

import io.github.vidu4j.core.Backoff;
import io.github.vidu4j.core.ViduException;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole batch's pause after Vidu answers a create with 429: every line waits, not only the one
 * refused, since the limit is the account's. The pause doubles with each 429 that follows a pause
 * (answers to requests already on their way do not count twice), and is at least what {@code
 * Retry-After} asks.
 */
final class Throttle {
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  private final Backoff curve;
  private long untilNanos = System.nanoTime();
  private int inARow;

  Throttle(Duration initial) {
    // The client's retry curve, without its jitter: one pause for the whole batch.
    this.curve = Backoff.exponential(initial, BatchOptions.MAX_THROTTLE_BACKOFF);
  }

  /** Records a 429 and returns the pause it starts (or zero when a pause already covers it). */
  synchronized Duration throttled(Optional<Duration> retryAfter) {
    long now = System.nanoTime();
    if (now < untilNanos) {
      return Duration.ZERO;
    }
    inARow++;
    Duration backoff = curve.step(inARow - 1);
    Duration asked =
        retryAfter
            .map(r -> r.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : r)
            .orElse(Duration.ZERO);
    Duration pause = asked.compareTo(backoff) > 0 ? asked : backoff;
    untilNanos = now + pause.toNanos();
    return pause;
  }

  synchronized void succeeded() {
    inARow = 0;
  }

  /** Blocks while the batch is paused. */
  void awaitClear() {
    while (true) {
      long wait;
      synchronized (this) {
        wait = untilNanos - System.nanoTime();
      }
      if (wait <= 0) {
        return;
      }
      try {
        Thread.sleep(Math.max(1, wait / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ViduException(
            "interrupted while the batch was paused after a 429; run it again to resume", e);
      }
    }
  }
}
