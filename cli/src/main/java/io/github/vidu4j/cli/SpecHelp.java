package io.github.vidu4j.cli;

import io.github.vidu4j.Images;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.OperationModel;
import io.github.vidu4j.validation.ViduRules;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The help texts that state the spec's rules (models, aspect ratios, resolutions, limits), built
 * from {@link ViduRules} when help is shown, so {@code --help} says what the spec of this build
 * says. Options name their text with {@code descriptionKey}; picocli reads it from this bundle.
 */
final class SpecHelp extends ListResourceBundle {
  static final String MODEL = "vidu.model";
  static final String PROMPT = "vidu.prompt";
  static final String IMAGE = "vidu.image";
  static final String ASPECT_RATIO = "vidu.aspectRatio";
  static final String RESOLUTION = "vidu.resolution";
  static final String PAYLOAD = "vidu.payload";
  static final String PAGE_SIZE = "vidu.pageSize";

  @Override
  protected Object[][] getContents() {
    ViduRules rules = ViduRules.spec();
    GenerationOperation.Limits limits = rules.images();
    return new Object[][] {
      {
        MODEL,
        "One of "
            + perModel(
                m ->
                    m.minImages()
                        + " to "
                        + m.maxImages()
                        + " images"
                        + (Integer.valueOf(0).equals(m.minImages())
                            ? ", none for text-to-image"
                            : ""))
            + "; another name needs --allow-unknown-model."
      },
      {PROMPT, "What to draw; at most " + limits.promptMaxCodePoints() + " characters."},
      {
        IMAGE,
        "A reference image: an http(s) URL (Vidu fetches it) or a local "
            + limits.formats().stream()
                .map(f -> f.toUpperCase(Locale.ROOT))
                .collect(Collectors.joining("/"))
            + " file (sent inline). Repeatable."
      },
      {
        ASPECT_RATIO,
        "Per model: "
            + perModel(
                m -> String.join(", ", m.aspectRatios()) + "; default " + m.defaultAspectRatio())
            + ". auto follows the first image."
      },
      {
        RESOLUTION,
        "Per model (case as written): "
            + perModel(
                m -> String.join(", ", m.resolutions()) + "; default " + m.defaultResolution())
            + "."
      },
      {
        PAYLOAD,
        String.format(
            Locale.ROOT,
            "Your own data, returned with the task (at most %,d characters).",
            limits.payloadMaxChars())
      },
      {
        PAGE_SIZE,
        "Tasks a page, 1 to "
            + rules.maxPageSize()
            + " (Vidu's default "
            + rules.defaultPageSize()
            + ")."
      },
    };
  }

  private static String perModel(Function<OperationModel, String> describe) {
    return Images.REFERENCE_TO_IMAGE.models().values().stream()
        .map(m -> m.model() + " (" + describe.apply(m) + ")")
        .collect(Collectors.joining(", "));
  }
}
