package io.github.vidu4j.validation;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.validation.GenerationOperation.Field;
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
 * What {@code openapi/vidu.yaml} says, read from the spec this release was built from
 * (vidu4j-generated carries it as JSON): every {@link GenerationOperation} with its fields, models
 * and limits, and the task list's page sizes and the default concurrency limit. The one reader of
 * the spec: the validator, the sandbox, the CLI and the batch engine all ask here, so a rule
 * changes in the spec alone (a model added to an operation's {@code x-vidu-model-rules} is known
 * after a rebuild with no Java edit). Immutable and thread-safe.
 *
 * <p>Sources in the spec: {@link #operations()} are the {@code POST}s tagged {@code Generation};
 * {@link #images()} is {@code x-vidu-image-rules} of {@code ReferenceToImageRequest} (the limits an
 * operation without its own falls back to); the page sizes are {@code pager.pagesz} of {@code GET
 * /ent/v2/tasks}; {@link #defaultConcurrencyLimit()} is {@code x-vidu-default} of {@code
 * CreditBalance.concurrency_limit}.
 */
public final class ViduRules {
  /** Where vidu4j-generated puts the spec; not a package, so no module boundary hides it. */
  static final String RESOURCE = "META-INF/vidu4j/openapi.json";

  private static final ViduRules SPEC = load();

  private final Map<String, GenerationOperation> operations;
  private final ImageRules images;
  private final int defaultPageSize;
  private final int maxPageSize;
  private final int defaultConcurrencyLimit;

  private ViduRules(
      Map<String, GenerationOperation> operations,
      ImageRules images,
      int defaultPageSize,
      int maxPageSize,
      int defaultConcurrencyLimit) {
    this.operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
    this.images = images;
    this.defaultPageSize = defaultPageSize;
    this.maxPageSize = maxPageSize;
    this.defaultConcurrencyLimit = defaultConcurrencyLimit;
  }

  /** The rules of the spec this release was built from. */
  public static ViduRules spec() {
    return SPEC;
  }

  /** Every generation operation, by {@link GenerationOperation#name()}, in the spec's order. */
  public Map<String, GenerationOperation> operations() {
    return operations;
  }

  /** The operation called {@code name} ({@code reference2image}, {@code text2video}, ...). */
  public Optional<GenerationOperation> operation(String name) {
    return Optional.ofNullable(operations.get(name));
  }

  /**
   * The image, prompt, payload and body limits of {@code reference2image}, which an operation
   * without {@code x-vidu-image-rules} of its own keeps; local image inputs are checked by them.
   */
  public ImageRules images() {
    return images;
  }

  /** Tasks a page of {@code GET /ent/v2/tasks} when {@code pager.pagesz} is absent. */
  public int defaultPageSize() {
    return defaultPageSize;
  }

  /** The largest {@code pager.pagesz}. */
  public int maxPageSize() {
    return maxPageSize;
  }

  /**
   * Tasks an organisation may have processing at once unless its credits response says otherwise
   * (its {@code concurrency_limit} is the real figure).
   */
  public int defaultConcurrencyLimit() {
    return defaultConcurrencyLimit;
  }

  @Override
  public String toString() {
    return "ViduRules" + operations.keySet();
  }

  private static ViduRules load() {
    try (InputStream in = ViduRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ViduException(
            RESOURCE + " is missing from the class path (it comes with vidu4j-generated)");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return parse(JsonParser.parseReader(reader).getAsJsonObject());
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ViduException known) {
        throw known;
      }
      throw new ViduException(
          "cannot read the spec's rules from " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  static ViduRules parse(JsonObject spec) {
    JsonObject schemas = object(object(spec, "components"), "schemas");
    JsonObject imageLimits =
        object(object(schemas, "ReferenceToImageRequest"), "x-vidu-image-rules");
    ImageRules images = imageRules(imageLimits);
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
    JsonObject own =
        schema.has("x-vidu-image-rules") ? schema.getAsJsonObject("x-vidu-image-rules") : null;
    if (own != null) {
      own.entrySet().forEach(e -> limits.add(e.getKey(), e.getValue()));
    }
    return new GenerationOperation(
        name,
        path,
        text(post, "operationId", name),
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
        optionalInt(rule, "min_duration"),
        optionalInt(rule, "max_duration"),
        durations,
        optionalInt(rule, "default_duration"),
        rule.has("resolutions") ? strings(rule, "resolutions") : List.of(),
        rule.has("default_resolution") ? rule.get("default_resolution").getAsString() : null,
        byDuration,
        defaultByDuration,
        rule.has("aspect_ratios") ? strings(rule, "aspect_ratios") : List.of(),
        rule.has("default_aspect_ratio") ? rule.get("default_aspect_ratio").getAsString() : null,
        optionalInt(rule, "min_images"),
        optionalInt(rule, "max_images"),
        optionalInt(rule, "fps"),
        rule.has("default_audio") ? rule.get("default_audio").getAsBoolean() : null);
  }

  private static String text(JsonObject object, String name, String otherwise) {
    JsonElement value = object.get(name);
    return value == null || !value.isJsonPrimitive() ? otherwise : value.getAsString();
  }

  private static @Nullable Integer optionalInt(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsInt();
  }

  private static ImageRules imageRules(JsonObject limits) {
    return new ImageRules(
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
    List<String> values = new ArrayList<>();
    required(parent, name).getAsJsonArray().forEach(v -> values.add(v.getAsString()));
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
