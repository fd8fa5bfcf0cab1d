package io.github.vidu4j.validation;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.vidu4j.validation.GenerationOperation.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@link ViduRules} from the spec as JSON. A rule the spec lacks where one is expected is an
 * {@link IllegalStateException} naming it: the spec and this release disagree.
 */
final class SpecReader {
  private SpecReader() {}

  static ViduRules parse(JsonObject spec) {
    JsonObject schemas = object(object(spec, "components"), "schemas");
    JsonObject imageLimits =
        object(object(schemas, "ReferenceToImageRequest"), "x-vidu-image-rules");
    GenerationOperation.Limits images = imageRules(imageLimits);
    Map<String, GenerationOperation> operations = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> path : object(spec, "paths").entrySet()) {
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
      String name = path.getKey().substring(path.getKey().lastIndexOf('/') + 1);
      operations.put(
          name,
          operation(
              name, path.getKey(), post, schemaName, object(schemas, schemaName), imageLimits));
    }
    JsonObject pageSize = pageSizeSchema(spec);
    int concurrency =
        integer(
            object(object(object(schemas, "CreditBalance"), "properties"), "concurrency_limit"),
            "x-vidu-default");
    return new ViduRules(
        operations,
        images,
        integer(pageSize, "default"),
        integer(pageSize, "maximum"),
        concurrency);
  }

  private static GenerationOperation operation(
      String name,
      String path,
      JsonObject post,
      String schemaName,
      JsonObject schema,
      JsonObject defaults) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> p : schema.getAsJsonObject("properties").entrySet()) {
      JsonObject property = p.getValue().getAsJsonObject();
      fields.put(
          p.getKey(),
          new Field(
              p.getKey(),
              text(property, "type", ""),
              optionalInt(property, "maxLength"),
              optionalInt(property, "minItems"),
              optionalInt(property, "maxItems"),
              property.has("minimum") ? property.get("minimum").getAsLong() : null,
              property.has("maximum") ? property.get("maximum").getAsLong() : null,
              text(property, "description", "").trim()));
    }
    Set<String> required = new LinkedHashSet<>(optionalStrings(schema, "required"));
    Map<String, OperationModel> models = new LinkedHashMap<>();
    if (schema.has("x-vidu-model-rules")) {
      schema
          .getAsJsonObject("x-vidu-model-rules")
          .entrySet()
          .forEach(e -> models.put(e.getKey(), model(e.getKey(), e.getValue().getAsJsonObject())));
    }
    // The operation's own limits over reference2image's; a prompt or payload without its own limit
    // in x-vidu-image-rules keeps its schema maxLength.
    JsonObject limits = defaults.deepCopy();
    fields.values().stream()
        .filter(f -> f.maxLength() != null && Set.of("prompt", "payload").contains(f.name()))
        .forEach(
            f ->
                limits.addProperty(
                    f.name().equals("prompt") ? "prompt_max_code_points" : "payload_max_chars",
                    f.maxLength()));
    if (schema.has("x-vidu-image-rules")) {
      object(schema, "x-vidu-image-rules")
          .entrySet()
          .forEach(e -> limits.add(e.getKey(), e.getValue()));
    }
    return new GenerationOperation(
        name,
        path,
        text(post, "x-vidu-output", "image"),
        schemaName,
        fields,
        required,
        models,
        imageRules(limits),
        limits.has("min_start_end_pixel_ratio")
            ? limits.get("min_start_end_pixel_ratio").getAsDouble()
            : null,
        limits.has("max_start_end_pixel_ratio")
            ? limits.get("max_start_end_pixel_ratio").getAsDouble()
            : null);
  }

  private static OperationModel model(String name, JsonObject rule) {
    Map<Integer, List<String>> byDuration = new LinkedHashMap<>();
    if (rule.has("resolutions_by_duration")) {
      rule.getAsJsonObject("resolutions_by_duration")
          .entrySet()
          .forEach(e -> byDuration.put(Integer.valueOf(e.getKey()), strings(e.getValue())));
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
        optionalInt(rule, "min_duration"),
        optionalInt(rule, "max_duration"),
        durations,
        optionalInt(rule, "default_duration"),
        optionalStrings(rule, "resolutions"),
        optionalText(rule, "default_resolution"),
        byDuration,
        defaultByDuration,
        optionalStrings(rule, "aspect_ratios"),
        optionalText(rule, "default_aspect_ratio"),
        optionalInt(rule, "min_images"),
        optionalInt(rule, "max_images"),
        optionalInt(rule, "fps"),
        rule.has("default_audio") ? rule.get("default_audio").getAsBoolean() : null);
  }

  private static String text(JsonObject object, String name, String otherwise) {
    String value = optionalText(object, name);
    return value == null ? otherwise : value;
  }

  private static @Nullable String optionalText(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
  }

  private static @Nullable Integer optionalInt(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsInt();
  }

  private static GenerationOperation.Limits imageRules(JsonObject limits) {
    return new GenerationOperation.Limits(
        strings(limits, "formats"),
        integer(limits, "min_width"),
        integer(limits, "min_height"),
        integer(limits, "max_aspect_ratio"),
        number(limits, "max_image_bytes"),
        number(limits, "max_body_bytes"),
        integer(limits, "prompt_max_code_points"),
        integer(limits, "payload_max_chars"));
  }

  private static JsonObject pageSizeSchema(JsonObject spec) {
    JsonArray parameters =
        object(object(object(spec, "paths"), "/ent/v2/tasks"), "get").getAsJsonArray("parameters");
    for (JsonElement parameter : parameters) {
      if (parameter.getAsJsonObject().get("name").getAsString().equals("pager.pagesz")) {
        return object(parameter.getAsJsonObject(), "schema");
      }
    }
    throw new IllegalStateException("GET /ent/v2/tasks has no pager.pagesz parameter");
  }

  private static JsonObject object(JsonObject parent, String name) {
    JsonElement child = parent.get(name);
    if (child == null || !child.isJsonObject()) {
      throw new IllegalStateException(
          "the spec has no object '" + name + "' where the rules expect one");
    }
    return child.getAsJsonObject();
  }

  private static int integer(JsonObject parent, String name) {
    return required(parent, name).getAsInt();
  }

  private static long number(JsonObject parent, String name) {
    return required(parent, name).getAsLong();
  }

  private static List<String> strings(JsonObject parent, String name) {
    return strings(required(parent, name));
  }

  private static List<String> optionalStrings(JsonObject parent, String name) {
    return parent.has(name) ? strings(parent, name) : List.of();
  }

  private static List<String> strings(JsonElement array) {
    List<String> values = new ArrayList<>();
    array.getAsJsonArray().forEach(v -> values.add(v.getAsString()));
    return values;
  }

  private static JsonElement required(JsonObject parent, String name) {
    JsonElement value = parent.get(name);
    if (value == null || value.isJsonNull()) {
      throw new IllegalStateException("the spec's rules lack '" + name + "'");
    }
    return value;
  }
}
