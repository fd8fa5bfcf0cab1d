package io.github.vidu4j.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestValidatorTest {
  static final RequestValidator STRICT = RequestValidator.strict();

  static List<String> urls(int n) {
    List<String> images = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      images.add("https://example.com/ref/" + i + ".png");
    }
    return images;
  }

  static ReferenceToImageRequest request(String model, int images) {
    ReferenceToImageRequest request =
        new ReferenceToImageRequest().model(model).prompt("a red fox");
    return images == 0 ? request : request.images(urls(images));
  }

  static String problems(ReferenceToImageRequest request) {
    try {
      STRICT.validate(request);
      return "valid";
    } catch (ViduValidationException e) {
      return e.getMessage();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "viduq1, 0, 'images: viduq1 needs 1 to 7 images, got 0'",
    "viduq1, 1, valid",
    "viduq1, 7, valid",
    "viduq1, 8, 'images: viduq1 needs 1 to 7 images, got 8'",
    "viduq2, 0, valid",
    "viduq2, 1, valid",
    "viduq2, 7, valid",
    "viduq2, 8, 'images: viduq2 needs 0 to 7 images, got 8'",
  })
  void imageCountPerModel(String model, int images, String expected) {
    assertThat(problems(request(model, images))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "viduq1, 16:9, valid",
    "viduq1, 4:3, valid",
    "viduq1, 21:9, 'aspect_ratio: viduq1 supports 16:9, 9:16, 1:1, 3:4, 4:3, got 21:9'",
    "viduq1, auto, 'aspect_ratio: viduq1 supports 16:9, 9:16, 1:1, 3:4, 4:3, got auto'",
    "viduq2, 21:9, valid",
    "viduq2, 3:2, valid",
    "viduq2, auto, valid",
    "viduq2, 5:4, 'aspect_ratio: viduq2 supports 16:9, 9:16, 1:1, 3:4, 4:3, 21:9, 2:3, 3:2, auto, got 5:4'",
  })
  void aspectRatioPerModel(String model, String ratio, String expected) {
    assertThat(problems(request(model, 1).aspectRatio(ratio))).isEqualTo(expected);
  }

  @Test
  void autoWithoutAnImageIsNotRefusedSinceVidu_documentsNoSuchError() {
    assertThat(problems(request("viduq2", 0).aspectRatio("auto"))).isEqualTo("valid");
  }

  @ParameterizedTest
  @CsvSource({
    "viduq1, 1080p, valid",
    "viduq1, 2K, 'resolution: viduq1 supports 1080p, got 2K'",
    "viduq2, 1080p, valid",
    "viduq2, 2K, valid",
    "viduq2, 4K, valid",
    "viduq2, 4k, 'resolution: viduq2 supports 1080p, 2K, 4K (case as written), got 4k'",
    "viduq2, 720p, 'resolution: viduq2 supports 1080p, 2K, 4K, got 720p'",
  })
  void resolutionPerModel(String model, String resolution, String expected) {
    assertThat(problems(request(model, 1).resolution(resolution))).isEqualTo(expected);
  }

  @Test
  void promptCountsCodePointsAsVidu() {
    String emoji = "\uD83E\uDD8A"; // one fox, two UTF-16 chars
    assertThat(problems(request("viduq2", 0).prompt(emoji.repeat(2000)))).isEqualTo("valid");
    assertThat(problems(request("viduq2", 0).prompt(emoji.repeat(2001))))
        .isEqualTo("prompt: at most 2000 characters, got 2001 characters");
    assertThat(problems(request("viduq2", 0).prompt("狐".repeat(2000)))).isEqualTo("valid");
    assertThat(problems(request("viduq2", 0).prompt("狐".repeat(2001))))
        .isEqualTo("prompt: at most 2000 characters, got 2001 characters");
    assertThat(problems(request("viduq2", 0).prompt("a".repeat(2000)))).isEqualTo("valid");
  }

  @Test
  void promptIsRequiredAndNotBlank() {
    assertThat(problems(new ReferenceToImageRequest().model("viduq2")))
        .isEqualTo("prompt: prompt is required");
    assertThat(problems(request("viduq2", 0).prompt(" \t")))
        .isEqualTo("prompt: must not be blank, got \" \t\"");
  }

  @ParameterizedTest
  @CsvSource({
    "no-break space, '\u00a0'",
    "narrow no-break space, '\u202f\u202f'",
    "figure space and ideographic space, '\u2007\u3000'",
    "em space between tabs, '\t\u2003\t'",
  })
  void promptsOfOnlyUnicodeSpacesAreBlank(String kind, String prompt) {
    assertThat(problems(request("viduq2", 0).prompt(prompt)))
        .startsWith("prompt: must not be blank");
    assertThat(problems(request("viduq2", 0).prompt(prompt + "fox"))).isEqualTo("valid");
  }

  @Test
  void payloadAndCallbackUrl() {
    assertThat(problems(request("viduq2", 0).payload("x".repeat(1_048_576)))).isEqualTo("valid");
    assertThat(problems(request("viduq2", 0).payload("x".repeat(1_048_577))))
        .isEqualTo("payload: at most 1048576 characters, got 1048577 characters");
    assertThat(problems(request("viduq2", 0).callbackUrl("https://example.com/cb?t=1")))
        .isEqualTo("valid");
    assertThat(problems(request("viduq2", 0).callbackUrl("example.com/cb")))
        .isEqualTo("callback_url: must be an absolute http(s) URL, got example.com/cb");
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    ViduValidationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ViduValidationException.class,
            () ->
                STRICT.validate(
                    new ReferenceToImageRequest()
                        .model("viduq1")
                        .prompt("")
                        .aspectRatio("auto")
                        .resolution("4K")));

    assertThat(e).isInstanceOf(ViduException.class);
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactly("prompt", "images", "aspect_ratio", "resolution");
    assertThat(e.getMessage())
        .isEqualTo(
            "invalid request (4 problems):"
                + "\n  prompt: must not be blank, got \"\""
                + "\n  images: viduq1 needs 1 to 7 images, got 0"
                + "\n  aspect_ratio: viduq1 supports 16:9, 9:16, 1:1, 3:4, 4:3, got auto"
                + "\n  resolution: viduq1 supports 1080p, got 4K");
  }

  @Test
  void everyViolationHasAStableCode() {
    ReferenceToImageRequest bad =
        new ReferenceToImageRequest()
            .model("viduq1")
            .prompt("x".repeat(2001))
            .images(List.of("ftp://example.com/a.png"))
            .aspectRatio("21:9")
            .resolution("4K")
            .callbackUrl("not a url");
    try {
      STRICT.validate(bad);
      throw new AssertionError("expected violations");
    } catch (ViduValidationException e) {
      assertThat(e.violations())
          .extracting(Violation::field, Violation::code)
          .containsExactly(
              tuple("prompt", Violation.Code.PROMPT_LENGTH),
              tuple("images[0]", Violation.Code.IMAGE_URL),
              tuple("aspect_ratio", Violation.Code.ASPECT_RATIO),
              tuple("resolution", Violation.Code.RESOLUTION),
              tuple("callback_url", Violation.Code.CALLBACK_URL));
      assertThat(e.violations())
          .allSatisfy(v -> assertThat(v.rule()).doesNotContain("()").doesNotContain("ImageInput"));
      assertThat(e.getMessage()).endsWith("\n(local image files: ImageInput.fromFile)");
    }
    assertThat(codes(request("viduq1", 0))).containsExactly(Violation.Code.IMAGE_COUNT);
    assertThat(codes(request("viduq9", 1))).containsExactly(Violation.Code.MODEL_UNKNOWN);
    assertThat(codes(new ReferenceToImageRequest().prompt(" ")))
        .containsExactly(Violation.Code.MODEL_REQUIRED, Violation.Code.PROMPT_BLANK);
    assertThat(codes(request("viduq1", 1).aspectRatio("21:9")))
        .containsExactly(Violation.Code.ASPECT_RATIO);
  }

  @Test
  void aViolationMovedToAnotherFieldKeepsItsCodeAndRule() {
    Violation v = new Violation(Violation.Code.IMAGE_FILE, "images", "a.png", "no such file");
    Violation moved = v.atField("images[2]");
    assertThat(moved.field()).isEqualTo("images[2]");
    assertThat(moved.code()).isEqualTo(Violation.Code.IMAGE_FILE);
    assertThat(moved.rule()).isEqualTo("no such file");
    assertThat(moved).hasToString("images[2]: no such file, got a.png");
  }

  private static List<Violation.Code> codes(ReferenceToImageRequest request) {
    try {
      STRICT.validate(request);
      return List.of();
    } catch (ViduValidationException e) {
      return e.violations().stream().map(Violation::code).toList();
    }
  }

  @Test
  void unknownModelsAreRefusedUnlessTheEscapeHatchIsUsed() {
    ReferenceToImageRequest next = request("viduq3", 9).aspectRatio("7:5").resolution("8K");
    assertThat(problems(next))
        .startsWith("model: unknown model; known: viduq1, viduq2, got viduq3");
    assertThat(problems(request("ViduQ2", 0)))
        .isEqualTo(
            "model: unknown model; did you mean viduq2?, got ViduQ2"
                + "\n(RequestValidator.allowingUnknownModels() sends other model names unchecked)");

    // A model the spec has no rules for is not held to another model's image count: Vidu decides.
    assertThatCode(() -> RequestValidator.allowingUnknownModels().validate(next))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                RequestValidator.allowingUnknownModels()
                    .validate(request("viduimage-2", 14).quality("high").moderation("disabled")))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                RequestValidator.allowingUnknownModels()
                    .validate(request("viduq3", 0).aspectRatio("7:5").resolution("8K")))
        .doesNotThrowAnyException();
    assertThat(problems(new ReferenceToImageRequest().prompt("x")))
        .isEqualTo("model: model is required (viduq1 or viduq2)");
  }

  @Test
  void imageStringsAreUrlsOrCheckedDataUris() {
    String good = TestImages.dataUri("image/png", TestImages.png(200, 200));
    assertThat(problems(request("viduq1", 0).images(List.of(good)))).isEqualTo("valid");

    String tooSmall = TestImages.dataUri("image/png", TestImages.png(100, 100));
    String lying = TestImages.dataUri("image/jpeg", TestImages.png(200, 200));
    String gif = TestImages.dataUri("image/gif", TestImages.imageIo("gif", 200, 200));
    String garbage = "data:image/png;base64,@@@@not-base64";
    List<String> images = List.of(tooSmall, lying, gif, garbage, "C:\\photos\\cat.png", "");

    ViduValidationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ViduValidationException.class,
            () -> STRICT.validate(request("viduq1", 0).images(images)));

    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactly(
            "images[0]", "images[1]", "images[2]", "images[3]", "images[4]", "images[5]");
    assertThat(e.violations().get(0).toString())
        .isEqualTo("images[0]: the image is 100x100, under Vidu's minimum of 128x128");
    assertThat(e.violations().get(1).toString())
        .isEqualTo("images[1]: the data URI says image/jpeg but holds image/png");
    assertThat(e.violations().get(2).toString())
        .isEqualTo("images[2]: Vidu accepts image/png, image/jpeg or image/webp, got image/gif");
    assertThat(e.violations().get(3).toString())
        .startsWith("images[3]: the data URI is not valid base64");
    assertThat(e.violations().get(4).toString())
        .isEqualTo(
            "images[4]: must be an absolute http(s) URL or a data:image/png|jpeg|webp;base64, URI, got C:\\photos\\cat.png");
    assertThat(e.getMessage()).doesNotContain(good.substring(0, 200));
  }

  @Test
  void theBodyLimitIsCountedBySerialisingIntoACounterAndSaysHowFarOver() {
    String big = "data:image/png;base64," + Base64Padding.pngLike(7_000_000);
    ReferenceToImageRequest request = request("viduq2", 0).images(List.of(big, big, big));
    long actual = ViduJson.write(request).getBytes(StandardCharsets.UTF_8).length;

    assertThat(BodySize.of(request)).isEqualTo(actual);
    assertThatThrownBy(() -> STRICT.validate(request))
        .hasMessageContaining(
            String.format(
                "request: the JSON body would be %,d bytes, %,d over Vidu's 20 MB limit",
                actual, actual - 20_000_000))
        .hasMessageContaining("pass large images as URLs");
    assertThat(problems(request("viduq2", 0).images(Collections.nCopies(2, big))))
        .isEqualTo("valid");
  }

  /** A valid PNG header followed by filler, as base64 of a given length. */
  static final class Base64Padding {
    static String pngLike(int base64Chars) {
      String head = java.util.Base64.getEncoder().encodeToString(TestImages.png(200, 200));
      String usable = head.substring(0, head.length() - head.length() % 4).replace("=", "A");
      StringBuilder s = new StringBuilder(base64Chars).append(usable);
      while (s.length() < base64Chars) {
        s.append('A');
      }
      return s.toString();
    }
  }
}
