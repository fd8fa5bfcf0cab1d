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
import io.github.vidu4j.model.CancelTaskRequest;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskList;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.model.TaskSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Reads, lists, cancels and awaits tasks. Obtain from {@link ViduClient#tasks()}. Reads are retried
 * on network failures, 408, 429 and 5xx.
 */
public final class Tasks {
  private final TasksApi api;
  private final RetryingExecutor executor;

  /**
   * The same rules without retries, for scheduled polls: the next poll is their retry, and waits on
   * no thread.
   */
  private final RetryingExecutor singleAttempt;

  private final AsyncRunner async;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ViduEventListener listener;

  Tasks(
      TasksApi api,
      RetryingExecutor executor,
      RetryingExecutor singleAttempt,
      AsyncRunner async,
      Clock clock,
      Sleeper sleeper,
      ViduEventListener listener) {
    this.api = api;
    this.executor = executor;
    this.singleAttempt = singleAttempt;
    this.async = async;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  /**
   * The task's state and, once {@code success}, its {@code creations} ({@code GET
   * /ent/v2/tasks/{id}/creations}). A state this release does not know is kept as sent ({@link
   * TaskState#isKnown()} is false, {@link TaskState#getValue()} is the value).
   */
  public TaskCreations get(String taskId) {
    String id = requireId(taskId);
    return getBefore(id, null);
  }

  private TaskCreations getBefore(String id, @Nullable Instant deadline) {
    return executor.execute(
        api.getTaskCreations(id),
        RetryingExecutor.Mode.IDEMPOTENT,
        "GET /ent/v2/tasks/" + id + "/creations",
        deadline,
        RetryingExecutor.NEW_CALL);
  }

  /** {@link #get} on the client's async executor; the id is checked on the caller's thread. */
  public CompletableFuture<TaskCreations> getAsync(String taskId) {
    String id = requireId(taskId);
    return async.supply(() -> get(id));
  }

  /**
   * Asks Vidu to cancel the task ({@code POST /ent/v2/tasks/{id}/cancel}). Vidu refuses with 400
   * {@code BadRequest} once the task has started; a cancelled task ends {@code failed} with {@code
   * err_code} {@code UserCancelled}. Not retried after the request may have been sent (cancelling a
   * cancelled task answers 400): a failure then says to check the task with {@link #get}.
   */
  public void cancel(String taskId) {
    String id = requireId(taskId);
    executor.executeForStatus(
        api.cancelTask(id, new CancelTaskRequest().id(id)),
        RetryingExecutor.Mode.CANCELS,
        "POST /ent/v2/tasks/" + id + "/cancel");
  }

  /** {@link #cancel} on the client's async executor; the id is checked on the caller's thread. */
  public CompletableFuture<Void> cancelAsync(String taskId) {
    String id = requireId(taskId);
    return async.supply(
        () -> {
          cancel(id);
          return null;
        });
  }

  /**
   * One page of tasks ({@code GET /ent/v2/tasks}); choose it with {@link TaskQuery#page} or follow
   * {@code next_page_token} with {@link TaskQuery#pageToken}.
   */
  public TaskList list(TaskQuery query) {
    Objects.requireNonNull(query, "query == null");
    return executor.execute(
        api.listTasks(
            query.createdFrom,
            query.createdTo,
            nullIfEmpty(query.taskIds),
            nullIfEmpty(query.templates),
            nullIfEmpty(query.modelVersions),
            nullIfEmpty(query.resolutions),
            nullIfEmpty(query.states),
            query.page,
            query.pageSize,
            query.pageToken),
        RetryingExecutor.Mode.IDEMPOTENT,
        "GET /ent/v2/tasks");
  }

  /** {@link #list} on the client's async executor. */
  public CompletableFuture<TaskList> listAsync(TaskQuery query) {
    Objects.requireNonNull(query, "query == null");
    return async.supply(() -> list(query));
  }

  /**
   * Every task matching {@code query}, fetching pages lazily as the stream is consumed and
   * following {@code next_page_token} until Vidu sends none.
   */
  public Stream<TaskSummary> listAll(TaskQuery query) {
    Objects.requireNonNull(query, "query == null");
    Iterator<TaskSummary> iterator = new PageIterator(query);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** {@link #await(String, AwaitOptions)} with {@link AwaitOptions#defaults()}. */
  public TaskCreations await(String taskId) {
    return await(taskId, AwaitOptions.defaults());
  }

  /**
   * Polls the task until it ends: returns it on {@code success}, with its {@code creations}. Polls
   * every {@link AwaitOptions#initialInterval()} for {@link AwaitOptions#backoffAfter()}, then at a
   * pause growing by half each time up to {@link AwaitOptions#maxInterval()} (the schedule is
   * described on {@link AwaitOptions}). Errors that reads may recover from (network failures, 429,
   * 5xx, after the client's own retries) do not end the wait; others (401, 404) do.
   *
   * @throws TaskFailedException if the task ends {@code failed}
   * @throws TaskTimeoutException at the deadline; the task goes on, and the exception has its id
   * @throws ViduException if the thread is interrupted (the interrupt flag is kept)
   */
  public TaskCreations await(String taskId, AwaitOptions options) {
    Wait wait =
        new Wait(requireId(taskId), Objects.requireNonNull(options, "options == null"), executor);
    while (true) {
      TaskCreations done = wait.poll();
      if (done != null) {
        return done;
      }
      try {
        sleeper.sleep(wait.nextPause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ViduException(
            "interrupted while waiting for task "
                + wait.id
                + "; resume with client.tasks().await(\""
                + wait.id
                + "\")",
            e);
      }
    }
  }

  /** {@link #awaitAsync(String, AwaitOptions)} with {@link AwaitOptions#defaults()}. */
  public CompletableFuture<TaskCreations> awaitAsync(String taskId) {
    return awaitAsync(taskId, AwaitOptions.defaults());
  }

  /**
   * {@link #await(String, AwaitOptions)} without a thread held while it waits: each poll is one
   * request, a short task on the client's async executor ({@link
   * ViduClient.Builder#asyncExecutor}), and the pause before the next one a scheduled delay. A poll
   * that fails as a read may recover from is not retried on its thread: the next poll is its retry,
   * no sooner than a {@code Retry-After}. {@link ViduClient.Builder#sleeper} is not used.
   * Cancelling the returned future stops the polling (the task itself goes on; cancel it with
   * {@link #cancel}). After {@link ViduClient#close()} the future fails with a {@link
   * ViduException}. The timeout is a deadline: the future fails with {@link TaskTimeoutException}
   * when it passes, however much other work waits on the executor (a poll still queued then is
   * dropped, one in flight is ignored).
   */
  public CompletableFuture<TaskCreations> awaitAsync(String taskId, AwaitOptions options) {
    Wait wait =
        new Wait(
            requireId(taskId), Objects.requireNonNull(options, "options == null"), singleAttempt);
    CompletableFuture<TaskCreations> result = async.newFuture();
    // The deadline is kept by a timer of its own: polls queued behind other work cannot delay it.
    async.failAfter(result, options.timeout(), wait::timedOut);
    new ScheduledPolls(wait, result).next(Duration.ZERO);
    return result;
  }

  /** The polls of one {@link #awaitAsync}: each schedules the next, so none waits on a thread. */
  private final class ScheduledPolls {
    private final Wait wait;
    private final CompletableFuture<TaskCreations> result;
    private volatile @Nullable ScheduledFuture<?> scheduled;

    ScheduledPolls(Wait wait, CompletableFuture<TaskCreations> result) {
      this.wait = wait;
      this.result = result;
      // Cancelling (or closing the client) drops the queued poll instead of letting it wake up
      // idle;
      // the dependent stage only forwards that and cannot fail on its own.
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
      TaskCreations done = wait.poll();
      if (done != null) {
        result.complete(done);
      } else {
        next(wait.nextPause());
      }
    }
  }

  /**
   * One wait's state and schedule, shared by {@link #await} and {@link #awaitAsync}: what a read
   * means for the wait, and how long to pause before the next one.
   */
  private final class Wait {
    final String id;
    private final AwaitOptions options;
    private final Instant start = clock.instant();
    private final Instant deadline;
    private final RetryingExecutor reads;
    private final long callId = CallIds.next();
    private Duration interval;

    /** A failed poll's {@code Retry-After}: the next pause is at least this. */
    private @Nullable Duration retryAfter;

    private @Nullable String lastState;

    /** Written by the poll, read by the deadline timer of {@link #awaitAsync}. */
    private volatile @Nullable TaskState lastKnown;

    Wait(String id, AwaitOptions options, RetryingExecutor reads) {
      this.id = id;
      this.reads = reads;
      this.options = options;
      this.deadline = start.plus(options.timeout());
      this.interval = options.initialInterval();
    }

    /**
     * Reads the task once: the task if it succeeded, {@code null} to poll again.
     *
     * @throws TaskFailedException if it failed
     * @throws ViduApiException for an error a later read would not get past
     */
    @Nullable TaskCreations poll() {
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
          throw new TaskFailedException(id, task, executor.errors()::redact);
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

    /** The exception for a wait that reached its deadline. */
    TaskTimeoutException timedOut() {
      // The id may come from the server (createAndAwait): it is quoted only redacted.
      return new TaskTimeoutException(
          executor.errors().redact(id),
          lastKnown,
          Duration.between(start, clock.instant()),
          executor.errors()::redact);
    }

    /**
     * The pause before the next read.
     *
     * @throws TaskTimeoutException if the deadline has passed
     */
    Duration nextPause() {
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

  private static String requireId(String taskId) {
    Objects.requireNonNull(taskId, "taskId == null");
    if (taskId.isBlank() || taskId.contains("/")) {
      throw new IllegalArgumentException("taskId is not a task id: \"" + taskId + "\"");
    }
    return taskId;
  }

  private static <T> @Nullable List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }

  private final class PageIterator implements Iterator<TaskSummary> {
    private TaskQuery next;
    private boolean lastPage;
    private Iterator<TaskSummary> page = List.<TaskSummary>of().iterator();
    private final Set<String> seenTokens = new HashSet<>();

    PageIterator(TaskQuery first) {
      this.next = first;
    }

    @Override
    public boolean hasNext() {
      while (!page.hasNext() && !lastPage) {
        TaskList list = list(next);
        List<TaskSummary> tasks = list.getTasks() == null ? List.of() : list.getTasks();
        page = tasks.iterator();
        String token = list.getNextPageToken();
        if (token == null || token.isEmpty() || tasks.isEmpty()) {
          lastPage = true;
        } else if (!seenTokens.add(token)) {
          throw new ViduException(
              "GET /ent/v2/tasks returned next_page_token \""
                  + executor.errors().redact(token)
                  + "\" twice; stopping to avoid an endless listing");
        } else {
          next = next.pageToken(token);
        }
      }
      return page.hasNext();
    }

    @Override
    public TaskSummary next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.next();
    }
  }
}
