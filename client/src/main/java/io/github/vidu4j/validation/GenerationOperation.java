package io.github.vidu4j.validation;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.core.ViduException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A generation operation of the spec: every {@code POST} tagged {@code Generation} in {@code
 * openapi/vidu.yaml} ({@code reference2image}, {@code text2video}, {@code img2video}, ...), with
 * its request fields, its models' rules ({@code x-vidu-model-rules} of the request schema), its
 * limits ({@code x-vidu-image-rules}) and what it produces ({@code x-vidu-output}). Read from the
 * spec this release was built from, so an operation added to the spec is known here after a rebuild
 * with no Java edit. Immutable and thread-safe.
 */
public final class GenerationOperation {
  private static final Map<String, GenerationOperation> SPEC = load();

  /**
   * One request field as the schema types it.
   *
   * @param name the JSON name
   * @param type {@code string}, {@code integer}, {@code boolean}, {@code array}, {@code number},
   *     {@code object}, or empty when the schema names no type
   * @param maxLength the most characters (strings), or null
   * @param minItems the fewest items (arrays), or null
   * @param maxItems the most items (arrays), or null
   * @param minimum the least value (integers), or null
   * @param maximum the greatest value (integers), or null
   * @param description the spec's words, trimmed
   */
  public record Field(
      String name,
      String type,
      @Nullable Integer maxLength,
      @Nullable Integer minItems,
      @Nullable Integer maxItems,
      @Nullable Long minimum,
      @Nullable Long maximum,
      String description) {}

  private final String name;
  private final String path;
  private final String operationId;
  private final String output;
  private final String requestSchema;
  private final Map<String, Field> fields;
  private final Set<String> required;
  private final Map<String, OperationModel> models;
  private final ImageRules limits;
  private final @Nullable Double minPixelRatio;
  private final @Nullable Double maxPixelRatio;

  private GenerationOperation(
      String name,
      String path,
      String operationId,
      String output,
      String requestSchema,
      Map<String, Field> fields,
      Set<String> required,
      Map<String, OperationModel> models,
      ImageRules limits,
      @Nullable Double minPixelRatio,
      @Nullable Double maxPixelRatio) {
    this.name = name;
    this.path = path;
    this.operationId = operationId;
    this.output = output;
    this.requestSchema = requestSchema;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
    this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    this.limits = limits;
    this.minPixelRatio = minPixelRatio;
    this.maxPixelRatio = maxPixelRatio;
  }

  /** Every generation operation of the spec, by {@link #name()}, in the spec's order. */
  public static Map<String, GenerationOperation> all() {
    return SPEC;
  }

  /** The operation called {@code name} ({@code text2video}, ...), if the spec has it. */
  public static Optional<GenerationOperation> named(String name) {
    return Optional.ofNullable(SPEC.get(name));
  }

  /** The operation at {@code path} ({@code /ent/v2/text2video}), if the spec has it. */
  public static Optional<GenerationOperation> atPath(String path) {
    return SPEC.values().stream().filter(o -> o.path.equals(path)).findFirst();
  }

  /** The last segment of the path: {@code reference2image}, {@code text2video}, ... */
  public String name() {
    return name;
  }

  /** The path, {@code /ent/v2/<name>}. */
  public String path() {
    return path;
  }

  /** The spec's {@code operationId}, such as {@code createTextToVideo}. */
  public String operationId() {
    return operationId;
  }

  /** What a creation is: {@code image} or {@code video} ({@code x-vidu-output}). */
  public String output() {
    return output;
  }

  /** Whether a creation is a video. */
  public boolean producesVideo() {
    return output.equals("video");
  }

  /** The request schema's name, such as {@code TextToVideoRequest}. */
  public String requestSchema() {
    return requestSchema;
  }

  /** The request's fields by JSON name, in the spec's order. */
  public Map<String, Field> fields() {
    return fields;
  }

  /** The required fields' names. */
  public Set<String> required() {
    return required;
  }

  /** The models and their rules, in the spec's order. */
  public Map<String, OperationModel> models() {
    return models;
  }

  /** The rules of {@code model} (exact name), if the spec has them. */
  public Optional<OperationModel> model(String model) {
    return Optional.ofNullable(models.get(model));
  }

  /** The image, prompt, payload and body limits of this operation. */
  public ImageRules limits() {
    return limits;
  }

  /** The least ratio of the first image's pixel count to the second's, when the spec has one. */
  public Optional<Double> minPixelRatio() {
    return Optional.ofNullable(minPixelRatio);
  }

  /** The greatest ratio of the first image's pixel count to the second's, when the spec has one. */
  public Optional<Double> maxPixelRatio() {
    return Optional.ofNullable(maxPixelRatio);
  }

  @Override
  public String toString() {
    return "POST " + path;
  }

  // ---- reading the spec ----------------------------------------------------------------------

  private static Map<String, GenerationOperation> load() {
    try (InputStream in =
        GenerationOperation.class.getClassLoader().getResourceAsStream(ViduRules.RESOURCE)) {
      if (in == null) {
        throw new ViduException(ViduRules.RESOURCE + " is missing from the class path");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return parse(JsonParser.parseReader(reader).getAsJsonObject());
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ViduException known) {
        throw known;
      }
      throw new ViduException("cannot read the spec's operations: " + e.getMessage(), e);
    }
  }

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
