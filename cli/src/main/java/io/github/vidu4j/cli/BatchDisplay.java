package io.github.vidu4j.cli;

import io.github.vidu4j.batch.BatchListener;
import io.github.vidu4j.batch.BatchProgress;
import io.github.vidu4j.batch.LineResult;
import io.github.vidu4j.batch.LineState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * A batch's progress on stderr: on a terminal one line redrawn in place (done / running / queued /
 * failed, credits, elapsed and estimated remaining), otherwise one plain line per line that ends
 * and per pause after a 429, or nothing.
 */
final class BatchDisplay implements BatchListener, AutoCloseable {
  private static final char[] SPINNER = {'|', '/', '-', '\\'};

  private final PrintWriter err;
  private final Progress.Mode mode;
  private final @Nullable ScheduledExecutorService ticker;
  private final long startNanos = System.nanoTime();
  private volatile @Nullable BatchProgress totals;
  private int frame;

  BatchDisplay(PrintWriter err, Progress.Mode mode) {
    this.err = err;
    this.mode = mode;
    this.ticker = Progress.ticker(mode, "vidu-batch-progress", this::redraw);
  }

  @Override
  public void lineChanged(LineResult line, BatchProgress totals) {
    this.totals = totals;
    if (mode == Progress.Mode.LINES
        && (line.state() == LineState.SUCCEEDED || line.state() == LineState.FAILED)) {
      err.println(describe(line) + "  [" + counts(totals, totals.elapsed()) + "]");
    }
  }

  @Override
  public void throttled(Duration pause, BatchProgress totals) {
    this.totals = totals;
    if (mode == Progress.Mode.LINES) {
      err.println("throttled (429): every create waits " + CliFormat.duration(pause));
    }
  }

  /** One line's outcome, as the display and the summary print it. */
  static String describe(LineResult line) {
    String who =
        "line "
            + line.line()
            + line.name().map(n -> " (" + TerminalText.escape(n) + ")").orElse("")
            + " "
            + TerminalText.escape(line.operation());
    String task = line.taskId().map(id -> ", task " + TerminalText.escape(id)).orElse("");
    return switch (line.state()) {
      case SUCCEEDED ->
          who
              + ": succeeded"
              + task
              + ", "
              + line.files().size()
              + (line.files().size() == 1 ? " file" : " files")
              + line.credits().map(c -> ", " + c + " credits").orElse("");
      case FAILED ->
          who
              + ": failed"
              + task
              + line.errCode()
                  .map(c -> ", err_code " + TerminalText.escape(c))
                  .orElse(line.error().map(e -> ": " + TerminalText.escape(e)).orElse(""));
      case RUNNING -> who + ": running" + task;
      case QUEUED ->
          who + ": queued" + line.error().map(e -> " (" + TerminalText.escape(e) + ")").orElse("");
    };
  }

  /** The totals with {@code elapsed}: a live display passes the time now, not the last event's. */
  static String counts(BatchProgress p, Duration elapsed) {
    return p.succeeded()
        + "/"
        + p.total()
        + " done, "
        + p.running()
        + " running, "
        + p.queued()
        + " queued, "
        + p.failed()
        + " failed, "
        + p.creditsSpent()
        + " credits spent"
        + (p.creditsCommitted() > 0 ? " + " + p.creditsCommitted() + " committed" : "")
        + ", "
        + CliFormat.duration(elapsed)
        + p.estimatedRemaining().map(r -> ", ~" + CliFormat.duration(r) + " left").orElse("");
  }

  private void redraw() {
    redraw(Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** One frame, {@code elapsed} after the display started: the time ticks between events. */
  synchronized void redraw(Duration elapsed) {
    BatchProgress p = totals;
    frame = (frame + 1) % SPINNER.length;
    String text = p == null ? "starting  " + CliFormat.duration(elapsed) : counts(p, elapsed);
    err.print("\r" + SPINNER[frame] + " " + text + "   ");
    err.flush();
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      synchronized (this) {
        err.print("\r");
        err.println();
      }
    }
  }
}
