package io.github.vidu4j.validation;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One model's rules for one generation operation: an entry of the operation's {@code
 * x-vidu-model-rules} in {@code openapi/vidu.yaml}, as read by {@link GenerationOperation}; the CLI
 * builds its help and completions from it. Every rule is optional in the spec; an absent one is not
 * checked. The values are the spec's.
 *
 * @param model the model name, as sent in {@code model}
 * @param description the spec's words about the model
 * @param minDuration the shortest <code>duration</code>, seconds, or null
 * @param maxDuration the longest <code>duration</code>, seconds, or null
 * @param durations the only durations accepted, when the spec lists them (empty: a range or none)
 * @param defaultDuration what Vidu applies when <code>duration</code> is absent, or null
 * @param resolutions the accepted <code>resolution</code> values, case as written (empty:
 *     unchecked)
 * @param defaultResolution what Vidu applies when <code>resolution</code> is absent, or null
 * @param resolutionsByDuration for the durations named here, their own accepted resolutions
 * @param defaultResolutionByDuration for the durations named here, their own default resolution
 * @param aspectRatios the accepted {@code aspect_ratio} values (empty: unchecked)
 * @param defaultAspectRatio what Vidu applies when {@code aspect_ratio} is absent, or null
 * @param minImages the fewest {@code images}, or null
 * @param maxImages the most {@code images}, or null
 * @param fps the output's frames per second (videos), or null
 * @param defaultAudio whether the output has audio when {@code audio} is absent, or null
 */
public record OperationModel(
    String model,
    String description,
    @Nullable Integer minDuration,
    @Nullable Integer maxDuration,
    List<Integer> durations,
    @Nullable Integer defaultDuration,
    List<String> resolutions,
    @Nullable String defaultResolution,
    Map<Integer, List<String>> resolutionsByDuration,
    Map<Integer, String> defaultResolutionByDuration,
    List<String> aspectRatios,
    @Nullable String defaultAspectRatio,
    @Nullable Integer minImages,
    @Nullable Integer maxImages,
    @Nullable Integer fps,
    @Nullable Boolean defaultAudio) {

  /** Copies the collections, so a rule never changes. */
  public OperationModel {
    durations = List.copyOf(durations);
    resolutions = List.copyOf(resolutions);
    resolutionsByDuration = Map.copyOf(resolutionsByDuration);
    defaultResolutionByDuration = Map.copyOf(defaultResolutionByDuration);
    aspectRatios = List.copyOf(aspectRatios);
  }

  /** Whether {@code seconds} is a duration this model takes; true when the spec has no rule. */
  public boolean takesDuration(int seconds) {
    if (!durations.isEmpty()) {
      return durations.contains(seconds);
    }
    return (minDuration == null || seconds >= minDuration)
        && (maxDuration == null || seconds <= maxDuration);
  }

  /** For messages: {@code 1 to 16 s}, {@code 4 or 8 s}. */
  String durationRule() {
    if (!durations.isEmpty()) {
      return Words.or(durations.stream().map(String::valueOf).toList()) + " s";
    }
    if (minDuration == null && maxDuration == null) {
      return "any duration";
    }
    return (minDuration == null ? "up" : minDuration) + " to " + maxDuration + " s";
  }

  /**
   * The resolutions accepted at {@code seconds} (the model's default duration when null): that
   * duration's own list if the spec has one, else {@link #resolutions()}.
   */
  List<String> resolutionsAt(@Nullable Integer seconds) {
    Integer at = seconds == null ? defaultDuration : seconds;
    List<String> own = at == null ? null : resolutionsByDuration.get(at);
    return own != null ? own : resolutions;
  }

  /** The rules in one line, for help texts. */
  public String summary() {
    StringBuilder text = new StringBuilder(model);
    if (minDuration != null || maxDuration != null || !durations.isEmpty()) {
      text.append(": ").append(durationRule());
    }
    if (!resolutions.isEmpty()) {
      text.append(", ").append(String.join("/", resolutions));
      resolutionsByDuration.forEach(
          (seconds, values) ->
              text.append(" (").append(seconds).append(" s: ").append(String.join("/", values)));
      text.append(resolutionsByDuration.isEmpty() ? "" : ")".repeat(resolutionsByDuration.size()));
    }
    if (!aspectRatios.isEmpty()) {
      text.append(", ").append(String.join(" ", aspectRatios));
    }
    if (minImages != null && maxImages != null) {
      text.append(", ")
          .append(minImages.equals(maxImages) ? "" + minImages : minImages + "-" + maxImages)
          .append(" image(s)");
    }
    if (fps != null) {
      text.append(", ").append(fps).append(" fps");
    }
    return text.toString();
  }
}
