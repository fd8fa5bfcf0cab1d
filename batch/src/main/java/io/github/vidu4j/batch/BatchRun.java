package io.github.vidu4j.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.model.TaskCreations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * One run of a batch: the journal replayed, then the lines worked off by a fixed number of workers
 * (tasks that may exist first: found by their tag before anything is created again).
 */
final class BatchRun {
  private final ViduClient client;
  private final Path output;
  private final BatchOptions options;
  private final Journal journal;
  private final Map<Integer, RunLine> lines = new TreeMap<>();
  private final Creates creates;
  private final int concurrency;
  private final BatchTotals totals;

  BatchRun(
      ViduClient client,
      List<BatchLine> batch,
      Path output,
      BatchOptions options,
      Journal journal,
      int concurrency) {
    this.client = client;
    this.output = output;
    this.options = options;
    this.journal = journal;
    this.concurrency = Math.max(1, Math.min(concurrency, batch.size()));
    batch.forEach(l -> lines.put(l.number(), new RunLine(l)));
    JournalReplay.apply(journal.path(), journal.events(), lines);
    this.creates =
        new Creates(
            client,
            journal,
            options,
            new Reconciler(client, journal.batchId(), this::knownTaskIds),
            this::throttled);
    this.totals = new BatchTotals(lines.values(), output, this.concurrency);
  }

  BatchReport run() {
    try {
      ResultFiles.removeLeftovers(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Queue<RunLine> work = new ConcurrentLinkedQueue<>();
    List<RunLine> toCreate = new ArrayList<>();
    for (RunLine line : lines.values()) {
      line.error = line.status == RunLine.Status.FAILED ? line.error : null;
      switch (line.status) {
        case CREATED, SUCCEEDED, CREATING -> work.add(line); // paid for, or may be
        case SAVED -> {
          if (!line.files.stream().allMatch(f -> Files.isRegularFile(output.resolve(f)))) {
            line.status = RunLine.Status.SUCCEEDED; // a file went missing: fetch fresh URLs
            work.add(line);
          } else {
            line.endedEarlier = true;
          }
        }
        case FAILED -> {
          if (options.retryFailed() && retryable(line.errCode)) {
            line.status = RunLine.Status.NEW;
            line.taskId = null;
            line.errCode = null;
            line.credits = null;
            line.error = null;
            toCreate.add(line);
          } else {
            line.endedEarlier = true;
          }
        }
        default -> toCreate.add(line);
      }
    }
    work.addAll(toCreate); // tasks paid for first: they finish while new ones start
    ExecutorService workers =
        Executors.newFixedThreadPool(
            concurrency,
            runnable -> {
              Thread thread = new Thread(runnable, "vidu4j-batch");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < concurrency && !work.isEmpty(); i++) {
        running.add(
            workers.submit(
                () -> {
                  for (RunLine line; (line = work.poll()) != null; ) {
                    process(line);
                  }
                  return null;
                }));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ViduException(
          "interrupted; the journal "
              + journal.path()
              + " has every task created so far: run again to resume",
          e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new ViduException("batch worker failed: " + cause, cause);
    } finally {
      workers.shutdownNow();
    }
    return report();
  }

  private void process(RunLine line) {
    try {
      if (line.taskId == null && !creates.ensureTask(line)) {
        changed(line, true);
        return;
      }
      changed(line, false);
      TaskCreations done;
      try {
        done = client.tasks().await(line.taskId, options.awaitOptions());
      } catch (TaskFailedException e) {
        JsonObject event = lineEvent("failed", line);
        addTask(event, line);
        event.addProperty("err_code", e.errCode().orElse(""));
        addCredits(event, e.task().getCredits());
        event.addProperty("error", said(e));
        journal.append(event);
        line.status = RunLine.Status.FAILED;
        line.errCode = e.errCode().orElse("");
        line.credits = e.task().getCredits();
        line.committedCredits = null;
        line.error = said(e);
        totals.ended(line);
        changed(line, true);
        return;
      } catch (TaskTimeoutException e) {
        line.error =
            "task "
                + (line.taskIdSecret ? "<redacted>" : line.taskId)
                + " still "
                + e.lastState().map(String::valueOf).orElse("unfinished")
                + " after "
                + e.waited().toSeconds()
                + " s; run again to go on waiting";
        changed(line, true);
        return;
      }
      if (line.status != RunLine.Status.SUCCEEDED) {
        JsonObject event = lineEvent("succeeded", line);
        addTask(event, line);
        addCredits(event, done.getCredits());
        journal.append(event);
        line.status = RunLine.Status.SUCCEEDED;
      }
      line.credits = done.getCredits() != null ? done.getCredits() : line.credits;
      line.committedCredits = null;
      List<String> files = ResultFiles.save(client.downloads(), done, output, line.line.fileStem());
      JsonObject event = lineEvent("saved", line);
      addTask(event, line);
      JsonArray names = new JsonArray();
      files.forEach(names::add);
      event.add("files", names);
      journal.append(event);
      line.files = files;
      line.status = RunLine.Status.SAVED;
      totals.ended(line);
      changed(line, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + output + " or its journal", e);
    } catch (ViduException e) {
      line.error =
          (line.status == RunLine.Status.SUCCEEDED
                  ? "task succeeded but its files were not saved (run again to retry): "
                  : "")
              + said(e);
      changed(line, true);
    }
  }

  private static boolean retryable(@Nullable String errCode) {
    return errCode != null
        && !errCode.isEmpty()
        && new TaskFailedException("-", new TaskCreations().errCode(errCode)).isRetryable();
  }

  private synchronized Collection<String> knownTaskIds() {
    return lines.values().stream().map(l -> l.taskId).filter(id -> id != null).toList();
  }

  static JsonObject lineEvent(String kind, RunLine line) {
    JsonObject event = Journal.event(kind);
    event.addProperty("line", line.line.number());
    return event;
  }

  /** The task id, unless it holds the API key (a key is never written to disk). */
  private static void addTask(JsonObject event, RunLine line) {
    if (!line.taskIdSecret) {
      event.addProperty("task", line.taskId);
    }
  }

  private static void addCredits(JsonObject event, @Nullable Integer credits) {
    if (credits != null) {
      event.addProperty("credits", credits);
    }
  }

  // ---- progress and report ----------------------------------------------------------------

  private synchronized void changed(RunLine line, boolean finished) {
    line.finishedThisRun |= finished;
    LineResult result = totals.result(line);
    BatchProgress now = totals.totals();
    try {
      options.listener().lineChanged(result, now);
    } catch (RuntimeException ignored) {
      // A display's failure must not stop paid work.
    }
  }

  private synchronized void throttled(Duration pause) {
    try {
      options.listener().throttled(pause, totals.totals());
    } catch (RuntimeException ignored) {
      // as above
    }
  }

  private synchronized BatchReport report() {
    return new BatchReport(
        lines.values().stream().map(totals::result).toList(), totals.totals(), journal.path());
  }

  /**
   * An exception's message with the API key redacted: it is journalled and reported, and the
   * client's messages may quote server text or a server-given task id in a path.
   */
  private String said(Exception e) {
    return client.redact(String.valueOf(e.getMessage()));
  }
}
