package io.github.vidu4j.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.validation.ViduValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One run of a batch: the journal replayed, lost answers reconciled, then the lines worked off by a
 * fixed number of workers.
 */
final class BatchRun {
  /** A line's progress as the journal tells it. */
  enum Status {
    NEW,
    CREATING,
    NOT_CREATED,
    CREATED,
    SUCCEEDED,
    FAILED,
    SAVED
  }

  static final class Line {
    final BatchLine line;
    Status status = Status.NEW;
    int attempt;
    @Nullable String tag;
    @Nullable Instant creatingAt;
    @Nullable String taskId;
    @Nullable String errCode;
    @Nullable Integer credits;
    List<String> files = List.of();

    /** Why this run could not finish the line; cleared when it starts again. */
    @Nullable String error;

    boolean finishedThisRun;

    Line(BatchLine line) {
      this.line = line;
    }
  }

  private final ViduClient client;
  private final Path output;
  private final BatchOptions options;
  private final Journal journal;
  private final Map<Integer, Line> lines = new TreeMap<>();
  private final Throttle throttle;
  private final Reconciler reconciler;
  private final long startNanos = System.nanoTime();
  private final AtomicInteger finishedThisRun = new AtomicInteger();

  BatchRun(
      ViduClient client,
      List<BatchLine> batch,
      Path output,
      BatchOptions options,
      Journal journal) {
    this.client = client;
    this.output = output;
    this.options = options;
    this.journal = journal;
    batch.forEach(l -> lines.put(l.number(), new Line(l)));
    this.throttle = new Throttle(options.throttleBackoff());
    this.reconciler = new Reconciler(client, this::knownTaskIds);
    replay(journal.events());
  }

  private void replay(List<JsonObject> events) {
    for (JsonObject event : events) {
      JsonElement number = event.get("line");
      Line line = number == null ? null : lines.get(number.getAsInt());
      if (line == null) {
        continue;
      }
      switch (Journal.string(event, "event")) {
        case "creating" -> {
          line.status = Status.CREATING;
          line.attempt = event.get("attempt").getAsInt();
          line.tag = Journal.string(event, "tag");
          line.creatingAt = Instant.parse(Journal.string(event, "at"));
          line.taskId = null;
        }
        case "created" -> {
          line.status = Status.CREATED;
          line.taskId = Journal.string(event, "task");
        }
        case "not_created" -> line.status = Status.NOT_CREATED;
        case "succeeded" -> {
          line.status = Status.SUCCEEDED;
          line.credits = intOrNull(event, "credits");
        }
        case "failed" -> {
          line.status = Status.FAILED;
          line.errCode = Journal.string(event, "err_code");
          line.credits = intOrNull(event, "credits");
          line.error = Journal.string(event, "error");
        }
        case "saved" -> {
          line.status = Status.SAVED;
          List<String> files = new ArrayList<>();
          event.getAsJsonArray("files").forEach(f -> files.add(f.getAsString()));
          line.files = List.copyOf(files);
        }
        default -> {}
      }
    }
  }

