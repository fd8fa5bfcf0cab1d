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

/**
 * The server-side rules of a create request, read straight from the spec that vidu4j-generated
 * ships ({@code META-INF/vidu4j/openapi.json}): the {@code ReferenceToImageRequest} schema's {@code
 * required}, {@code maxItems}, {@code maxLength}, {@code x-vidu-model-rules} and {@code
 * x-vidu-image-rules}. Read here, and not through the client's {@code ViduRules} or {@code
 * RequestValidator}, so that the sandbox is an oracle of its own: a client rule that is wrong is
 * refused here, and provider checks against the sandbox catch it.
 */
final class SpecRules {
  private static final String RESOURCE = "META-INF/vidu4j/openapi.json";
  private static final SpecRules SPEC = load();

  /** One model's rules: {@code x-vidu-model-rules.<model>}. */
  record Model(
      String name,
      int minImages,
      int maxImages,
      List<String> aspectRatios,
      String defaultAspectRatio,
      List<String> resolutions,
      String defaultResolution) {}

  final List<String> required;
  final Map<String, Model> models;
  final int maxImages;
  final List<String> formats;
  final int minWidth;
  final int minHeight;
  final double maxAspectRatio;
  final long maxImageBytes;
  final long maxBodyBytes;
  final int promptMaxCodePoints;
  final int payloadMaxChars;

  private SpecRules(JsonObject schema) {
    this.required = strings(schema.getAsJsonArray("required"));
    JsonObject properties = schema.getAsJsonObject("properties");
    JsonElement maxItems = properties.getAsJsonObject("images").get("maxItems");
    Map<String, Model> byName = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry :
        schema.getAsJsonObject("x-vidu-model-rules").entrySet()) {
      JsonObject rules = entry.getValue().getAsJsonObject();
      byName.put(
          entry.getKey(),
          new Model(
              entry.getKey(),
              rules.get("min_images").getAsInt(),
              rules.get("max_images").getAsInt(),
              strings(rules.getAsJsonArray("aspect_ratios")),
              rules.get("default_aspect_ratio").getAsString(),
              strings(rules.getAsJsonArray("resolutions")),
              rules.get("default_resolution").getAsString()));
    }
    this.models = Collections.unmodifiableMap(byName);
    // The schema leaves the count open (models it does not know may take more); without a cap
    // there, a model outside the rules gets the largest count any listed model takes.
    this.maxImages =
        maxItems != null
            ? maxItems.getAsInt()
            : byName.values().stream().mapToInt(Model::maxImages).max().orElse(0);
    JsonObject images = schema.getAsJsonObject("x-vidu-image-rules");
    this.formats = strings(images.getAsJsonArray("formats"));
    this.minWidth = images.get("min_width").getAsInt();
    this.minHeight = images.get("min_height").getAsInt();
    this.maxAspectRatio = images.get("max_aspect_ratio").getAsDouble();
    this.maxImageBytes = images.get("max_image_bytes").getAsLong();
    this.maxBodyBytes = images.get("max_body_bytes").getAsLong();
    this.promptMaxCodePoints = images.get("prompt_max_code_points").getAsInt();
    this.payloadMaxChars = images.get("payload_max_chars").getAsInt();
  }

  /** The rules of the spec on the class path. */
  static SpecRules spec() {
    return SPEC;
  }

  /** The model names, in the spec's order. */
  List<String> modelNames() {
    return new ArrayList<>(models.keySet());
  }

  private static SpecRules load() {
    try (InputStream in = SpecRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path (vidu4j-generated)");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        JsonObject spec = JsonParser.parseReader(reader).getAsJsonObject();
        return new SpecRules(
            spec.getAsJsonObject("components")
                .getAsJsonObject("schemas")
                .getAsJsonObject("ReferenceToImageRequest"));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.getAsString()));
    return List.copyOf(values);
  }
}
