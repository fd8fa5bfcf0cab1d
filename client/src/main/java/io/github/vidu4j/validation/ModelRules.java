package io.github.vidu4j.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-model rules: the Java twin of {@code x-vidu-model-rules} in {@code openapi/vidu.yaml}.
 * {@code ModelRulesAgreeWithSpecTest} reads the spec and fails when the two differ, so a rule
 * changes in both places or the build breaks.
 */
record ModelRules(
    String model,
    int minImages,
    int maxImages,
    List<String> aspectRatios,
    String defaultAspectRatio,
    List<String> resolutions,
    String defaultResolution,
    boolean autoAspectRatioNeedsImage) {

  static final Map<String, ModelRules> BY_MODEL;

  static {
    Map<String, ModelRules> rules = new LinkedHashMap<>();
    rules.put("viduq1", new ModelRules("viduq1", 1, 7,
        List.of("16:9", "9:16", "1:1", "3:4", "4:3"), "16:9",
        List.of("1080p"), "1080p", false));
    rules.put("viduq2", new ModelRules("viduq2", 0, 7,
        List.of("16:9", "9:16", "1:1", "3:4", "4:3", "21:9", "2:3", "3:2", "auto"), "16:9",
        List.of("1080p", "2K", "4K"), "1080p", true));
    BY_MODEL = java.util.Collections.unmodifiableMap(rules);
  }

  /** The model-independent limits: the twin of {@code x-vidu-image-rules}. */
  static final class Limits {
    static final List<String> FORMATS = List.of("png", "jpeg", "webp");
    static final int MIN_WIDTH = 128;
    static final int MIN_HEIGHT = 128;
    static final int MAX_ASPECT_RATIO = 4;
    static final long MAX_IMAGE_BYTES = 50_000_000L;
    static final long MAX_BODY_BYTES = 20_000_000L;
    static final int PROMPT_MAX_CODE_POINTS = 2000;
    static final int PAYLOAD_MAX_CHARS = 1_048_576;

    private Limits() {}
  }
}
