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
 * @param creditsSpent credits consumed by the tasks that ended, as Vidu reported them
 * @param elapsed time since this run started
 * @param remaining an estimate of the time left, from this run's pace; empty until a line ended in
 *     this run
 */
public record BatchProgress(
    int total,
    int succeeded,
    int running,
    int queued,
    int failed,
    long creditsSpent,
    Duration elapsed,
    @Nullable Duration remaining) {
  /** {@link #remaining} as an optional. */
  public Optional<Duration> estimatedRemaining() {
    return Optional.ofNullable(remaining);
  }

  /** Lines that ended, succeeded or failed. */
  public int finished() {
    return succeeded + failed;
  }
}
