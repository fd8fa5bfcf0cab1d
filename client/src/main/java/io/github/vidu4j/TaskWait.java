package io.github.vidu4j;

import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.core.Sleeper;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.core.internal.CallIds;
import io.github.vidu4j.internal.RetryingExecutor;
import io.github.vidu4j.internal.api.TasksApi;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * One wait for a task to end, shared by {@link Tasks#await} (which sleeps between polls) and {@link
 * Async#await} (which schedules them): what a read means for the wait, and how long to pause before
 * the next one.
 */
final class TaskWait {
  private final String id;
  private final AwaitOptions options;
  private final TasksApi api;
  private final RetryingExecutor reads;
  private final Clock clock;
  private final ViduEventListener listener;
  private final Instant start;
  private final Instant deadline;
  private final long callId = CallIds.next();
  private Duration interval;

  /** A failed poll's {@code Retry-After}: the next pause is at least this. */
  private @Nullable Duration retryAfter;

  private @Nullable String lastState;

  /** Written by the poll, read by the deadline timer of {@link #schedule}. */
  private volatile @Nullable TaskState lastKnown;

  TaskWait(
      String id,
      AwaitOptions options,
      TasksApi api,
      RetryingExecutor reads,
      Clock clock,
      ViduEventListener listener) {
    this.id = id;
    this.options = options;
    this.api = api;
    this.reads = reads;
    this.clock = clock;
    this.listener = listener;
    this.start = clock.instant();
    this.deadline = start.plus(options.timeout());
    this.interval = options.initialInterval();
  }

  /** Polls on this thread, sleeping between polls, until the task ends or the deadline passes. */
  TaskCreations block(Sleeper sleeper) {
    while (true) {
      TaskCreations done = poll();
      if (done != null) {
        return done;
      }
      try {
        sleeper.sleep(nextPause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ViduException(
            "interrupted while waiting for task "
                + id
                + "; resume with client.tasks().await(\""
                + id
                + "\")",
            e);
      }
    }
  }

  /** Polls on {@code async}, each poll scheduling the next, so that none waits on a thread. */
  CompletableFuture<TaskCreations> schedule(AsyncRunner async) {
    CompletableFuture<TaskCreations> result = async.newFuture();
    // The deadline is kept by a timer of its own: polls queued behind other work cannot delay it.
    async.failAfter(result, options.timeout(), this::timedOut);
    new ScheduledPolls(async, result).next(Duration.ZERO);
    return result;
  }

  private final class ScheduledPolls {
    private final AsyncRunner async;
    private final CompletableFuture<TaskCreations> result;
    private volatile @Nullable ScheduledFuture<?> scheduled;

    ScheduledPolls(AsyncRunner async, CompletableFuture<TaskCreations> result) {
      this.async = async;
      this.result = result;
      // Cancelling (or closing the client) drops the queued poll instead of letting it wake up
      // idle; the dependent stage only forwards that and cannot fail on its own.
      var unused =
          result.whenComplete(
              (value, error) -> {
                ScheduledFuture<?> next = scheduled;
                if (next != null) {
                  next.cancel(false);
                }
              });
    }

    void next(Duration pause) {
      scheduled = async.schedule(result, this::poll, pause);
    }

    private void poll() {
      TaskCreations done = TaskWait.this.poll();
      if (done != null) {
        result.complete(done);
      } else {
        next(nextPause());
      }
    }
  }

  /**
   * Reads the task once: the task if it succeeded, {@code null} to poll again.
   *
   * @throws TaskFailedException if it failed
   * @throws ViduApiException for an error a later read would not get past
   */
  private @Nullable TaskCreations poll() {
    try {
      // No retry of this read starts after the deadline: a wait overruns it by one request at
      // most.
      TaskCreations task =
          reads.execute(
              api.getTaskCreations(id),
              RetryingExecutor.Mode.IDEMPOTENT,
              "GET /ent/v2/tasks/" + id + "/creations",
              deadline,
              callId);
      String state =
          RawJson.field(task, "state")
              .orElse(task.getState() == null ? "" : task.getState().getValue());
      lastKnown = task.getState();
      listener.taskStateObserved(callId, id, state, Duration.between(start, clock.instant()));
      if (!state.equals(lastState)) {
        lastState = state;
        options.onStateChange().accept(task);
      }
      if (TaskState.SUCCESS.equals(task.getState())) {
        return task;
      }
      if (TaskState.FAILED.equals(task.getState())) {
        throw new TaskFailedException(id, task, reads.errors()::redact);
      }
    } catch (ViduTransportException e) {
      // Already retried by the executor; the task goes on regardless, so keep polling.
    } catch (ViduApiException e) {
      if (!e.isRetryable()) {
        throw e;
      }
      retryAfter = e.retryAfter().orElse(null);
    }
    return null;
  }

  private TaskTimeoutException timedOut() {
    // The id may come from the server (createAndAwait): it is quoted only redacted.
    return new TaskTimeoutException(
        reads.errors().redact(id),
        lastKnown,
        Duration.between(start, clock.instant()),
        reads.errors()::redact);
  }

  /**
   * The pause before the next read.
   *
   * @throws TaskTimeoutException if the deadline has passed
   */
  private Duration nextPause() {
    Instant now = clock.instant();
    if (!now.isBefore(deadline)) {
      throw timedOut();
    }
    Duration left = Duration.between(now, deadline);
    boolean steady = Duration.between(start, now).compareTo(options.backoffAfter()) < 0;
    Duration pause = steady ? options.initialInterval() : interval;
    if (retryAfter != null && retryAfter.compareTo(pause) > 0) {
      pause = retryAfter;
    }
    retryAfter = null;
    if (!steady) {
      Duration next = interval.plus(interval.dividedBy(2));
      interval = next.compareTo(options.maxInterval()) > 0 ? options.maxInterval() : next;
    }
    return pause.compareTo(left) < 0 ? pause : left;
  }
}
