package io.github.vidu4j.sandbox;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One model's rules on one generation operation: an entry of the request schema's {@code
 * x-vidu-model-rules}, as the sandbox reads it ({@link SpecRules}). A rule the spec leaves out is
 * null or empty and not checked.
 *
 * @param name the model name, as sent in {@code model}
 * @param minImages the fewest {@code images}, or null
 * @param maxImages the most {@code images}, or null
 * @param aspectRatios the accepted {@code aspect_ratio} values (empty: any)
 * @param defaultAspectRatio what Vidu applies when {@code aspect_ratio} is absent, or null
 * @param resolutions the accepted <code>resolution</code> values, case as written (empty: any)
 * @param defaultResolution what Vidu applies when <code>resolution</code> is absent, or null
 * @param resolutionsByDuration a duration's own accepted resolutions, for the durations listed
 * @param defaultResolutionByDuration a duration's own default resolution, for those listed
 * @param minDuration the shortest <code>duration</code> in seconds, or null
 * @param maxDuration the longest <code>duration</code> in seconds, or null
 * @param durations the only durations accepted, when the spec lists them (empty: a range or none)
 * @param defaultDuration what Vidu applies when <code>duration</code> is absent, or null
 * @param fps the video's frames per second, or null
 * @param defaultAudio whether the video has sound when {@code audio} is absent, or null
 */
record SpecModel(
    String name,
    @Nullable Integer minImages,
    @Nullable Integer maxImages,
    List<String> aspectRatios,
    @Nullable String defaultAspectRatio,
    List<String> resolutions,
    @Nullable String defaultResolution,
    Map<Integer, List<String>> resolutionsByDuration,
    Map<Integer, String> defaultResolutionByDuration,
    @Nullable Integer minDuration,
    @Nullable Integer maxDuration,
    List<Integer> durations,
    @Nullable Integer defaultDuration,
    @Nullable Integer fps,
    @Nullable Boolean defaultAudio) {

  SpecModel {
    aspectRatios = List.copyOf(aspectRatios);
    resolutions = List.copyOf(resolutions);
    resolutionsByDuration = Map.copyOf(resolutionsByDuration);
    defaultResolutionByDuration = Map.copyOf(defaultResolutionByDuration);
    durations = List.copyOf(durations);
  }

  /** Whether Vidu takes {@code seconds} for this model: a listed value, or within the range. */
  boolean acceptsDuration(int seconds) {
    if (!durations.isEmpty()) {
      return durations.contains(seconds);
    }
    return !(minDuration != null && seconds < minDuration)
        && !(maxDuration != null && seconds > maxDuration);
  }

  /** The accepted durations, for an error message. */
  String durationsInWords() {
    if (!durations.isEmpty()) {
      return durations + " s";
    }
    return (minDuration == null ? "any" : minDuration)
        + " to "
        + (maxDuration == null ? "any" : maxDuration)
        + " s";
  }

  /**
   * The resolutions accepted at {@code seconds}, or at the default duration when it is null: that
   * duration's own list when the spec gives one.
   */
  List<String> resolutionsAt(@Nullable Integer seconds) {
    Integer at = seconds != null ? seconds : defaultDuration;
    List<String> own = at == null ? null : resolutionsByDuration.get(at);
    return own == null ? resolutions : own;
  }

  /** The default resolution at {@code seconds} (the default duration when null), or null. */
  @Nullable String defaultResolutionAt(@Nullable Integer seconds) {
    Integer at = seconds != null ? seconds : defaultDuration;
    String own = at == null ? null : defaultResolutionByDuration.get(at);
    return own == null ? defaultResolution : own;
  }
}
