package io.github.vidu4j.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A run's lines as results and totals, for the listener and the report. */
final class BatchTotals {
  private final Collection<RunLine> lines;
  private final Path output;
  private final int concurrency;
  private final long startNanos = System.nanoTime();

  /** Time from create to saved of the tasks this run created and saw through, summed. */
  private long observedNanos;

  private int observed;

  BatchTotals(Collection<RunLine> lines, Path output, int concurrency) {
    this.lines = lines;
    this.output = output;
    this.concurrency = Math.max(1, concurrency);
  }

  /** Records how long a task this run created took to end. */
  synchronized void ended(RunLine line) {
    if (line.createdNanos != 0) {
      observedNanos += System.nanoTime() - line.createdNanos;
      observed++;
      line.createdNanos = 0;
    }
  }

  LineResult result(RunLine line) {
    LineState state =
        switch (line.status) {
          case SAVED -> LineState.SUCCEEDED;
          case FAILED -> LineState.FAILED;
          case CREATED, SUCCEEDED -> line.error != null ? LineState.FAILED : LineState.RUNNING;
          case NEW, CREATING, NOT_CREATED ->
              line.error != null ? LineState.FAILED : LineState.QUEUED;
        };
    List<Path> files =
        line.status == RunLine.Status.SAVED
            ? line.files.stream().map(output::resolve).toList()
            : List.of();
    return new LineResult(
        line.line.number(),
        line.line.name().orElse(null),
        line.line.operation().name(),
        state,
        line.taskIdSecret ? "<redacted>" : line.taskId,
        files,
        line.credits,
        line.status == RunLine.Status.FAILED && line.errCode != null && !line.errCode.isEmpty()
            ? line.errCode
            : null,
        line.error);
  }

  synchronized BatchProgress totals() {
    int succeeded = 0;
    int running = 0;
    int queued = 0;
    int failed = 0;
    long spent = 0;
    long spentEarlier = 0;
    long committed = 0;
    int endedEarlier = 0;
    for (RunLine line : lines) {
      switch (result(line).state()) {
        case SUCCEEDED -> succeeded++;
        case RUNNING -> running++;
        case QUEUED -> queued++;
        case FAILED -> failed++;
      }
      boolean ended =
          line.status == RunLine.Status.SAVED
              || line.status == RunLine.Status.SUCCEEDED
              || line.status == RunLine.Status.FAILED;
      if (ended && line.credits != null) {
        if (line.endedEarlier) {
          spentEarlier += line.credits;
        } else {
          spent += line.credits;
        }
      } else if (!ended && line.taskId != null && line.committedCredits != null) {
        committed += line.committedCredits;
      }
      if (line.endedEarlier) {
        endedEarlier++;
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    return new BatchProgress(
        lines.size(),
        succeeded,
        running,
        queued,
        failed,
        spent,
        spentEarlier,
        committed,
        endedEarlier,
        elapsed,
        remaining(running, queued));
  }

  /**
   * Rounds of {@code concurrency} tasks left, each taking as long as this run's tasks took on
   * average; nothing until one task was seen from create to saved (the time before the first one
   * ends says nothing of the pace).
   */
  private @Nullable Duration remaining(int running, int queued) {
    if (observed == 0) {
      return null;
    }
    long rounds = ((long) running + queued + concurrency - 1) / concurrency;
    return Duration.ofNanos(observedNanos / observed * rounds);
  }
}
