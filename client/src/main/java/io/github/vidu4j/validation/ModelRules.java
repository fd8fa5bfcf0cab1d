package io.github.vidu4j.validation;

import java.util.List;

/**
 * One model's rules: an entry of {@code x-vidu-model-rules} in {@code openapi/vidu.yaml}, as read
 * by {@link ViduRules}. The values are the spec's; nothing here restates them. Read through {@link
 * ViduRules} by the validator, the sandbox and the CLI's help.
 *
 * @param model the model name, as sent in {@code model}
 * @param description what the model does, in the spec's words
 * @param minImages the fewest reference images (0: text-to-image without images)
 * @param maxImages the most reference images
 * @param aspectRatios the accepted {@code aspect_ratio} values, case as written
 * @param defaultAspectRatio what Vidu applies when {@code aspect_ratio} is absent
 * @param resolutions the accepted <code>resolution</code> values, case as written
 * @param defaultResolution what Vidu applies when <code>resolution</code> is absent
 */
public record ModelRules(
    String model,
    String description,
    int minImages,
    int maxImages,
    List<String> aspectRatios,
    String defaultAspectRatio,
    List<String> resolutions,
    String defaultResolution) {

  /** Copies the lists, so a rule never changes. */
  public ModelRules {
    aspectRatios = List.copyOf(aspectRatios);
    resolutions = List.copyOf(resolutions);
  }
}
