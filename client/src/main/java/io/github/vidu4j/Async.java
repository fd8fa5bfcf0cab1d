package io.github.vidu4j;

import com.google.gson.JsonObject;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.validation.GenerationOperation;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.RequestBody;

/**
 * The asynchronous side of the client in one place: each method is the blocking call of the same
 * name ({@link Generations}, {@link Tasks}) returning a future instead, run on the client's async
 * executor ({@link ViduClient.Builder#asyncExecutor}). Requests are copied and validated before a
 * method returns, so invalid input throws at once rather than in the future. Cancelling a future
 * stops the waiting, never a task. Obtain from {@link ViduClient#async()}.
 */
public final class Async {
  private final Generations generations;
  private final Tasks tasks;
  private final AsyncRunner runner;

  Async(Generations generations, Tasks tasks, AsyncRunner runner) {
    this.generations = generations;
    this.tasks = tasks;
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

  /** {@link Tasks#await(String, AwaitOptions)}, as a future: no thread is held while it waits. */
  public CompletableFuture<TaskCreations> await(String taskId, AwaitOptions options) {
    return tasks.awaitAsync(taskId, options);
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
                    waiting = tasks.awaitAsync(generations.taskId(operation, task), awaitOptions);
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
