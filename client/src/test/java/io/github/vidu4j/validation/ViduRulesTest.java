package io.github.vidu4j.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * ViduRules reads the rules from the spec built into vidu4j-generated: every key of the spec's YAML
 * must come out, and the spec must be consistent with itself where two places state a rule.
 */
class ViduRulesTest {
  static Map<String, Object> root;
  static Map<String, Object> schema;

  /** reference2image's models, read with every other operation's. */
  private static Map<String, OperationModel> models() {
    return GenerationOperation.named("reference2image").orElseThrow().models();
  }

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readSpec() throws Exception {
    Path spec = Path.of(System.getProperty("vidu.spec", "../openapi/vidu.yaml"));
    try (Reader reader = Files.newBufferedReader(spec)) {
      root = new Yaml().load(reader);
      Map<String, Object> schemas =
          (Map<String, Object>) ((Map<String, Object>) root.get("components")).get("schemas");
      schema = (Map<String, Object>) schemas.get("ReferenceToImageRequest");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyModelAndEveryRuleOfTheSpecIsRead() {
    Map<String, Map<String, Object>> specRules =
        (Map<String, Map<String, Object>>) schema.get("x-vidu-model-rules");
    assertThat(models().keySet()).containsExactlyElementsOf(specRules.keySet());
    for (OperationModel read : models().values()) {
      Map<String, Object> spec = new LinkedHashMap<>(specRules.get(read.model()));
      assertThat(read.description()).isEqualTo(String.valueOf(spec.remove("description")).trim());
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("min_images", read.minImages());
      expected.put("max_images", read.maxImages());
      expected.put("aspect_ratios", read.aspectRatios());
      expected.put("default_aspect_ratio", read.defaultAspectRatio());
      expected.put("resolutions", read.resolutions());
      expected.put("default_resolution", read.defaultResolution());
      assertThat(spec)
          .as(read.model() + ": every key the spec states is read")
          .containsExactlyInAnyOrderEntriesOf(expected);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void imageLimitsAreTheSpecs() {
    Map<String, Object> spec =
        new LinkedHashMap<>((Map<String, Object>) schema.get("x-vidu-image-rules"));
    spec.remove("description");
    GenerationOperation.Limits read = ViduRules.spec().images();
    assertThat(spec)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "formats", read.formats(),
                "min_width", read.minWidth(),
                "min_height", read.minHeight(),
                "max_aspect_ratio", read.maxAspectRatio(),
                "max_image_bytes", (int) read.maxImageBytes(),
                "max_body_bytes", (int) read.maxBodyBytes(),
                "prompt_max_code_points", read.promptMaxCodePoints(),
                "payload_max_chars", read.payloadMaxChars()));
    assertThat(ImageInfo.Format.values())
        .allSatisfy(
            f ->
                assertThat(read.accepts(f))
                    .isEqualTo(
                        read.formats().contains(f.name().toLowerCase(java.util.Locale.ROOT))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void pageSizesAndConcurrencyAreTheSpecs() {
    Map<String, Object> paths = (Map<String, Object>) root.get("paths");
    List<Map<String, Object>> parameters =
        (List<Map<String, Object>>)
            ((Map<String, Object>) ((Map<String, Object>) paths.get("/ent/v2/tasks")).get("get"))
                .get("parameters");
    Map<String, Object> pageSize =
        (Map<String, Object>)
            parameters.stream()
                .filter(p -> p.get("name").equals("pager.pagesz"))
                .findFirst()
                .orElseThrow()
                .get("schema");
    assertThat(ViduRules.spec().maxPageSize()).isEqualTo(pageSize.get("maximum"));
    assertThat(ViduRules.spec().defaultPageSize()).isEqualTo(pageSize.get("default"));
    Map<String, Object> schemas =
        (Map<String, Object>) ((Map<String, Object>) root.get("components")).get("schemas");
    Map<String, Object> limit =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) schemas.get("CreditBalance")).get("properties"))
                .get("concurrency_limit");
    assertThat(ViduRules.spec().defaultConcurrencyLimit()).isEqualTo(limit.get("x-vidu-default"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSpecAgreesWithItself() {
    Map<String, Map<String, Object>> properties =
        (Map<String, Map<String, Object>>) schema.get("properties");
    GenerationOperation.Limits limits = ViduRules.spec().images();
    assertThat(properties.get("prompt").get("maxLength")).isEqualTo(limits.promptMaxCodePoints());
    assertThat(properties.get("payload").get("maxLength")).isEqualTo(limits.payloadMaxChars());
    assertThat(properties.get("images").containsKey("maxItems"))
        .as("image counts are per-model rules, not a cap on models the spec does not know")
        .isFalse();
    List<String> allRatios =
        models().values().stream().flatMap(r -> r.aspectRatios().stream()).distinct().toList();
    assertThat((List<String>) properties.get("aspect_ratio").get("x-extensible-enum"))
        .containsExactlyInAnyOrderElementsOf(allRatios);
    List<String> listedModels = (List<String>) properties.get("model").get("x-extensible-enum");
    assertThat(listedModels).containsAll(models().keySet());
    // A listed model without rules is one third parties use but Vidu does not document.
    String modelText = (String) properties.get("model").get("description");
    listedModels.stream()
        .filter(m -> !models().containsKey(m))
        .forEach(
            m ->
                assertThat(modelText)
                    .as(m + " has no x-vidu-model-rules, so its description says it is observed")
                    .contains("**Observed**")
                    .contains("`" + m + "`"));
    for (OperationModel rules : models().values()) {
      assertThat(rules.aspectRatios()).as(rules.model()).contains(rules.defaultAspectRatio());
      assertThat(rules.resolutions()).as(rules.model()).contains(rules.defaultResolution());
    }
  }
}
