package io.github.vidu4j.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The video operations' rules, read from the spec, applied to JSON bodies. */
class VideoRulesValidationTest {
  private static final RequestValidator VALIDATOR = RequestValidator.strict();

  private static GenerationOperation op(String name) {
    return GenerationOperation.named(name).orElseThrow();
  }

  private static List<Violation> violations(String operation, String json) {
    ViduValidationException e =
        catchThrowableOfType(
            ViduValidationException.class,
            () ->
                VALIDATOR.validate(op(operation), JsonParser.parseString(json).getAsJsonObject()));
    assertThat(e).as("expected violations for %s", json).isNotNull();
    return e.violations();
  }

  @Test
  void theSpecHasTheImageAndTheFourVideoOperations() {
    assertThat(GenerationOperation.all().keySet())
        .containsExactly(
            "reference2image", "text2video", "img2video", "start-end2video", "reference2video");
    assertThat(op("reference2image").producesVideo()).isFalse();
    assertThat(op("text2video").producesVideo()).isTrue();
    assertThat(op("text2video").model("viduq2").orElseThrow().fps()).isEqualTo(24);
    assertThat(op("img2video").model("vidu2.0").orElseThrow().fps()).isEqualTo(32);
    assertThat(op("start-end2video").path()).isEqualTo("/ent/v2/start-end2video");
  }

  @Test
  void validRequestsPass() {
    assertThatCode(
            () ->
                VALIDATOR.validate(
                    op("text2video"),
                    JsonParser.parseString(
                            "{\"model\":\"viduq2\",\"prompt\":\"a red fox\",\"duration\":2,"
                                + "\"resolution\":\"540p\",\"aspect_ratio\":\"4:3\",\"bgm\":true,"
                                + "\"wm_position\":2,\"off_peak\":true}")
                        .getAsJsonObject()))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                VALIDATOR.validate(
                    op("img2video"),
                    JsonParser.parseString(
                            "{\"model\":\"vidu2.0\",\"images\":[\"https://example.com/a.png\"],"
                                + "\"duration\":8,\"resolution\":\"720p\"}")
                        .getAsJsonObject()))
        .doesNotThrowAnyException();
  }

  @Test
  void theReferencesInvalidCombinationsAreRefused() {
    assertThat(violations("text2video", "{\"model\":\"viduq1\",\"prompt\":\"p\",\"duration\":8}"))
        .extracting(Violation::code)
        .containsExactly(Violation.Code.DURATION);
    assertThat(
            violations(
                "start-end2video",
                "{\"model\":\"viduq2-pro\",\"images\":[\"https://example.com/a.png\"]}"))
        .extracting(Violation::code)
        .contains(Violation.Code.IMAGE_COUNT);
    List<Violation> aspect =
        violations(
            "img2video",
            "{\"model\":\"viduq2-pro\",\"images\":[\"https://example.com/a.png\"],\"aspect_ratio\":\"16:9\"}");
    assertThat(aspect).extracting(Violation::code).containsExactly(Violation.Code.FIELD_UNKNOWN);
    assertThat(aspect.get(0).toString()).contains("img2video has no field aspect_ratio");
  }

  @Test
  void resolutionsDependOnTheDuration() {
    List<Violation> v =
        violations(
            "img2video",
            "{\"model\":\"vidu2.0\",\"images\":[\"https://example.com/a.png\"],\"duration\":8,\"resolution\":\"1080p\"}");
    assertThat(v).extracting(Violation::code).containsExactly(Violation.Code.RESOLUTION);
    assertThat(v.get(0).rule()).contains("at 8 s supports 720p");
  }

  @Test
  void typesRangesAndUnknownModelsAreRefused() {
    assertThat(
            violations(
                "text2video",
                "{\"model\":\"viduq9\",\"prompt\":\" \",\"duration\":\"5\",\"wm_position\":7}"))
        .extracting(Violation::code)
        .containsExactlyInAnyOrder(
            Violation.Code.MODEL_UNKNOWN,
            Violation.Code.PROMPT_BLANK,
            Violation.Code.FIELD_TYPE,
            Violation.Code.FIELD_RANGE);
    assertThatCode(
            () ->
                RequestValidator.allowingUnknownModels()
                    .validate(
                        op("text2video"),
                        JsonParser.parseString("{\"model\":\"viduq9\",\"prompt\":\"p\"}")
                            .getAsJsonObject()))
        .doesNotThrowAnyException();
  }

  @Test
  void startAndEndFramesMustBeCloseInSize() {
    JsonObject body = new JsonObject();
    body.addProperty("model", "viduq2-pro");
    JsonArray images = new JsonArray();
    images.add(TestImages.dataUri("image/png", TestImages.png(200, 200)));
    images.add(TestImages.dataUri("image/png", TestImages.png(400, 400)));
    body.add("images", images);
    ViduValidationException e =
        catchThrowableOfType(
            ViduValidationException.class, () -> VALIDATOR.validate(op("start-end2video"), body));
    assertThat(e.violations())
        .extracting(Violation::code)
        .containsExactly(Violation.Code.IMAGE_PAIR);

    images.set(1, images.get(0));
    assertThatCode(() -> VALIDATOR.validate(op("start-end2video"), body))
        .doesNotThrowAnyException();
  }

  @Test
  void aGeneratedRequestModelIsCheckedByTheRulesOfItsOperation() {
    ViduValidationException e =
        catchThrowableOfType(
            ViduValidationException.class,
            () ->
                VALIDATOR.validate(
                    new io.github.vidu4j.model.TextToVideoRequest()
                        .model("viduq1")
                        .prompt("p")
                        .duration(8)));
    assertThat(e.violations()).extracting(Violation::code).containsExactly(Violation.Code.DURATION);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> VALIDATOR.validate("not a request"))
        .isInstanceOf(io.github.vidu4j.core.ViduException.class)
        .hasMessageContaining("String is not the request of a generation operation");
  }
}
