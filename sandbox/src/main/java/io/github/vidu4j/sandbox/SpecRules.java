package io.github.vidu4j.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The server-side rules of every generation operation, read straight from the spec that
 * vidu4j-generated ships ({@code META-INF/vidu4j/openapi.json}): each {@code POST} that says what
 * it produces ({@code x-vidu-output}), with its request schema's {@code properties} (type, format,
 * lengths, item counts, ranges) and {@code required}, its {@code x-vidu-model-rules} and its {@code
 * x-vidu-image-rules}. Read here, and not through the client's {@code validation} package, so that
 * the sandbox is an oracle of its own: a client rule that is wrong is refused here, and provider
 * checks against the sandbox catch it.
 */
final class SpecRules {
  private static final String RESOURCE = "META-INF/vidu4j/openapi.json";
  private static final Map<String, SpecOperation> OPERATIONS = load();

  private SpecRules() {}

  /** Every generation operation of the spec, by name, in the spec's order. */
  static Map<String, SpecOperation> operations() {
    return OPERATIONS;
  }

  /** The operation called {@code name}; the spec must have it. */
  static SpecOperation named(String name) {
    SpecOperation operation = OPERATIONS.get(name);
    if (operation == null) {
      throw new IllegalStateException("the spec has no generation operation " + name);
    }
    return operation;
  }

  /** The generation operation at {@code path} ({@code /ent/v2/text2video}), if any. */
  static Optional<SpecOperation> atPath(String path) {
    return OPERATIONS.values().stream().filter(o -> o.path().equals(path)).findFirst();
  }

  private static Map<String, SpecOperation> load() {
    try (InputStream in = SpecRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path (vidu4j-generated)");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return read(JsonParser.parseReader(reader).getAsJsonObject());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  static Map<String, SpecOperation> read(JsonObject spec) {
    JsonObject schemas = spec.getAsJsonObject("components").getAsJsonObject("schemas");
    Map<String, SpecOperation> operations = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> path : spec.getAsJsonObject("paths").entrySet()) {
      JsonObject post = path.getValue().getAsJsonObject().getAsJsonObject("post");
      JsonElement output = post == null ? null : post.get("x-vidu-output");
      if (output == null) {
        continue;
      }
      String ref =
          post.getAsJsonObject("requestBody")
              .getAsJsonObject("content")
              .getAsJsonObject("application/json")
              .getAsJsonObject("schema")
              .get("$ref")
              .getAsString();
      JsonObject schema = schemas.getAsJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
      String name = path.getKey().substring(path.getKey().lastIndexOf('/') + 1);
      operations.put(
          name,
          new SpecOperation(
              name,
              path.getKey(),
              output.getAsString().equals("video"),
              fields(schema.getAsJsonObject("properties")),
              schema.has("required") ? strings(schema.getAsJsonArray("required")) : List.of(),
              models(object(schema, "x-vidu-model-rules")),
              limits(object(schema, "x-vidu-image-rules"))));
    }
    return Collections.unmodifiableMap(operations);
  }

  private static Map<String, SpecOperation.Field> fields(JsonObject properties) {
    Map<String, SpecOperation.Field> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : properties.entrySet()) {
      JsonObject p = entry.getValue().getAsJsonObject();
      fields.put(
          entry.getKey(),
          new SpecOperation.Field(
              entry.getKey(),
              p.has("type") ? p.get("type").getAsString() : "",
              p.has("format") ? p.get("format").getAsString() : null,
              value(p, "minLength", JsonElement::getAsInt),
              value(p, "maxLength", JsonElement::getAsInt),
              value(p, "minItems", JsonElement::getAsInt),
              value(p, "maxItems", JsonElement::getAsInt),
              value(p, "minimum", JsonElement::getAsLong),
              value(p, "maximum", JsonElement::getAsLong)));
    }
    return fields;
  }

  private static Map<String, SpecModel> models(JsonObject rules) {
    Map<String, SpecModel> models = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : rules.entrySet()) {
      JsonObject r = entry.getValue().getAsJsonObject();
      Map<Integer, List<String>> resolutionsByDuration = new LinkedHashMap<>();
      object(r, "resolutions_by_duration")
          .entrySet()
          .forEach(
              e ->
                  resolutionsByDuration.put(
                      Integer.valueOf(e.getKey()), strings(e.getValue().getAsJsonArray())));
      Map<Integer, String> defaultResolutionByDuration = new LinkedHashMap<>();
      object(r, "default_resolution_by_duration")
          .entrySet()
          .forEach(
              e ->
                  defaultResolutionByDuration.put(
                      Integer.valueOf(e.getKey()), e.getValue().getAsString()));
      List<Integer> durations = new ArrayList<>();
      if (r.has("durations")) {
        r.getAsJsonArray("durations").forEach(d -> durations.add(d.getAsInt()));
      }
      models.put(
          entry.getKey(),
          new SpecModel(
              entry.getKey(),
              value(r, "min_images", JsonElement::getAsInt),
              value(r, "max_images", JsonElement::getAsInt),
              r.has("aspect_ratios") ? strings(r.getAsJsonArray("aspect_ratios")) : List.of(),
              value(r, "default_aspect_ratio", JsonElement::getAsString),
              r.has("resolutions") ? strings(r.getAsJsonArray("resolutions")) : List.of(),
              value(r, "default_resolution", JsonElement::getAsString),
              resolutionsByDuration,
              defaultResolutionByDuration,
              value(r, "min_duration", JsonElement::getAsInt),
              value(r, "max_duration", JsonElement::getAsInt),
              durations,
              value(r, "default_duration", JsonElement::getAsInt),
              value(r, "fps", JsonElement::getAsInt),
              value(r, "default_audio", JsonElement::getAsBoolean)));
    }
    return models;
  }

  /** The limits; one the spec does not state is no limit. */
  private static SpecOperation.Limits limits(JsonObject rules) {
    Integer minWidth = value(rules, "min_width", JsonElement::getAsInt);
    Integer minHeight = value(rules, "min_height", JsonElement::getAsInt);
    Double maxAspectRatio = value(rules, "max_aspect_ratio", JsonElement::getAsDouble);
    Long maxImageBytes = value(rules, "max_image_bytes", JsonElement::getAsLong);
    Long maxBodyBytes = value(rules, "max_body_bytes", JsonElement::getAsLong);
    return new SpecOperation.Limits(
        rules.has("formats") ? strings(rules.getAsJsonArray("formats")) : List.of(),
        minWidth == null ? 1 : minWidth,
        minHeight == null ? 1 : minHeight,
        maxAspectRatio == null ? Double.POSITIVE_INFINITY : maxAspectRatio,
        maxImageBytes == null ? Long.MAX_VALUE : maxImageBytes,
        maxBodyBytes == null ? Long.MAX_VALUE : maxBodyBytes,
        value(rules, "prompt_max_code_points", JsonElement::getAsInt),
        value(rules, "payload_max_chars", JsonElement::getAsInt),
        value(rules, "min_start_end_pixel_ratio", JsonElement::getAsDouble),
        value(rules, "max_start_end_pixel_ratio", JsonElement::getAsDouble));
  }

  private static JsonObject object(JsonObject parent, String name) {
    JsonElement value = parent.get(name);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
  }

  private static <T> @Nullable T value(
      JsonObject parent, String name, Function<JsonElement, T> read) {
    JsonElement value = parent.get(name);
    return value == null || !value.isJsonPrimitive() ? null : read.apply(value);
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.getAsString()));
    return List.copyOf(values);
  }
}
