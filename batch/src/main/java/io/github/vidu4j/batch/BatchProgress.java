package io.github.vidu4j.batch;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Counts of a batch at one moment. Immutable.
 *
 * @param total lines in the batch
 * @param succeeded lines whose files are saved
 * @param running lines whose task exists and has not ended (or whose files are being saved)
 * @param queued lines with no task yet
 * @param failed lines that failed
 * @param creditsSpent credits of the tasks that ended in this run, as Vidu reported them
 * @param creditsSpentEarlier credits of the tasks that ended in earlier runs of the batch
 * @param creditsCommitted credits announced by the create answers of tasks that have not ended
 *     (Vidu's figure; a task that fails is usually refunded)
 * @param endedEarlier lines that had ended (succeeded or failed) before this run started
 * @param elapsed time since this run started
 * @param remaining an estimate of the time left, from the time this run's tasks took from create to
 *     saved; empty until one has
 */
public record BatchProgress(
    int total,
    int succeeded,
    int running,
    int queued,
    int failed,
    long creditsSpent,
    long creditsSpentEarlier,
    long creditsCommitted,
    int endedEarlier,
    Duration elapsed,
    @Nullable Duration remaining) {
  /**
   * Counts without the credits of earlier runs, the credits committed or the lines ended earlier
   * (all zero): the constructor of release 0.1, kept for its callers.
   */
  public BatchProgress(
      int total,
      int succeeded,
      int running,
      int queued,
      int failed,
      long creditsSpent,
      Duration elapsed,
      @Nullable Duration remaining) {
    this(total, succeeded, running, queued, failed, creditsSpent, 0, 0, 0, elapsed, remaining);
  }

  /** {@link #remaining} as an optional. */
  public Optional<Duration> estimatedRemaining() {
    return Optional.ofNullable(remaining);
  }

  /** Lines that ended, succeeded or failed. */
  public int finished() {
    return succeeded + failed;
  }

  /** Whether every line had ended before this run: it had nothing to do. */
  public boolean nothingToDo() {
    return endedEarlier == total;
  }
}
