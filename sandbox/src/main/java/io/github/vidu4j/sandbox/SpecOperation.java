package io.github.vidu4j.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A generation operation as the sandbox reads it from the spec ({@link SpecRules}): its path, what
 * it produces ({@code x-vidu-output}), its request schema's fields and required fields, its models'
 * rules ({@code x-vidu-model-rules}) and its limits ({@code x-vidu-image-rules}).
 *
 * @param name the path's last segment: {@code reference2image}, {@code text2video}, ...
 * @param path the path, {@code /ent/v2/<name>}
 * @param producesVideo whether a creation is a video ({@code x-vidu-output: video})
 * @param fields the request schema's properties by JSON name, in the spec's order
 * @param required the request schema's required fields
 * @param models the models' rules by name, in the spec's order
 * @param limits the operation's image, text and body limits
 */
record SpecOperation(
    String name,
    String path,
    boolean producesVideo,
    Map<String, Field> fields,
    List<String> required,
    Map<String, SpecModel> models,
    Limits limits) {

  /**
   * One request field as its schema types it; a constraint the schema does not state is null.
   *
   * @param type the JSON type ({@code string}, {@code integer}, ...), or empty when untyped
   * @param format the string format ({@code uri}), or null
   */
  record Field(
      String name,
      String type,
      @Nullable String format,
      @Nullable Integer minLength,
      @Nullable Integer maxLength,
      @Nullable Integer minItems,
      @Nullable Integer maxItems,
      @Nullable Long minimum,
      @Nullable Long maximum) {}

  /**
   * {@code x-vidu-image-rules}: formats and sizes of an image, the prompt's and payload's lengths,
   * the body's bytes, and for start and end frames the ratio of their pixel counts (null: none).
   */
  record Limits(
      List<String> formats,
      int minWidth,
      int minHeight,
      double maxAspectRatio,
      long maxImageBytes,
      long maxBodyBytes,
      @Nullable Integer promptMaxCodePoints,
      @Nullable Integer payloadMaxChars,
      @Nullable Double minPixelRatio,
      @Nullable Double maxPixelRatio) {
    Limits {
      formats = List.copyOf(formats);
    }
  }

  SpecOperation {
    fields = orderedCopy(fields);
    required = List.copyOf(required);
    models = orderedCopy(models);
  }

  /** The rules of {@code model} (exact name), if the spec has them. */
  Optional<SpecModel> model(String model) {
    return Optional.ofNullable(models.get(model));
  }

  private static <V> Map<String, V> orderedCopy(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
