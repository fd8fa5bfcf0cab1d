package io.github.vidu4j;

import com.google.gson.annotations.SerializedName;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.core.internal.RequestWithExtraFields;
import io.github.vidu4j.internal.RetryingExecutor;
import io.github.vidu4j.internal.api.GenerationApi;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.validation.RequestValidator;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Creates image tasks: {@code POST /ent/v2/reference2image}. With a model that takes no images
 * ({@link io.github.vidu4j.validation.ModelRules#minImages()} 0) and none given, this is
 * text-to-image. Obtain from {@link ViduClient#images()}.
 *
 * <p>Every request is validated first (model rules, image checks, body size); an invalid request
 * throws {@code ViduValidationException} and nothing is sent. A creation is retried only when Vidu
 * cannot have started the task, so it is never created twice.
 */
public final class Images {
  static final String CREATE = "POST /ent/v2/reference2image";

  /** The JSON names of the request's fields: what the spec knows. */
  private static final Set<String> SPEC_FIELDS =
      Arrays.stream(ReferenceToImageRequest.class.getDeclaredFields())
          .map(f -> f.getAnnotation(SerializedName.class))
          .filter(Objects::nonNull)
          .map(SerializedName::value)
          .collect(Collectors.toUnmodifiableSet());

  private final GenerationApi api;
  private final RetryingExecutor executor;
  private final AsyncRunner async;
  private final RequestValidator validator;
  private final Tasks tasks;

  Images(
      GenerationApi api,
      RetryingExecutor executor,
      AsyncRunner async,
      RequestValidator validator,
      Tasks tasks) {
    this.api = api;
    this.executor = executor;
    this.async = async;
    this.validator = validator;
    this.tasks = tasks;
  }

  /**
   * Checks {@code request} with this client's validator without sending anything.
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  public void validate(ReferenceToImageRequest request) {
    validator.validate(Objects.requireNonNull(request, "request == null"));
  }

  /**
   * Validates and submits {@code request}; returns as soon as Vidu accepted the task (state {@code
   * created}). Wait for the result with {@link Tasks#await(String)} or a callback.
   */
  public ReferenceToImageTask create(ReferenceToImageRequest request) {
    validate(request);
    return executor.execute(
        api.createReferenceToImage(request), RetryingExecutor.Mode.CREATES_WORK, CREATE);
  }

  /**
   * {@link #create(ReferenceToImageRequest)} with {@code extraFields} in the body as given, for
   * fields Vidu accepts that the spec does not know yet. They are not validated; a name the spec
   * has (such as {@code model}) is refused: set it on the request.
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  public ReferenceToImageTask create(ReferenceToImageRequest request, ExtraBodyFields extraFields) {
    ReferenceToImageRequest withExtras =
        withExtraFields(Objects.requireNonNull(request, "request == null"), extraFields);
    validate(withExtras);
    return executor.execute(
        api.createReferenceToImage(withExtras), RetryingExecutor.Mode.CREATES_WORK, CREATE);
  }

  /**
   * {@link #createAsync(ReferenceToImageRequest)} with {@code extraFields}; see {@link
   * #create(ReferenceToImageRequest, ExtraBodyFields)}.
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  public CompletableFuture<ReferenceToImageTask> createAsync(
      ReferenceToImageRequest request, ExtraBodyFields extraFields) {
    ReferenceToImageRequest snapshot =
        withExtraFields(Objects.requireNonNull(request, "request == null"), extraFields);
    validate(snapshot);
    return async.supply(
        () ->
            executor.execute(
                api.createReferenceToImage(snapshot), RetryingExecutor.Mode.CREATES_WORK, CREATE));
  }

  /**
   * A copy of {@code request} that also writes {@code extraFields}; a field the spec knows is
   * refused.
   */
  private static ReferenceToImageRequest withExtraFields(
      ReferenceToImageRequest request, ExtraBodyFields extraFields) {
    Objects.requireNonNull(extraFields, "extraFields == null");
    List<Violation> clashes = new ArrayList<>();
    for (String name : extraFields.asJson().keySet()) {
      if (SPEC_FIELDS.contains(name)) {
        clashes.add(
            new Violation(
                Violation.Code.EXTRA_FIELD,
                name,
                extraFields.asJson().get(name),
                "is a field of the spec, not an extra one: set it on the request"));
      }
    }
    if (!clashes.isEmpty()) {
      throw new ViduValidationException(clashes);
    }
    return copyInto(request, new RequestWithExtraFields(extraFields.asJson()));
  }

  /**
   * {@link #create} on the client's async executor. The request is copied and validated before this
   * returns, so an invalid one throws here rather than in the future, and changing {@code request}
   * afterwards does not change what is sent.
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  public CompletableFuture<ReferenceToImageTask> createAsync(ReferenceToImageRequest request) {
    ReferenceToImageRequest snapshot = snapshot(Objects.requireNonNull(request, "request == null"));
    validate(snapshot);
    return async.supply(
        () ->
            executor.execute(
                api.createReferenceToImage(snapshot), RetryingExecutor.Mode.CREATES_WORK, CREATE));
  }

  /**
   * A copy of {@code request} the caller's later changes cannot reach: the vidu4j thread serialises
   * it later. Every field Gson would write is copied, so a field the spec adds is copied with no
   * change here; lists are copied, their strings are immutable.
   */
  static ReferenceToImageRequest snapshot(ReferenceToImageRequest request) {
    return copyInto(request, new ReferenceToImageRequest());
  }

  private static ReferenceToImageRequest copyInto(
      ReferenceToImageRequest request, ReferenceToImageRequest copy) {
    for (Field field : ReferenceToImageRequest.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
        continue;
      }
      try {
        field.setAccessible(true);
        Object value = field.get(request);
        field.set(copy, value instanceof List<?> list ? new ArrayList<>(list) : value);
      } catch (IllegalAccessException | RuntimeException e) {
        throw new IllegalStateException("cannot copy " + field + " of the request", e);
      }
    }
    return copy;
  }

  /**
   * {@link #createAndAwait(ReferenceToImageRequest, AwaitOptions)} with {@link
   * AwaitOptions#defaults()}: polls every 1 s for 2 minutes, then less often up to every 10 s, for
   * at most 10 minutes.
   */
  public TaskCreations createAndAwait(ReferenceToImageRequest request) {
    return createAndAwait(request, AwaitOptions.defaults());
  }

  /**
   * {@link #create} then {@link Tasks#await(String, AwaitOptions)}: the finished task, with its
   * {@code creations}.
   *
   * @throws TaskFailedException if the task ends {@code failed}
   * @throws TaskTimeoutException if it does not finish in time (it goes on; the exception has its
   *     id)
   * @throws ViduResponseException if Vidu's answer to the create has no usable {@code task_id} (the
   *     task may exist: the message says how to look for it)
   */
  public TaskCreations createAndAwait(ReferenceToImageRequest request, AwaitOptions options) {
    ReferenceToImageTask task = create(request);
    return tasks.await(awaitableId(task), options);
  }

  /** The created task's id, checked as {@link Tasks#await} would check one given by a caller. */
  private String awaitableId(ReferenceToImageTask task) {
    String id = task.getTaskId();
    if (id == null || id.isBlank() || id.contains("/")) {
      String shown =
          id == null
              ? ""
              : executor.errors().redact(id.length() <= 64 ? id : id.substring(0, 64) + "...");
      String found =
          id == null ? "no task_id" : "task_id \"" + shown + "\", which is not a task id";
      throw new ViduResponseException(
          CREATE,
          CREATE
              + ": Vidu accepted the request but answered with "
              + found
              + ", so the task cannot be awaited. "
              + RetryingExecutor.MAY_EXIST_ADVICE);
    }
    return id;
  }

  /**
   * {@link #createAndAwaitAsync(ReferenceToImageRequest, AwaitOptions)} with {@link
   * AwaitOptions#defaults()}.
   */
  public CompletableFuture<TaskCreations> createAndAwaitAsync(ReferenceToImageRequest request) {
    return createAndAwaitAsync(request, AwaitOptions.defaults());
  }

  /**
   * {@link #createAsync(ReferenceToImageRequest)} then {@link Tasks#awaitAsync(String,
   * AwaitOptions)}: no thread is held while the task runs. The request is validated before this
   * returns. Cancelling the future stops the polling, not the task.
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  public CompletableFuture<TaskCreations> createAndAwaitAsync(
      ReferenceToImageRequest request, AwaitOptions options) {
    Objects.requireNonNull(options, "options == null");
    CompletableFuture<ReferenceToImageTask> created = createAsync(request);
    CompletableFuture<TaskCreations> result = async.newFuture();
    // Each dependent stage completes or fails result itself and cannot fail on its own.
    var unused =
        created.whenComplete(
            (task, error) -> {
              if (error != null) {
                result.completeExceptionally(error);
                return;
              }
              String id;
              try {
                id = awaitableId(task);
              } catch (ViduException e) {
                result.completeExceptionally(e);
                return;
              }
              CompletableFuture<TaskCreations> waiting = tasks.awaitAsync(id, options);
              var unusedCancel = result.whenComplete((value, failure) -> waiting.cancel(false));
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
