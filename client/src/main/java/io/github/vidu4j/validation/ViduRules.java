package io.github.vidu4j.validation;

import com.google.gson.JsonArray;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code openapi/vidu.yaml} says about models, images, limits and defaults, read from the spec
 * this release was built from (vidu4j-generated carries it as JSON). The client's validation, the
 * sandbox and the CLI all ask here, so a rule changes in the spec alone: a model added to {@code
 * x-vidu-model-rules} is known after a rebuild with no Java edit. Immutable and thread-safe.
 *
 * <p>Sources in the spec: {@link #models()} is {@code x-vidu-model-rules}, {@link #images()} is
 * {@code x-vidu-image-rules} (both on the {@code ReferenceToImageRequest} schema), {@link
 * #maxImages()} is that schema's {@code images.maxItems}, the page sizes are {@code pager.pagesz}
 * of {@code GET /ent/v2/tasks}, and {@link #defaultConcurrencyLimit()} is {@code x-vidu-default} of
 * {@code CreditBalance.concurrency_limit}.
 */
public final class ViduRules {
  /** Where vidu4j-generated puts the spec; not a package, so no module boundary hides it. */
  static final String RESOURCE = "META-INF/vidu4j/openapi.json";

  private static final ViduRules SPEC = load();

  private final Map<String, ModelRules> models;
  private final ImageRules images;
  private final int maxImages;
  private final int defaultPageSize;
  private final int maxPageSize;
  private final int defaultConcurrencyLimit;

  private ViduRules(
      Map<String, ModelRules> models,
      ImageRules images,
      int maxImages,
      int defaultPageSize,
      int maxPageSize,
      int defaultConcurrencyLimit) {
    this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    this.images = images;
    this.maxImages = maxImages;
    this.defaultPageSize = defaultPageSize;
    this.maxPageSize = maxPageSize;
    this.defaultConcurrencyLimit = defaultConcurrencyLimit;
  }

  /** The rules of the spec this release was built from. */
  public static ViduRules spec() {
    return SPEC;
  }

  /** Every model the spec has rules for, in the spec's order, by name. */
  public Map<String, ModelRules> models() {
    return models;
  }

  /** The rules of {@code model} (exact name), if the spec has them. */
  public Optional<ModelRules> model(String model) {
    return Optional.ofNullable(models.get(model));
  }

  /** The model names, in the spec's order, joined with {@code separator}: for help texts. */
  public String modelNames(String separator) {
    return String.join(separator, models.keySet());
  }

  /** The image, prompt, payload and body limits that hold for every model. */
  public ImageRules images() {
    return images;
  }

  /** The most reference images any request may carry, whatever the model. */
  public int maxImages() {
    return maxImages;
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
    return "ViduRules" + models.keySet();
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
    JsonObject request = object(schemas, "ReferenceToImageRequest");
    Map<String, ModelRules> models = new LinkedHashMap<>();
    object(request, "x-vidu-model-rules")
        .entrySet()
        .forEach(
            e -> {
              JsonObject rule = e.getValue().getAsJsonObject();
              models.put(
                  e.getKey(),
                  new ModelRules(
                      e.getKey(),
                      rule.has("description") ? rule.get("description").getAsString().trim() : "",
                      integer(rule, "min_images"),
                      integer(rule, "max_images"),
                      strings(rule, "aspect_ratios"),
                      string(rule, "default_aspect_ratio"),
                      strings(rule, "resolutions"),
                      string(rule, "default_resolution")));
            });
    JsonObject imageRules = object(request, "x-vidu-image-rules");
    ImageRules images =
        new ImageRules(
            strings(imageRules, "formats"),
            integer(imageRules, "min_width"),
            integer(imageRules, "min_height"),
            integer(imageRules, "max_aspect_ratio"),
            number(imageRules, "max_image_bytes"),
            number(imageRules, "max_body_bytes"),
            integer(imageRules, "prompt_max_code_points"),
            integer(imageRules, "payload_max_chars"));
    int maxImages = integer(object(object(request, "properties"), "images"), "maxItems");
    JsonObject pageSize = pageSizeSchema(spec);
    int concurrency =
        integer(
            object(object(object(schemas, "CreditBalance"), "properties"), "concurrency_limit"),
            "x-vidu-default");
    return new ViduRules(
        models,
        images,
        maxImages,
        integer(pageSize, "default"),
        integer(pageSize, "maximum"),
        concurrency);
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

  private static String string(JsonObject parent, String name) {
    return required(parent, name).getAsString();
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
