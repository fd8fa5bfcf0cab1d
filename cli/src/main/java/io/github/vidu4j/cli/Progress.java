package io.github.vidu4j.cli;

import io.github.vidu4j.RawJson;
import io.github.vidu4j.model.TaskCreations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Shows a task's progress on stderr: on a terminal, one line redrawn in place with the state and
 * the elapsed time; otherwise one plain line per state change, so logs stay readable.
 */
final class Progress implements Consumer<TaskCreations>, AutoCloseable {
  private static final char[] SPINNER = {'|', '/', '-', '\\'};

  private final PrintWriter err;
  private final String taskId;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService ticker;
  private volatile String state = "submitted";
  private int frame;

  Progress(PrintWriter err, String taskId, boolean interactive) {
    this.err = err;
    this.taskId = taskId;
    if (interactive) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vidu-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::redraw, 0, 250, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  @Override
  public void accept(TaskCreations task) {
    state = RawJson.field(task, "state").orElse(String.valueOf(task.getState()));
    if (ticker == null) {
      err.println("task " + taskId + ": " + state + " (" + CliFormat.duration(elapsed()) + ")");
    }
  }

  private synchronized void redraw() {
    frame = (frame + 1) % SPINNER.length;
    err.print("\r" + SPINNER[frame] + " task " + taskId + ": " + state + "  " + CliFormat.duration(elapsed()) + "   ");
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
        err.println("\r  task " + taskId + ": " + state + "  " + CliFormat.duration(elapsed()) + "   ");
      }
    }
  }
}
