package io.github.vidu4j.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.validation.ModelRules.Limits;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Java rules and the spec's x-vidu-* extensions must say the same thing, key by key. */
class ModelRulesAgreeWithSpecTest {
  static Map<String, Object> schema;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readSpec() throws Exception {
    Path spec = Path.of(System.getProperty("vidu.spec", "../openapi/vidu.yaml"));
    try (Reader reader = Files.newBufferedReader(spec)) {
      Map<String, Object> root = new Yaml().load(reader);
      Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) root.get("components")).get("schemas");
      schema = (Map<String, Object>) schemas.get("ReferenceToImageRequest");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyModelAndEveryRuleMatches() {
    Map<String, Map<String, Object>> specRules = (Map<String, Map<String, Object>>) schema.get("x-vidu-model-rules");
    assertThat(specRules.keySet()).containsExactlyElementsOf(ModelRules.BY_MODEL.keySet());
    for (ModelRules java : ModelRules.BY_MODEL.values()) {
      Map<String, Object> spec = new LinkedHashMap<>(specRules.get(java.model()));
      spec.remove("description");
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("min_images", java.minImages());
      expected.put("max_images", java.maxImages());
      expected.put("aspect_ratios", java.aspectRatios());
      expected.put("default_aspect_ratio", java.defaultAspectRatio());
      expected.put("resolutions", java.resolutions());
      expected.put("default_resolution", java.defaultResolution());
      if (java.autoAspectRatioNeedsImage() || spec.containsKey("auto_aspect_ratio_needs_image")) {
        expected.put("auto_aspect_ratio_needs_image", java.autoAspectRatioNeedsImage());
      }
      assertThat(spec).as(java.model()).containsExactlyInAnyOrderEntriesOf(expected);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void imageLimitsMatch() {
    Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) schema.get("x-vidu-image-rules"));
    spec.remove("description");
    assertThat(spec).containsExactlyInAnyOrderEntriesOf(Map.of(
        "formats", Limits.FORMATS,
        "min_width", Limits.MIN_WIDTH,
        "min_height", Limits.MIN_HEIGHT,
        "max_aspect_ratio", Limits.MAX_ASPECT_RATIO,
        "max_image_bytes", (int) Limits.MAX_IMAGE_BYTES,
        "max_body_bytes", (int) Limits.MAX_BODY_BYTES,
        "prompt_max_code_points", Limits.PROMPT_MAX_CODE_POINTS,
        "payload_max_chars", Limits.PAYLOAD_MAX_CHARS));
  }

  @Test
  @SuppressWarnings("unchecked")
  void schemaKeywordsMatchTheLimits() {
    Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
    assertThat(properties.get("prompt").get("maxLength")).isEqualTo(Limits.PROMPT_MAX_CODE_POINTS);
    assertThat(properties.get("payload").get("maxLength")).isEqualTo(Limits.PAYLOAD_MAX_CHARS);
    int maxImages = ModelRules.BY_MODEL.values().stream().mapToInt(ModelRules::maxImages).max().orElseThrow();
    assertThat(properties.get("images").get("maxItems")).isEqualTo(maxImages);
    List<String> allRatios = ModelRules.BY_MODEL.values().stream().flatMap(r -> r.aspectRatios().stream()).distinct().toList();
    assertThat((List<String>) properties.get("aspect_ratio").get("x-extensible-enum")).containsExactlyInAnyOrderElementsOf(allRatios);
    assertThat((List<String>) properties.get("model").get("x-extensible-enum")).containsExactlyInAnyOrderElementsOf(ModelRules.BY_MODEL.keySet());
  }
}
