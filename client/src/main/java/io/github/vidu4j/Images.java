package io.github.vidu4j;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.core.internal.ViduGson;
import io.github.vidu4j.internal.ImageCreateApi;
import io.github.vidu4j.internal.JsonBody;
import io.github.vidu4j.internal.RetryingExecutor;
import io.github.vidu4j.internal.StreamedJsonBody;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.validation.ImageInput;
import io.github.vidu4j.validation.RequestValidator;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

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

  private final ImageCreateApi createApi;
  private final RetryingExecutor executor;
  private final AsyncRunner async;
  private final RequestValidator validator;
  private final Tasks tasks;

  Images(
      ImageCreateApi createApi,
      RetryingExecutor executor,
      AsyncRunner async,
      RequestValidator validator,
      Tasks tasks) {
    this.createApi = createApi;
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
    return send(prepare(Objects.requireNonNull(request, "request == null"), null));
  }

  /**
   * {@link #create(ReferenceToImageRequest)} with {@code images} in place of the request's {@code
   * images} list (which must be empty or unset). A local file ({@link ImageInput#fromFile}) is not
   * held in memory: it is read, base64-encoded and written to the connection as the body is sent,
   * so memory does not grow with the image. The body's length is computed from the file sizes
   * first, so the body-size limit is checked before anything is sent. A file whose size changed
   * since its input was made fails the send ({@code ViduTransportException}; nothing usable reached
   * Vidu, as the body was cut short).
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  public ReferenceToImageTask create(ReferenceToImageRequest request, List<ImageInput> images) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(images, "images == null");
    if (request.getImages() != null && !request.getImages().isEmpty()) {
      throw new ViduValidationException(
          List.of(
              new Violation(
                  Violation.Code.IMAGE_COUNT,
                  "images",
                  request.getImages().size() + " in the request",
                  "give the images either in the request or as inputs, not both")));
    }
    JsonObject rest = ViduGson.gson().toJsonTree(request).getAsJsonObject();
    rest.remove("images");
    StreamedJsonBody body = StreamedJsonBody.of(rest, "images", images);
    validator.validate(request, images, body.contentLength());
    return send(body);
  }

  /**
   * {@link #create(ReferenceToImageRequest)} with {@code extraFields} in the body as given, for
   * fields Vidu accepts that the spec does not know yet. They are not validated; a name the spec
   * has (such as {@code model}) is refused: set it on the request.
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  public ReferenceToImageTask create(ReferenceToImageRequest request, ExtraBodyFields extraFields) {
    return send(
        prepare(
            Objects.requireNonNull(request, "request == null"),
            Objects.requireNonNull(extraFields, "extraFields == null")));
  }

  /**
   * {@link #createAsync(ReferenceToImageRequest)} with {@code extraFields}; see {@link
   * #create(ReferenceToImageRequest, ExtraBodyFields)}.
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  public CompletableFuture<ReferenceToImageTask> createAsync(
      ReferenceToImageRequest request, ExtraBodyFields extraFields) {
    RequestBody body =
        prepare(
            Objects.requireNonNull(request, "request == null"),
            Objects.requireNonNull(extraFields, "extraFields == null"));
    return async.supply(() -> send(body));
  }

  /**
   * The body to send for {@code request}, written once, and validated with its exact length: the
   * bytes are the snapshot (a later change to {@code request} cannot reach them) and the size the
   * body-size rule reads. {@code extraFields} are merged into the request's JSON tree; a field the
   * spec knows is refused.
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  private RequestBody prepare(
      ReferenceToImageRequest request, @Nullable ExtraBodyFields extraFields) {
    JsonBody body;
    if (extraFields == null) {
      body = JsonBody.of(request, ReferenceToImageRequest.class);
    } else {
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
      JsonObject tree = ViduGson.gson().toJsonTree(request).getAsJsonObject();
      extraFields.asJson().forEach((name, json) -> tree.add(name, JsonParser.parseString(json)));
      body = JsonBody.of(tree);
    }
    validator.validate(request, body.contentLength());
    return body;
  }

  private ReferenceToImageTask send(RequestBody body) {
    return executor.execute(createApi.create(body), RetryingExecutor.Mode.CREATES_WORK, CREATE);
  }

  /**
   * {@link #create} on the client's async executor. The request is copied and validated before this
   * returns, so an invalid one throws here rather than in the future, and changing {@code request}
   * afterwards does not change what is sent.
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  public CompletableFuture<ReferenceToImageTask> createAsync(ReferenceToImageRequest request) {
    RequestBody body = prepare(Objects.requireNonNull(request, "request == null"), null);
    return async.supply(() -> send(body));
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
