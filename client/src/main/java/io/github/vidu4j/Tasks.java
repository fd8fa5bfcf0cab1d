package io.github.vidu4j;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Reads, lists, cancels and awaits tasks. Obtain from {@link ViduClient#tasks()}. Reads are
 * retried on network failures, 408, 429 and 5xx.
 */
public final class Tasks {
  private final TasksApi api;
  private final RetryingExecutor executor;
  private final ExecutorService async;
  private final Clock clock;
  private final ViduClient.Sleeper sleeper;

  Tasks(TasksApi api, RetryingExecutor executor, ExecutorService async, Clock clock, ViduClient.Sleeper sleeper) {
    this.api = api;
    this.executor = executor;
    this.async = async;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * The task's state and, once {@code success}, its {@code creations} ({@code GET
   * /ent/v2/tasks/{id}/creations}). A state this release does not know reads as {@link
   * TaskState#UNKNOWN_DEFAULT_OPEN_API}; {@code RawJson.field(task, "state")} has the value sent.
   */
  public TaskCreations get(String taskId) {
    String id = requireId(taskId);
    return getBefore(id, null);
  }

  private TaskCreations getBefore(String id, @Nullable Instant deadline) {
    return executor.execute(api.getTaskCreations(id), RetryingExecutor.Mode.IDEMPOTENT, "GET /ent/v2/tasks/" + id + "/creations", deadline);
  }

  /** {@link #get} on a vidu4j thread. */
  public CompletableFuture<TaskCreations> getAsync(String taskId) {
    return CompletableFuture.supplyAsync(() -> get(taskId), async);
  }

  /**
   * Asks Vidu to cancel the task ({@code POST /ent/v2/tasks/{id}/cancel}). Vidu refuses with 400
   * {@code BadRequest} once the task has started; a cancelled task ends {@code failed} with
   * {@code err_code} {@code UserCancelled}. Not retried after the request may have been sent
   * (cancelling a cancelled task answers 400): a failure then says to check the task with {@link
   * #get}.
   */
  public void cancel(String taskId) {
    String id = requireId(taskId);
    executor.executeForStatus(api.cancelTask(id, new CancelTaskRequest().id(id)), RetryingExecutor.Mode.CANCELS, "POST /ent/v2/tasks/" + id + "/cancel");
  }

  /** {@link #cancel} on a vidu4j thread. */
  public CompletableFuture<Void> cancelAsync(String taskId) {
    return CompletableFuture.runAsync(() -> cancel(taskId), async);
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

  /** {@link #list} on a vidu4j thread. */
  public CompletableFuture<TaskList> listAsync(TaskQuery query) {
    Objects.requireNonNull(query, "query == null");
    return CompletableFuture.supplyAsync(() -> list(query), async);
  }

  /**
   * Every task matching {@code query}, fetching pages lazily as the stream is consumed and
   * following {@code next_page_token} until Vidu sends none.
   */
  public Stream<TaskSummary> listAll(TaskQuery query) {
    Objects.requireNonNull(query, "query == null");
    Iterator<TaskSummary> iterator = new PageIterator(query);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** {@link #await(String, AwaitOptions)} with {@link AwaitOptions#defaults()}. */
  public TaskCreations await(String taskId) {
    return await(taskId, AwaitOptions.defaults());
  }

  /**
   * Polls the task until it ends: returns it on {@code success}, with its {@code creations}.
   * Polls every {@link AwaitOptions#initialInterval()} for {@link AwaitOptions#backoffAfter()},
   * then at a pause growing by half each time up to {@link AwaitOptions#maxInterval()} (the
   * schedule is described on {@link AwaitOptions}). Errors that reads may recover from (network failures, 429, 5xx,
   * after the client's own retries) do not end the wait; others (401, 404) do.
   *
   * @throws TaskFailedException if the task ends {@code failed}
   * @throws TaskTimeoutException at the deadline; the task goes on, and the exception has its id
   * @throws ViduException if the thread is interrupted (the interrupt flag is kept)
   */
  public TaskCreations await(String taskId, AwaitOptions options) {
    String id = requireId(taskId);
    Objects.requireNonNull(options, "options == null");
    Instant start = clock.instant();
    Instant deadline = start.plus(options.timeout());
    Duration interval = options.initialInterval();
    String lastState = null;
    TaskState lastKnown = null;
    while (true) {
      try {
        // No retry of this read starts after the deadline: await overruns it by one request at most.
        TaskCreations task = getBefore(id, deadline);
        String state = RawJson.field(task, "state").orElse(task.getState() == null ? "" : task.getState().getValue());
        lastKnown = task.getState();
        if (!state.equals(lastState)) {
          lastState = state;
          options.onStateChange().accept(task);
        }
        if (task.getState() == TaskState.SUCCESS) {
          return task;
        }
        if (task.getState() == TaskState.FAILED) {
          throw new TaskFailedException(id, task);
        }
      } catch (ViduTransportException e) {
        // Already retried by the executor; the task goes on regardless, so keep polling.
      } catch (ViduApiException e) {
        if (!e.isRetryable()) {
          throw e;
        }
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        throw new TaskTimeoutException(id, lastKnown, Duration.between(start, now));
      }
      Duration left = Duration.between(now, deadline);
      boolean steady = Duration.between(start, now).compareTo(options.backoffAfter()) < 0;
      Duration pause = steady ? options.initialInterval() : interval;
      try {
        sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ViduException("interrupted while waiting for task " + id + "; resume with client.tasks().await(\"" + id + "\")", e);
      }
      if (!steady) {
        Duration next = interval.plus(interval.dividedBy(2));
        interval = next.compareTo(options.maxInterval()) > 0 ? options.maxInterval() : next;
      }
    }
  }

  /**
   * {@link #await(String, AwaitOptions)} on a vidu4j thread. Cancelling the returned future stops
   * the polling (the task itself goes on; cancel it with {@link #cancel}).
   */
  public CompletableFuture<TaskCreations> awaitAsync(String taskId, AwaitOptions options) {
    requireId(taskId);
    Objects.requireNonNull(options, "options == null");
    CompletableFuture<TaskCreations> result = new CompletableFuture<>();
    Future<?> worker =
        async.submit(
            () -> {
              try {
                result.complete(await(taskId, options));
              } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
              }
            });
    // The dependent stage only forwards a cancellation; it cannot fail on its own.
    var unused =
        result.whenComplete(
        (value, error) -> {
          if (result.isCancelled()) {
            worker.cancel(true);
          }
        });
    return result;
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
          throw new ViduException("GET /ent/v2/tasks returned next_page_token \"" + token + "\" twice; stopping to avoid an endless listing");
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