  BatchReport run(int concurrency) {
    try {
      ResultFiles.removeLeftovers(output);
      reconcileUnknown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Queue<Line> work = new ConcurrentLinkedQueue<>();
    List<Line> toCreate = new ArrayList<>();
    for (Line line : lines.values()) {
      line.error = line.status == Status.FAILED ? line.error : null;
      switch (line.status) {
        case CREATED, SUCCEEDED -> work.add(line);
        case SAVED -> {
          if (!line.files.stream().allMatch(f -> Files.isRegularFile(output.resolve(f)))) {
            line.status = Status.SUCCEEDED; // a file went missing: fetch fresh URLs and save again
            work.add(line);
          }
        }
        case FAILED -> {
          if (options.retryFailed() && retryable(line.errCode)) {
            line.status = Status.NEW;
            line.taskId = null;
            line.errCode = null;
            line.credits = null;
            line.error = null;
            toCreate.add(line);
          }
        }
        default -> toCreate.add(line);
      }
    }
    work.addAll(toCreate); // tasks already paid for first: they finish while new ones start
    ExecutorService workers =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(concurrency, lines.size())),
            runnable -> {
              Thread thread = new Thread(runnable, "vidu4j-batch");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < Math.max(1, Math.min(concurrency, lines.size())); i++) {
        running.add(
            workers.submit(
                () -> {
                  for (Line line; (line = work.poll()) != null; ) {
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

  /**
   * Lines whose create may have reached Vidu with no answer recorded: found by their tag, or
   * recorded as never created.
   */
  private void reconcileUnknown() throws IOException {
    List<Line> unknown = lines.values().stream().filter(l -> l.status == Status.CREATING).toList();
    if (unknown.isEmpty()) {
      return;
    }
    Map<Line, String> found = reconciler.find(unknown);
    for (Line line : unknown) {
      recordReconciled(line, found.get(line));
    }
  }

  private void recordReconciled(Line line, @Nullable String taskId) throws IOException {
    if (taskId != null) {
      JsonObject event = lineEvent("created", line);
      event.addProperty("attempt", line.attempt);
      event.addProperty("task", taskId);
      event.addProperty("reconciled", true);
      journal.append(event);
      line.taskId = taskId;
      line.status = Status.CREATED;
    } else {
      JsonObject event = lineEvent("not_created", line);
      event.addProperty("attempt", line.attempt);
      event.addProperty(
          "error", "no task carries its tag " + line.tag + ": the create never reached Vidu");
      journal.append(event);
      line.status = Status.NOT_CREATED;
    }
  }

  private void process(Line line) {
    try {
      if (line.taskId == null && !create(line)) {
        changed(line, true);
        return;
      }
      changed(line, false);
      TaskCreations done;
      try {
        done = client.tasks().await(line.taskId, options.awaitOptions());
      } catch (TaskFailedException e) {
        JsonObject event = lineEvent("failed", line);
        event.addProperty("task", line.taskId);
        event.addProperty("err_code", e.errCode().orElse(""));
        addCredits(event, e.task().getCredits());
        event.addProperty("error", e.getMessage());
        journal.append(event);
        line.status = Status.FAILED;
        line.errCode = e.errCode().orElse("");
        line.credits = e.task().getCredits();
        line.error = e.getMessage();
        changed(line, true);
        return;
      } catch (TaskTimeoutException e) {
        line.error =
            "task "
                + line.taskId
                + " still "
                + e.lastState().map(String::valueOf).orElse("unfinished")
                + " after "
                + e.waited().toSeconds()
                + " s; run again to go on waiting";
        changed(line, true);
        return;
      }
      if (line.status != Status.SUCCEEDED) {
        JsonObject event = lineEvent("succeeded", line);
        event.addProperty("task", line.taskId);
        addCredits(event, done.getCredits());
        journal.append(event);
        line.status = Status.SUCCEEDED;
      }
      line.credits = done.getCredits() != null ? done.getCredits() : line.credits;
      List<String> files = ResultFiles.save(client.downloads(), done, output, line.line.fileStem());
      JsonObject event = lineEvent("saved", line);
      event.addProperty("task", line.taskId);
      JsonArray names = new JsonArray();
      files.forEach(names::add);
      event.add("files", names);
      journal.append(event);
      line.files = files;
      line.status = Status.SAVED;
      changed(line, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + output + " or its journal", e);
    } catch (ViduException e) {
      line.error =
          (line.status == Status.SUCCEEDED
                  ? "task succeeded but its files were not saved (run again to retry): "
                  : "")
              + e.getMessage();
      changed(line, true);
    }
  }

  /**
   * Creates the line's task, recording it first; false if it could not be created in this run (the
   * reason in {@link Line#error}).
   */
  private boolean create(Line line) throws IOException {
    int refusals = 0;
    while (true) {
      throttle.awaitClear();
      line.attempt++;
      line.tag = PayloadTag.of(journal.batchId(), line.line.number(), line.attempt);
      line.creatingAt = Instant.now();
      JsonObject creating = lineEvent("creating", line);
      creating.addProperty("attempt", line.attempt);
      creating.addProperty("tag", line.tag);
      journal.append(creating);
      line.status = Status.CREATING;
      String why;
      try {
        ReferenceToImageTask task = client.images().create(PayloadTag.tagged(line.line, line.tag));
        String id = task.getTaskId();
        if (id == null || id.isEmpty()) {
          // Vidu took it but named no task: find it by its tag like a lost answer.
          recordReconciled(line, reconciler.find(List.of(line)).get(line));
          if (line.status == Status.CREATED) {
            return true;
          }
          why = "Vidu answered the create without a task id";
        } else {
          JsonObject created = lineEvent("created", line);
          created.addProperty("attempt", line.attempt);
          created.addProperty("task", id);
          journal.append(created);
          line.taskId = id;
          line.status = Status.CREATED;
          throttle.succeeded();
          return true;
        }
      } catch (ViduApiException e) {
        if (e.statusCode() == 429) {
          notCreated(line, e.getMessage());
          Duration pause = throttle.throttled(e.retryAfter());
          if (!pause.isZero()) {
            throttled(pause);
          }
          why = "refused with 429 " + e.reason().orElse("") + " " + (refusals + 1) + " times";
        } else if (e.statusCode() >= 500) {
          // Vidu failed while handling it: the task may exist all the same.
          recordReconciled(line, reconciler.find(List.of(line)).get(line));
          if (line.status == Status.CREATED) {
            return true;
          }
          why = e.getMessage();
        } else {
          notCreated(line, e.getMessage());
          line.error = "refused: " + e.getMessage();
          return false;
        }
      } catch (ViduTransportException e) {
        if (e.mayHaveReachedVidu()) {
          recordReconciled(line, reconciler.find(List.of(line)).get(line));
          if (line.status == Status.CREATED) {
            return true;
          }
        } else {
          notCreated(line, e.getMessage());
        }
        why = "no answer: " + e.getMessage();
      } catch (ViduValidationException e) {
        notCreated(line, e.getMessage());
        line.error = e.getMessage();
        return false;
      }
      if (++refusals >= options.maxCreateAttempts()) {
        line.error = "not created after " + refusals + " attempts (" + why + "); run again later";
        return false;
      }
      if (!why.startsWith("refused with 429")) {
        sleep(options.throttleBackoff());
      }
    }
  }

  private void notCreated(Line line, @Nullable String error) throws IOException {
    JsonObject event = lineEvent("not_created", line);
    event.addProperty("attempt", line.attempt);
    event.addProperty("error", String.valueOf(error));
    journal.append(event);
    line.status = Status.NOT_CREATED;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ViduException("interrupted; run the batch again to resume", e);
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

  private static JsonObject lineEvent(String kind, Line line) {
    JsonObject event = Journal.event(kind);
    event.addProperty("line", line.line.number());
    return event;
  }

  private static void addCredits(JsonObject event, @Nullable Integer credits) {
    if (credits != null) {
      event.addProperty("credits", credits);
    }
  }

  // ---- progress and report ----------------------------------------------------------------

  private synchronized void changed(Line line, boolean finished) {
    if (finished && !line.finishedThisRun) {
      line.finishedThisRun = true;
      finishedThisRun.incrementAndGet();
    }
    LineResult result = result(line);
    BatchProgress totals = totals();
    try {
      options.listener().lineChanged(result, totals);
    } catch (RuntimeException ignored) {
      // A display's failure must not stop paid work.
    }
  }

  private synchronized void throttled(Duration pause) {
    try {
      options.listener().throttled(pause, totals());
    } catch (RuntimeException ignored) {
      // as above
    }
  }

  private LineResult result(Line line) {
    LineState state =
        switch (line.status) {
          case SAVED -> LineState.SUCCEEDED;
          case FAILED -> LineState.FAILED;
          case CREATED, SUCCEEDED -> line.error != null ? LineState.FAILED : LineState.RUNNING;
          case NEW, CREATING, NOT_CREATED ->
              line.error != null ? LineState.FAILED : LineState.QUEUED;
        };
    List<Path> files =
        line.status == Status.SAVED ? line.files.stream().map(output::resolve).toList() : List.of();
    return new LineResult(
        line.line.number(),
        line.line.name().orElse(null),
        state,
        line.taskId,
        files,
        line.credits,
        line.status == Status.FAILED && line.errCode != null && !line.errCode.isEmpty()
            ? line.errCode
            : null,
        line.error);
  }

  private BatchProgress totals() {
    int succeeded = 0;
    int running = 0;
    int queued = 0;
    int failed = 0;
    long credits = 0;
    for (Line line : lines.values()) {
      switch (result(line).state()) {
        case SUCCEEDED -> succeeded++;
        case RUNNING -> running++;
        case QUEUED -> queued++;
        case FAILED -> failed++;
      }
      if (line.credits != null
          && (line.status == Status.SAVED
              || line.status == Status.SUCCEEDED
              || line.status == Status.FAILED)) {
        credits += line.credits;
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    int done = finishedThisRun.get();
    int left = lines.size() - succeeded - failed;
    Duration remaining = done == 0 ? null : elapsed.dividedBy(done).multipliedBy(left);
    return new BatchProgress(
        lines.size(), succeeded, running, queued, failed, credits, elapsed, remaining);
  }

  private synchronized BatchReport report() {
    return new BatchReport(
        lines.values().stream().map(this::result).toList(), totals(), journal.path());
  }

  private static @Nullable Integer intOrNull(JsonObject event, String name) {
    JsonElement value = event.get(name);
    return value == null || value.isJsonNull() ? null : value.getAsInt();
  }
}
