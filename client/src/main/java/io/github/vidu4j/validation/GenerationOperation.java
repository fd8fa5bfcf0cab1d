package io.github.vidu4j.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A generation operation of the spec: every {@code POST} tagged {@code Generation} in {@code
 * openapi/vidu.yaml} ({@code reference2image}, {@code text2video}, {@code img2video}, ...), with
 * its request fields, its models' rules ({@code x-vidu-model-rules} of the request schema), its
 * limits ({@code x-vidu-image-rules}) and what it produces ({@code x-vidu-output}). What {@code
 * client.generations()} creates and the CLI, the batch engine and the sandbox look up by name. Read
 * from the spec this release was built from ({@link ViduRules}), so an operation added to the spec
 * is known here after a rebuild with no Java edit. Immutable and thread-safe.
 */
public final class GenerationOperation {
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

  /**
   * An operation's limits: its {@code x-vidu-image-rules} over those of {@code reference2image}
   * (which an operation without its own keeps), a prompt or payload limit the rules lack being the
   * schema's {@code maxLength}. Read by the CLI's help and the sandbox's options.
   *
   * @param formats the accepted image formats, lower case ({@code png}, ...), as {@link
   *     ImageInfo.Format} names them
   * @param minWidth the least image width, pixels
   * @param minHeight the least image height, pixels
   * @param maxAspectRatio the most the longer side may be, in multiples of the shorter
   * @param maxImageBytes the most bytes of one image
   * @param maxBodyBytes the most bytes of the whole JSON request body
   * @param promptMaxCodePoints the longest prompt, in Unicode code points
   * @param payloadMaxChars the longest payload, in characters
   */
  public record Limits(
      List<String> formats,
      int minWidth,
      int minHeight,
      int maxAspectRatio,
      long maxImageBytes,
      long maxBodyBytes,
      int promptMaxCodePoints,
      int payloadMaxChars) {

    /** Copies the list, so a limit never changes. */
    public Limits {
      formats = List.copyOf(formats);
    }

    boolean accepts(ImageInfo.Format format) {
      return formats.contains(format.name().toLowerCase(Locale.ROOT));
    }

    /** For messages: {@code image/png, image/jpeg or image/webp}. */
    String mimeTypes() {
      return Words.or(formats.stream().map(f -> "image/" + f).toList());
    }

    /** As Vidu's documents write it: {@code 50 MB}. */
    String maxImageSize() {
      return megabytes(maxImageBytes);
    }

    /** As Vidu's documents write it: {@code 20 MB}. */
    String maxBodySize() {
      return megabytes(maxBodyBytes);
    }

    private static String megabytes(long bytes) {
      return bytes % 1_000_000 == 0
          ? bytes / 1_000_000 + " MB"
          : String.format(Locale.ROOT, "%,d bytes", bytes);
    }
  }

  private final String name;
  private final String path;
  private final String output;
  private final String requestSchema;
  private final Map<String, Field> fields;
  private final Set<String> required;
  private final Map<String, OperationModel> models;
  private final Limits limits;
  private final @Nullable Double minPixelRatio;
  private final @Nullable Double maxPixelRatio;

  GenerationOperation(
      String name,
      String path,
      String output,
      String requestSchema,
      Map<String, Field> fields,
      Set<String> required,
      Map<String, OperationModel> models,
      Limits limits,
      @Nullable Double minPixelRatio,
      @Nullable Double maxPixelRatio) {
    this.name = name;
    this.path = path;
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
    return ViduRules.spec().operations();
  }

  /** The operation called {@code name} ({@code text2video}, ...), if the spec has it. */
  public static Optional<GenerationOperation> named(String name) {
    return Optional.ofNullable(all().get(name));
  }

  /** The last segment of the path: {@code reference2image}, {@code text2video}, ... */
  public String name() {
    return name;
  }

  /** The path, {@code /ent/v2/<name>}. */
  public String path() {
    return path;
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
  String requestSchema() {
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
  public Limits limits() {
    return limits;
  }

  /** The least ratio of the first image's pixel count to the second's, when the spec has one. */
  Optional<Double> minPixelRatio() {
    return Optional.ofNullable(minPixelRatio);
  }

  /** The greatest ratio of the first image's pixel count to the second's, when the spec has one. */
  Optional<Double> maxPixelRatio() {
    return Optional.ofNullable(maxPixelRatio);
  }

  @Override
  public String toString() {
    return "POST " + path;
  }
}
