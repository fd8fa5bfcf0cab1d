package io.github.vidu4j;

import com.google.gson.JsonObject;
import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.model.Credits;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskList;
import io.github.vidu4j.validation.GenerationOperation;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.RequestBody;

/**
 * The asynchronous side of the client in one place: each method is the blocking call it names
 * ({@link Generations}, {@link Tasks}, {@link Downloads}, {@link Callbacks}, {@link
 * ViduClient#credits(boolean)}) returning a future instead, with the same defaults, limits and
 * exceptions (the future fails with them). Obtain from {@link ViduClient#async()}.
 *
 * <p>Arguments are checked, requests copied and validated, and callbacks verified on the caller's
 * thread, so bad input throws at once rather than in the future. The work runs on the client's
 * async executor ({@link ViduClient.Builder#asyncExecutor}; its own has at most 4 daemon threads),
 * one request and its retries at a time; a retry's backoff waits on that thread, except in {@link
 * #await}, which holds no thread while it waits. Cancelling a future drops its call if it has not
 * started, and otherwise stops only the waiting for it: it never cancels a request in flight or a
 * task (cancel a task with {@link #cancel}). After {@link ViduClient#close()} every unfinished
 * future, and every later call's, fails with a {@link ViduException} saying the client is closed.
 */
public final class Async {
  private final Generations generations;
  private final Tasks tasks;
  private final Downloads downloads;
  private final Function<Boolean, Credits> credits;
  private final AsyncRunner runner;

  Async(
      Generations generations,
      Tasks tasks,
      Downloads downloads,
      Function<Boolean, Credits> credits,
      AsyncRunner runner) {
    this.generations = generations;
    this.tasks = tasks;
    this.downloads = downloads;
    this.credits = credits;
    this.runner = runner;
  }

  /** {@link Generations#create(GenerationOperation, JsonObject, RequestOptions)}, as a future. */
  public CompletableFuture<JsonObject> create(
      GenerationOperation operation, JsonObject body, RequestOptions options) {
    RequestBody prepared = generations.prepare(operation, body, options);
    return runner.supply(() -> generations.send(operation, prepared, options));
  }

  /**
   * {@link Generations#create(GenerationOperation, Object, RequestOptions, Class)}, as a future.
   */
  public <T> CompletableFuture<T> create(
      GenerationOperation operation, Object request, RequestOptions options, Class<T> type) {
    Objects.requireNonNull(type, "type == null");
    return create(operation, Generations.json(request), options)
        .thenApply(task -> generations.typed(operation, task, type));
  }

  /** {@link #await(String, AwaitOptions)} with {@link AwaitOptions#defaults()}. */
  public CompletableFuture<TaskCreations> await(String taskId) {
    return await(taskId, AwaitOptions.defaults());
  }

  /**
   * {@link Tasks#await(String, AwaitOptions)} without a thread held while it waits: each poll is
   * one request, a short task on the async executor, and the pause before the next one a scheduled
   * delay ({@link ViduClient.Builder#sleeper} is not used). A poll that fails as a read may recover
   * from is not retried on its thread: the next poll is its retry, no sooner than a {@code
   * Retry-After}. Cancelling the future stops the polling (the task goes on). The timeout is a
   * deadline: the future fails with {@link TaskTimeoutException} when it passes, however much other
   * work waits on the executor (a poll still queued then is dropped, one in flight is ignored).
   */
  public CompletableFuture<TaskCreations> await(String taskId, AwaitOptions options) {
    return tasks.scheduledWait(taskId, options).schedule(runner);
  }

  /** {@link Tasks#get}, as a future. */
  public CompletableFuture<TaskCreations> get(String taskId) {
    String id = Tasks.requireId(taskId);
    return runner.supply(() -> tasks.get(id));
  }

  /** {@link Tasks#cancel}, as a future: completes with {@code null} once Vidu accepts. */
  public CompletableFuture<Void> cancel(String taskId) {
    String id = Tasks.requireId(taskId);
    return runner.supply(
        () -> {
          tasks.cancel(id);
          return null;
        });
  }

  /** {@link Tasks#list}, as a future. */
  public CompletableFuture<TaskList> list(TaskQuery query) {
    Objects.requireNonNull(query, "query == null");
    return runner.supply(() -> tasks.list(query));
  }

  /** {@link ViduClient#credits()}, as a future. */
  public CompletableFuture<Credits> credits() {
    return credits(false);
  }

  /** {@link ViduClient#credits(boolean)}, as a future. */
  public CompletableFuture<Credits> credits(boolean showDetail) {
    return runner.supply(() -> credits.apply(showDetail));
  }

  /**
   * {@link Downloads#toStream}, as a future of the number of bytes written; {@code out} is written
   * from the executor's thread and not closed.
   */
  public CompletableFuture<Long> downloadToStream(String url, OutputStream out) {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(out, "out == null");
    return runner.supply(() -> downloads.toStream(url, out));
  }

  /** {@link Downloads#toFile}, as a future of {@code file}. */
  public CompletableFuture<Path> downloadToFile(String url, Path file) {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(file, "file == null");
    return runner.supply(() -> downloads.toFile(url, file));
  }

  /**
   * {@link Callbacks#verifyAndFetch(CallbackVerifier, CallbackRequest)}, as a future: verified on
   * the caller's thread (no network), the task read on the executor.
   *
   * @throws io.github.vidu4j.core.InvalidSignatureException if verification fails (nothing is
   *     fetched)
   * @throws ViduException if the body names no task
   */
  public CompletableFuture<TaskCreations> verifyAndFetch(
      CallbackVerifier verifier, CallbackRequest request) {
    return get(Callbacks.verifiedTaskId(tasks, verifier, request));
  }

  /**
   * {@link Callbacks#verifyAndFetch(CallbackVerifier, CallbackRequest, String)}, as a future:
   * verified on the caller's thread (no network), task {@code taskId} read on the executor.
   *
   * @throws io.github.vidu4j.core.InvalidSignatureException if verification fails (nothing is
   *     fetched)
   */
  public CompletableFuture<TaskCreations> verifyAndFetch(
      CallbackVerifier verifier, CallbackRequest request, String taskId) {
    return get(Callbacks.verifiedGivenId(verifier, request, taskId));
  }

  /**
   * {@link Generations#createAndAwait}, as a future: no thread is held while the task runs.
   * Cancelling the future stops the polling, not the task.
   */
  public CompletableFuture<TaskCreations> createAndAwait(
      GenerationOperation operation,
      JsonObject body,
      RequestOptions options,
      AwaitOptions awaitOptions) {
    Objects.requireNonNull(awaitOptions, "awaitOptions == null");
    CompletableFuture<TaskCreations> result = runner.newFuture();
    var unused =
        create(operation, body, options)
            .whenComplete(
                (task, error) -> {
                  if (error != null) {
                    result.completeExceptionally(error);
                    return;
                  }
                  CompletableFuture<TaskCreations> waiting;
                  try {
                    waiting = await(generations.taskId(operation, task), awaitOptions);
                  } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                    return;
                  }
                  var unusedCancel = result.whenComplete((v, f) -> waiting.cancel(false));
                  var unusedOutcome =
                      waiting.whenComplete(
                          (value, failure) -> {
                            if (failure != null) {
                              result.completeExceptionally(failure);
                            } else {
                              result.complete(value);
                            }
                          });
                });
    return result;
  }
}
