package io.github.vidu4j;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.core.internal.CallIds;
import io.github.vidu4j.core.internal.ViduGson;
import io.github.vidu4j.internal.JsonBody;
import io.github.vidu4j.internal.OperationApi;
import io.github.vidu4j.internal.RetryingExecutor;
import io.github.vidu4j.internal.StreamedJsonBody;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.ImageInput;
import io.github.vidu4j.validation.RequestValidator;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * The one create path for every generation operation of the spec, keyed by the {@link
 * GenerationOperation}: validate the body by the operation's rules, add the extra fields, send it
 * with the rule that a paid task is never created twice, and optionally await the task. The typed
 * methods ({@link Images}, {@link Videos}) are one line over it; an operation the spec adds is
 * usable here with no Java change: {@code
 * client.generations().create(GenerationOperation.named("x").orElseThrow(), body,
 * RequestOptions.defaults())}. The same calls returning futures are on {@link ViduClient#async()}.
 * Obtain from {@link ViduClient#generations()}.
 */
public final class Generations {
  /**
   * The create answer's id field, named by the generated model so that renaming it in the spec
   * fails to compile here rather than at run time; every generation answer shares the field.
   */
  private static final String TASK_ID = ReferenceToImageTask.SERIALIZED_NAME_TASK_ID;

  private final OperationApi api;
  private final RetryingExecutor executor;
  private final RequestValidator validator;
  private final Tasks tasks;
  private final Clock clock;

  Generations(
      OperationApi api,
      RetryingExecutor executor,
      RequestValidator validator,
      Tasks tasks,
      Clock clock) {
    this.api = api;
    this.executor = executor;
    this.validator = validator;
    this.tasks = tasks;
    this.clock = clock;
  }

  /**
   * Checks {@code body} by {@code operation}'s rules and {@code options}' extra fields against its
   * schema, without sending anything.
   *
   * @throws ViduValidationException listing every violation
   */
  public void validate(GenerationOperation operation, JsonObject body, RequestOptions options) {
    prepare(operation, body, options);
  }

  /**
   * Validates and sends {@code body} to {@code operation}; returns Vidu's answer (the task, state
   * {@code created}) as JSON, every field kept.
   *
   * @throws ViduValidationException listing every violation; nothing was sent
   */
  public JsonObject create(GenerationOperation operation, JsonObject body, RequestOptions options) {
    return send(operation, prepare(operation, body, options), options);
  }

  /**
   * {@link #create(GenerationOperation, JsonObject, RequestOptions)} for a request and a response
   * of the generated models ({@code TextToVideoRequest} and {@code VideoTask}, say).
   */
  public <T> T create(
      GenerationOperation operation, Object request, RequestOptions options, Class<T> type) {
    return typed(operation, create(operation, json(request), options), type);
  }

  /**
   * {@link #create(GenerationOperation, JsonObject, RequestOptions)}, then {@link
   * Tasks#await(String, AwaitOptions)}: the finished task with its creations.
   *
   * @throws TaskFailedException if the task ends {@code failed}
   * @throws TaskTimeoutException if it does not finish in time (it goes on; the exception has its
   *     id)
   */
  public TaskCreations createAndAwait(
      GenerationOperation operation,
      JsonObject body,
      RequestOptions options,
      AwaitOptions awaitOptions) {
    Objects.requireNonNull(awaitOptions, "awaitOptions == null");
    return tasks.await(taskId(operation, create(operation, body, options)), awaitOptions);
  }

  /**
   * {@link #create(GenerationOperation, JsonObject, RequestOptions)} with {@code images} as the
   * body's {@code images} (which must be absent or empty). A local file ({@link
   * ImageInput#fromFile}) is not held in memory: it is read, base64-encoded and written to the
   * connection as the body is sent, so memory does not grow with the image. The body's length is
   * computed from the file sizes first, so the body-size limit is checked before anything is sent.
   * A file whose size changed since its input was made fails the send ({@code
   * ViduTransportException}; nothing usable reached Vidu, as the body was cut short).
   *
   * @throws ViduValidationException listing every violation; nothing was sent
   */
  public JsonObject create(
      GenerationOperation operation,
      JsonObject body,
      List<ImageInput> images,
      RequestOptions options) {
    return send(operation, prepare(operation, body, images, options), options);
  }

  /**
   * Vidu's answer as the generated {@code type}. What cannot be read fails as the executor fails an
   * unreadable answer: a {@link ViduResponseException} naming the place, never the value (a server
   * echoing headers may have put the key there); the task may exist.
   */
  <T> T typed(GenerationOperation operation, JsonObject task, Class<T> type) {
    Objects.requireNonNull(type, "type == null");
    try {
      // From the tree already parsed (the model keeps that tree for RawJson), not from its text
      // written out and read again.
      return ViduGson.gson().fromJson(task, type);
    } catch (JsonParseException | IllegalStateException cause) {
      throw executor.notTheSpecsJson(
          "POST " + operation.path(), RetryingExecutor.Mode.CREATES_WORK, cause);
    }
  }

  /**
   * A generated request model as the JSON tree to send, built by the same adapters that write it:
   * its strings (an 18 MB data URI, say) are shared with the model, not written out and read back.
   */
  static JsonObject json(Object request) {
    Objects.requireNonNull(request, "request == null");
    return ViduGson.gson().toJsonTree(request).getAsJsonObject();
  }

  /** The body to send: written once (a snapshot), validated with its exact length. */
  RequestBody prepare(GenerationOperation operation, JsonObject body, RequestOptions options) {
    JsonObject copy = withExtras(operation, body, options);
    JsonBody bytes = JsonBody.of(copy);
    validator.validate(operation, body, bytes.contentLength());
    return bytes;
  }

  /** The streamed body to send, its length computed from the inputs, validated with it. */
  RequestBody prepare(
      GenerationOperation operation,
      JsonObject body,
      List<ImageInput> images,
      RequestOptions options) {
    Objects.requireNonNull(images, "images == null");
    JsonElement given = Objects.requireNonNull(body, "body == null").get("images");
    if (given != null && given.isJsonArray() && !given.getAsJsonArray().isEmpty()) {
      throw new ViduValidationException(
          List.of(
              new Violation(
                  Violation.Code.IMAGE_COUNT,
                  "images",
                  given.getAsJsonArray().size() + " in the request",
                  "give the images either in the request or as inputs, not both")));
    }
    JsonObject rest = body.deepCopy();
    rest.remove("images");
    StreamedJsonBody streamed =
        StreamedJsonBody.of(withExtras(operation, rest, options), "images", images);
    validator.validate(operation, rest, images, streamed.contentLength());
    return streamed;
  }

  /** A deep copy of {@code body} with the extra fields added; one the schema has is refused. */
  private static JsonObject withExtras(
      GenerationOperation operation, JsonObject body, RequestOptions options) {
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(options, "options == null");
    JsonObject copy = Objects.requireNonNull(body, "body == null").deepCopy();
    List<Violation> clashes = new ArrayList<>();
    Map<String, String> extras = options.extraFields();
    for (String name : extras.keySet()) {
      if (operation.fields().containsKey(name)) {
        clashes.add(
            new Violation(
                Violation.Code.EXTRA_FIELD,
                name,
                extras.get(name),
                "is a field of the spec, not an extra one: set it on the request"));
      }
    }
    if (!clashes.isEmpty()) {
      throw new ViduValidationException(clashes);
    }
    extras.forEach((name, json) -> copy.add(name, JsonParser.parseString(json)));
    return copy;
  }

  JsonObject send(GenerationOperation operation, RequestBody body, RequestOptions options) {
    String label = "POST " + operation.path();
    Call<JsonObject> call = api.create(operation.path().substring(1), body);
    @Nullable Instant deadline = null;
    if (options.timeout() != null) {
      call.timeout().timeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
      deadline = clock.instant().plus(options.timeout());
    }
    RetryingExecutor sending =
        options.maxRetries() == null ? executor : executor.withMaxRetries(options.maxRetries());
    return sending.execute(
        call, RetryingExecutor.Mode.CREATES_WORK, label, deadline, CallIds.next());
  }

  /** The created task's id, refused as {@link Tasks#await} would refuse a caller's. */
  String taskId(GenerationOperation operation, JsonObject task) {
    JsonElement id = task.get(TASK_ID);
    String text = id != null && id.isJsonPrimitive() ? id.getAsString() : null;
    if (text == null || !Tasks.isTaskId(text)) {
      String label = "POST " + operation.path();
      String shown = text == null ? "" : executor.errors().quote(text);
      throw new ViduResponseException(
          label,
          label
              + ": Vidu accepted the request but answered with "
              + (text == null
                  ? "no " + TASK_ID
                  : TASK_ID + " \"" + shown + "\", which is not a task id")
              + ", so the task cannot be awaited. "
              + RetryingExecutor.MAY_EXIST_ADVICE);
    }
    return text;
  }
}
