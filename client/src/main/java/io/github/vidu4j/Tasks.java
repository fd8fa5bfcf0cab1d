package io.github.vidu4j;

import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.Sleeper;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.internal.RetryingExecutor;
import io.github.vidu4j.internal.api.TasksApi;
import io.github.vidu4j.model.CancelTaskRequest;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskList;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.model.TaskSummary;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Reads, lists, cancels and awaits tasks. Obtain from {@link ViduClient#tasks()}. Reads are retried
 * on network failures, 408, 429 and 5xx. Applications, {@code vidu4j-batch} (its runs and
 * reconciler) and the CLI's {@code task} commands use it. The same calls as futures are on {@link
 * ViduClient#async()}.
 */
public final class Tasks {
  private final TasksApi api;
  private final RetryingExecutor executor;

  /**
   * The same rules without retries, for scheduled polls: the next poll is their retry, and waits on
   * no thread.
   */
  private final RetryingExecutor singleAttempt;

  private final Clock clock;
  private final Sleeper sleeper;
  private final ViduEventListener listener;

  Tasks(
      TasksApi api,
      RetryingExecutor executor,
      Clock clock,
      Sleeper sleeper,
      ViduEventListener listener) {
    this.api = api;
    this.executor = executor;
    this.singleAttempt = executor.withMaxRetries(0);
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
    return executor.execute(
        api.getTaskCreations(id),
        RetryingExecutor.Mode.IDEMPOTENT,
        "GET /ent/v2/tasks/" + id + "/creations");
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

  /**
   * Every task matching {@code query}, fetching pages lazily as the stream is consumed and
   * following {@code next_page_token} until Vidu sends none.
   */
  public Stream<TaskSummary> listAll(TaskQuery query) {
    Objects.requireNonNull(query, "query == null");
    Iterator<TaskSummary> iterator = new TaskPages(query, this::list, executor.errors()::redact);
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
    return newWait(taskId, options, executor).block(sleeper);
  }

  /** The wait of {@link Async#await(String, AwaitOptions)}: its polls are single attempts. */
  TaskWait scheduledWait(String taskId, AwaitOptions options) {
    return newWait(taskId, options, singleAttempt);
  }

  private TaskWait newWait(String taskId, AwaitOptions options, RetryingExecutor reads) {
    return new TaskWait(
        requireId(taskId),
        Objects.requireNonNull(options, "options == null"),
        api,
        reads,
        clock,
        listener);
  }

  /**
   * Whether {@code id} can name a task in a URL path: not blank, no {@code /}, not {@code .} or
   * {@code ..} (which a URL resolves away). Vidu's ids are numeric strings; this allows more.
   */
  static boolean isTaskId(String id) {
    return !id.isBlank() && !id.contains("/") && !id.equals(".") && !id.equals("..");
  }

  /** A task id from Vidu as a message quotes it (see {@code ErrorMapper.quote}). */
  String quote(String taskId) {
    return executor.errors().quote(taskId);
  }

  static String requireId(String taskId) {
    Objects.requireNonNull(taskId, "taskId == null");
    if (!isTaskId(taskId)) {
      throw new InvalidSettingException("taskId", "is not a task id: \"" + taskId + "\"");
    }
    return taskId;
  }

  private static <T> @Nullable List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }
}
