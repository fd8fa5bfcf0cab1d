package io.github.vidu4j.cli;

import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.model.TaskCreations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Shows a task's progress on stderr: on a terminal, one line redrawn in place with the state and
 * the elapsed time; otherwise one plain line per state change, so logs stay readable; or nothing.
 * It also keeps the task as last read, for {@code --json} to print when the wait ends badly.
 */
final class Progress implements Consumer<TaskCreations>, AutoCloseable {
  /** {@link #LIVE} redraws one line with carriage returns, so only where stderr is a terminal. */
  enum Mode {
    LIVE,
    LINES,
    OFF
  }

  private static final char[] SPINNER = {'|', '/', '-', '\\'};

  private final PrintWriter err;
  private final String taskId;
  private final Mode mode;
  private final long startNanos = System.nanoTime();
  private final @Nullable ScheduledExecutorService ticker;
  private volatile String state = "submitted";
  private volatile @Nullable TaskCreations last;
  private int frame;

  Progress(PrintWriter err, String taskId, Mode mode) {
    this.err = err;
    this.taskId = taskId;
    this.mode = mode;
    this.ticker = ticker(mode, "vidu-progress", this::redraw);
  }

  /**
   * For a live display, a daemon thread that calls {@code redraw} four times a second; else none.
   */
  static @Nullable ScheduledExecutorService ticker(Mode mode, String threadName, Runnable redraw) {
    if (mode != Mode.LIVE) {
      return null;
    }
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, threadName);
              thread.setDaemon(true);
              return thread;
            });
    var unused = ticker.scheduleAtFixedRate(redraw, 0, 250, TimeUnit.MILLISECONDS);
    return ticker;
  }

  @Override
  public void accept(TaskCreations task) {
    last = task;
    state = RawJson.field(task, "state").orElse(String.valueOf(task.getState()));
    if (mode == Mode.LINES) {
      err.println("task " + taskId + ": " + state + " (" + CliFormat.duration(elapsed()) + ")");
    }
  }

  /** The task as last read while waiting, if a read succeeded. */
  Optional<TaskCreations> lastRead() {
    return Optional.ofNullable(last);
  }

  private synchronized void redraw() {
    frame = (frame + 1) % SPINNER.length;
    err.print(
        "\r"
            + SPINNER[frame]
            + " task "
            + taskId
            + ": "
            + state
            + "  "
            + CliFormat.duration(elapsed())
            + "   ");
    err.flush();
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      synchronized (this) {
        err.println(
            "\r  task " + taskId + ": " + state + "  " + CliFormat.duration(elapsed()) + "   ");
      }
    }
  }
}
