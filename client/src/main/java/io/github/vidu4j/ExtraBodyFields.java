package io.github.vidu4j;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.vidu4j.core.internal.ViduGson;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * JSON fields sent in a create request's body unchanged, for what Vidu accepts before the spec
 * knows it (a new model's {@code watermark}, say), like openai-java's {@code
 * additionalBodyProperties}. Validation leaves them alone; a name the spec already has is refused
 * (set it on the request instead). Immutable; every method returns a copy. The value of {@link
 * RequestOptions#withExtraFields}, so every create call of every operation takes them.
 *
 * <pre>{@code
 * client.images().create(request, RequestOptions.defaults().withExtraFields(
 *     ExtraBodyFields.none().with("watermark", "high").withJson("meta_data", "{\"level\":1}")));
 * }</pre>
 */
public final class ExtraBodyFields {
  private static final ExtraBodyFields NONE = new ExtraBodyFields(Map.of());

  private final Map<String, String> json;

  private ExtraBodyFields(Map<String, String> json) {
    this.json = json;
  }

  /** No extra field. */
  public static ExtraBodyFields none() {
    return NONE;
  }

  /** A copy with field {@code name} set to the JSON string {@code value}. */
  public ExtraBodyFields with(String name, String value) {
    return put(name, new JsonPrimitive(Objects.requireNonNull(value, "value == null")).toString());
  }

  /** A copy with field {@code name} set to the JSON number {@code value}. */
  public ExtraBodyFields with(String name, Number value) {
    return put(name, new JsonPrimitive(Objects.requireNonNull(value, "value == null")).toString());
  }

  /** A copy with field {@code name} set to the JSON boolean {@code value}. */
  public ExtraBodyFields with(String name, boolean value) {
    return put(name, Boolean.toString(value));
  }

  /**
   * A copy with field {@code name} set to the JSON text {@code json} (any JSON value: object,
   * array, string in quotes, number, {@code true}, {@code null}).
   *
   * @throws ViduValidationException if {@code json} is not one JSON value
   */
  public ExtraBodyFields withJson(String name, String json) {
    Objects.requireNonNull(json, "json == null");
    try {
      // Strict (no single quotes, no bare words): the value goes into the body as Vidu reads it.
      JsonReader reader = new JsonReader(new StringReader(json));
      reader.setStrictness(Strictness.STRICT);
      JsonElement value = ViduGson.gson().getAdapter(JsonElement.class).read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonParseException("more than one value");
      }
      return put(name, value.toString());
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new ViduValidationException(
          List.of(
              new Violation(
                  Violation.Code.EXTRA_FIELD,
                  name,
                  json,
                  "an extra field's value must be one JSON value")));
    }
  }

  /** The fields by name, each as its JSON text, in the order they were added. */
  public Map<String, String> asJson() {
    return json;
  }

  /** Whether there is no field. */
  public boolean isEmpty() {
    return json.isEmpty();
  }

  private ExtraBodyFields put(String name, String jsonText) {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank()) {
      throw new ViduValidationException(
          List.of(
              new Violation(
                  Violation.Code.EXTRA_FIELD,
                  "extra field",
                  "\"" + name + "\"",
                  "an extra field needs a name")));
    }
    Map<String, String> copy = new LinkedHashMap<>(json);
    copy.put(name, jsonText);
    return new ExtraBodyFields(Collections.unmodifiableMap(copy));
  }

  /** The field names only: values may be anything the caller would rather not log. */
  @Override
  public String toString() {
    return "ExtraBodyFields" + json.keySet();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExtraBodyFields that && json.equals(that.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }
}
