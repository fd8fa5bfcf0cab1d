package io.github.vidu4j.validation;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.vidu4j.validation.GenerationOperation.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads {@link GenerationOperation}s and their {@link OperationModel}s from the spec's JSON. */
final class OperationSpecReader {
  private OperationSpecReader() {}

  static Map<String, GenerationOperation> parse(JsonObject spec) {
    JsonObject schemas = spec.getAsJsonObject("components").getAsJsonObject("schemas");
    Map<String, GenerationOperation> operations = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> path : spec.getAsJsonObject("paths").entrySet()) {
      JsonObject post = path.getValue().getAsJsonObject().getAsJsonObject("post");
      if (post == null
          || !post.has("tags")
          || !post.getAsJsonArray("tags").toString().contains("\"Generation\"")
          || !post.has("requestBody")) {
        continue;
      }
      String ref =
          post.getAsJsonObject("requestBody")
              .getAsJsonObject("content")
              .getAsJsonObject("application/json")
              .getAsJsonObject("schema")
              .get("$ref")
              .getAsString();
      String schemaName = ref.substring(ref.lastIndexOf('/') + 1);
      JsonObject schema = schemas.getAsJsonObject(schemaName);
      String name = path.getKey().substring(path.getKey().lastIndexOf('/') + 1);
      operations.put(name, operation(name, path.getKey(), post, schemaName, schema));
    }
    return Collections.unmodifiableMap(operations);
  }

  private static GenerationOperation operation(
      String name, String path, JsonObject post, String schemaName, JsonObject schema) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> p : schema.getAsJsonObject("properties").entrySet()) {
      JsonObject property = p.getValue().getAsJsonObject();
      fields.put(
          p.getKey(),
          new Field(
              p.getKey(),
              text(property, "type", ""),
              integer(property, "maxLength"),
              integer(property, "minItems"),
              integer(property, "maxItems"),
              property.has("minimum") ? property.get("minimum").getAsLong() : null,
              property.has("maximum") ? property.get("maximum").getAsLong() : null,
              text(property, "description", "").trim()));
    }
    Set<String> required = new LinkedHashSet<>();
    if (schema.has("required")) {
      schema.getAsJsonArray("required").forEach(r -> required.add(r.getAsString()));
    }
    Map<String, OperationModel> models = new LinkedHashMap<>();
    if (schema.has("x-vidu-model-rules")) {
      schema
          .getAsJsonObject("x-vidu-model-rules")
          .entrySet()
          .forEach(e -> models.put(e.getKey(), model(e.getKey(), e.getValue().getAsJsonObject())));
    }
    JsonObject limits =
        schema.has("x-vidu-image-rules") ? schema.getAsJsonObject("x-vidu-image-rules") : null;
    ImageRules defaults = ViduRules.spec().images();
    Field prompt = fields.get("prompt");
    Field payload = fields.get("payload");
    ImageRules imageRules =
        new ImageRules(
            limits != null && limits.has("formats")
                ? strings(limits, "formats")
                : defaults.formats(),
            orElse(limits, "min_width", defaults.minWidth()),
            orElse(limits, "min_height", defaults.minHeight()),
            orElse(limits, "max_aspect_ratio", defaults.maxAspectRatio()),
            limits != null && limits.has("max_image_bytes")
                ? limits.get("max_image_bytes").getAsLong()
                : defaults.maxImageBytes(),
            limits != null && limits.has("max_body_bytes")
                ? limits.get("max_body_bytes").getAsLong()
                : defaults.maxBodyBytes(),
            orElse(
                limits,
                "prompt_max_code_points",
                prompt != null && prompt.maxLength() != null
                    ? prompt.maxLength()
                    : defaults.promptMaxCodePoints()),
            orElse(
                limits,
                "payload_max_chars",
                payload != null && payload.maxLength() != null
                    ? payload.maxLength()
                    : defaults.payloadMaxChars()));
    return new GenerationOperation(
        name,
        path,
        text(post, "operationId", name),
        text(post, "x-vidu-output", "image"),
        schemaName,
        fields,
        required,
        models,
        imageRules,
        limits != null && limits.has("min_start_end_pixel_ratio")
            ? limits.get("min_start_end_pixel_ratio").getAsDouble()
            : null,
        limits != null && limits.has("max_start_end_pixel_ratio")
            ? limits.get("max_start_end_pixel_ratio").getAsDouble()
            : null);
  }

  private static OperationModel model(String name, JsonObject rule) {
    Map<Integer, List<String>> byDuration = new LinkedHashMap<>();
    if (rule.has("resolutions_by_duration")) {
      rule.getAsJsonObject("resolutions_by_duration")
          .entrySet()
          .forEach(
              e -> {
                List<String> values = new ArrayList<>();
                e.getValue().getAsJsonArray().forEach(v -> values.add(v.getAsString()));
                byDuration.put(Integer.valueOf(e.getKey()), values);
              });
    }
    Map<Integer, String> defaultByDuration = new LinkedHashMap<>();
    if (rule.has("default_resolution_by_duration")) {
      rule.getAsJsonObject("default_resolution_by_duration")
          .entrySet()
          .forEach(
              e -> defaultByDuration.put(Integer.valueOf(e.getKey()), e.getValue().getAsString()));
    }
    List<Integer> durations = new ArrayList<>();
    if (rule.has("durations")) {
      rule.getAsJsonArray("durations").forEach(d -> durations.add(d.getAsInt()));
    }
    return new OperationModel(
        name,
        text(rule, "description", "").trim(),
        integer(rule, "min_duration"),
        integer(rule, "max_duration"),
        durations,
        integer(rule, "default_duration"),
        rule.has("resolutions") ? strings(rule, "resolutions") : List.of(),
        rule.has("default_resolution") ? rule.get("default_resolution").getAsString() : null,
        byDuration,
        defaultByDuration,
        rule.has("aspect_ratios") ? strings(rule, "aspect_ratios") : List.of(),
        rule.has("default_aspect_ratio") ? rule.get("default_aspect_ratio").getAsString() : null,
        integer(rule, "min_images"),
        integer(rule, "max_images"),
        integer(rule, "fps"),
        rule.has("default_audio") ? rule.get("default_audio").getAsBoolean() : null);
  }

  private static String text(JsonObject object, String name, String otherwise) {
    JsonElement value = object.get(name);
    return value == null || !value.isJsonPrimitive() ? otherwise : value.getAsString();
  }

  private static @Nullable Integer integer(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsInt();
  }

  private static int orElse(@Nullable JsonObject object, String name, int otherwise) {
    Integer value = object == null ? null : integer(object, name);
    return value == null ? otherwise : value;
  }

  private static List<String> strings(JsonObject object, String name) {
    List<String> values = new ArrayList<>();
    object.getAsJsonArray(name).forEach(v -> values.add(v.getAsString()));
    return values;
  }
}
