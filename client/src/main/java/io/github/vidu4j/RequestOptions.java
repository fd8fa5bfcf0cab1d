package io.github.vidu4j;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.internal.ViduGson;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Options of one create call, in one object rather than an overload per option (as openai-java's
 * and stripe-java's {@code RequestOptions}): extra body fields, a time limit, a retry count. Each
 * unset option keeps the client's setting. Immutable; every method returns a copy. Taken by every
 * create call of every operation ({@link Images}, {@link Videos}, {@link Generations}, {@link
 * Async}) and by the CLI's {@code --field}.
 *
 * <p>Extra body fields are JSON fields sent in the create body unchanged, after the request's own,
 * for what Vidu accepts before the spec knows it (a new model's {@code watermark}, say), like
 * openai-java's {@code additionalBodyProperties}. Validation leaves them alone; a name the
 * operation's schema already has is refused (set it on the request instead).
 *
 * <pre>{@code
 * client.videos().textToVideo(request,
 *     RequestOptions.defaults().withExtraField("quality", "high").withExtraJson("meta", "{\"a\":1}")
 *         .withTimeout(Duration.ofSeconds(20)).withMaxRetries(0));
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS = new RequestOptions(Map.of(), null, null);

  private final Map<String, String> extraFields;
  private final @Nullable Duration timeout;
  private final @Nullable Integer maxRetries;

  private RequestOptions(
      Map<String, String> extraFields, @Nullable Duration timeout, @Nullable Integer maxRetries) {
    this.extraFields = extraFields;
    this.timeout = timeout;
    this.maxRetries = maxRetries;
  }

  /** No extra field; the client's timeouts and retries. */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /** A copy that also sends extra field {@code name} as the JSON string {@code value}. */
  public RequestOptions withExtraField(String name, String value) {
    return withField(name, new JsonPrimitive(Objects.requireNonNull(value, "value == null")));
  }

  /** A copy that also sends extra field {@code name} as the JSON number {@code value}. */
  public RequestOptions withExtraField(String name, Number value) {
    return withField(name, new JsonPrimitive(Objects.requireNonNull(value, "value == null")));
  }

  /** A copy that also sends extra field {@code name} as the JSON boolean {@code value}. */
  public RequestOptions withExtraField(String name, boolean value) {
    return withField(name, new JsonPrimitive(value));
  }

  /**
   * A copy that also sends extra field {@code name} as the JSON text {@code json} (any one JSON
   * value: object, array, string in quotes, number, {@code true}, {@code null}).
   *
   * @throws ViduValidationException if {@code json} is not one JSON value
   */
  public RequestOptions withExtraJson(String name, String json) {
    Objects.requireNonNull(json, "json == null");
    try {
      // Strict (no single quotes, no bare words): the value goes into the body as Vidu reads it.
      JsonReader reader = new JsonReader(new StringReader(json));
      reader.setStrictness(Strictness.STRICT);
      JsonElement value = ViduGson.gson().getAdapter(JsonElement.class).read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonParseException("more than one value");
      }
      return withField(name, value);
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw extraFieldProblem(name, json, "an extra field's value must be one JSON value");
    }
  }

  /**
   * A copy whose create call is limited to {@code timeout} (positive): the first attempt is cut off
   * after it, and no retry starts after it. Default: the client's timeouts.
   */
  public RequestOptions withTimeout(Duration timeout) {
    return new RequestOptions(
        extraFields, PositiveDurations.require(timeout, "timeout"), maxRetries);
  }

  /**
   * A copy with at most {@code maxRetries} (0 or more) retries of the create call, which still
   * never retries when Vidu may have started the task. Default: the client's {@code maxRetries}.
   */
  public RequestOptions withMaxRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new InvalidSettingException("maxRetries", "must be 0 or more, got " + maxRetries);
    }
    return new RequestOptions(extraFields, timeout, maxRetries);
  }

  /**
   * The extra body fields by name, each as its JSON text, in the order they were added (a name
   * added again keeps its place and takes the new value); empty by default.
   */
  public Map<String, String> extraFields() {
    return extraFields;
  }

  /** The time limit, if set. */
  public @Nullable Duration timeout() {
    return timeout;
  }

  /** The retry count, if set. */
  public @Nullable Integer maxRetries() {
    return maxRetries;
  }

  private RequestOptions withField(String name, JsonElement value) {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank()) {
      throw extraFieldProblem("extra field", "\"" + name + "\"", "an extra field needs a name");
    }
    Map<String, String> copy = new LinkedHashMap<>(extraFields);
    copy.put(name, value.toString());
    return new RequestOptions(Collections.unmodifiableMap(copy), timeout, maxRetries);
  }

  private static ViduValidationException extraFieldProblem(
      String field, String value, String message) {
    return new ViduValidationException(
        List.of(new Violation(Violation.Code.EXTRA_FIELD, field, value, message)));
  }

  /** Extra fields by name only: their values may be anything the caller would rather not log. */
  @Override
  public String toString() {
    return "RequestOptions{extraFields="
        + extraFields.keySet()
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + "}";
  }
}
