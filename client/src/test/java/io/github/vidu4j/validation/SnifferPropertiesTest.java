package io.github.vidu4j.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever bytes arrive, the sniffer answers or refuses cleanly; never an unchecked crash. */
class SnifferPropertiesTest {
  static final List<byte[]> SEEDS =
      List.of(
          TestImages.png(200, 150),
          TestImages.jpeg(160, 200),
          TestImages.progressiveJpeg(300, 300),
          TestImages.webpVp8(500, 400),
          TestImages.webpVp8l(300, 200),
          TestImages.webpVp8x(1000, 900));

  @Property(tries = 500)
  void randomBytesGiveAResultOrAValidationError(@ForAll @Size(max = 200) byte[] bytes) {
    assertCleanOutcome(bytes);
  }

  @Property(tries = 1000)
  void mutatedImagesGiveAResultOrAValidationError(
      @ForAll @IntRange(min = 0, max = 5) int seed,
      @ForAll("mutations") List<int[]> mutations,
      @ForAll @IntRange(min = 0, max = 400) int cut) {
    byte[] bytes = SEEDS.get(seed).clone();
    for (int[] m : mutations) {
      bytes[m[0] % bytes.length] = (byte) m[1];
    }
    byte[] truncated = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, cut));
    assertCleanOutcome(bytes);
    assertCleanOutcome(truncated);
  }

  @Provide
  Arbitrary<List<int[]>> mutations() {
    Arbitrary<int[]> one =
        Arbitraries.integers()
            .between(0, 400)
            .flatMap(
                at -> Arbitraries.integers().between(0, 255).map(value -> new int[] {at, value}));
    return one.list().ofMaxSize(4);
  }

  @Property(tries = 300)
  void bodySizeMatchesWhatGsonWrites(
      @ForAll String prompt, @ForAll String payload, @ForAll List<@Size(max = 30) String> images) {
    ReferenceToImageRequest request =
        new ReferenceToImageRequest()
            .model("viduq2")
            .prompt(prompt)
            .payload(payload)
            .images(images)
            .seed(prompt.length());
    assertThat(BodySize.of(request))
        .isEqualTo(ViduJson.write(request).getBytes(StandardCharsets.UTF_8).length);
  }

  private static void assertCleanOutcome(byte[] bytes) {
    try {
      ImageInfo info = ImageInput.fromBytes(bytes, "fuzz").info().orElseThrow();
      assertThat(info.width()).isPositive();
      assertThat(info.height()).isPositive();
    } catch (ViduValidationException expected) {
      assertThat(expected.violations()).isNotEmpty();
    }
    String dataUri = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(bytes);
    try {
      RequestValidator.strict()
          .validate(
              new ReferenceToImageRequest().model("viduq1").prompt("p").images(List.of(dataUri)));
    } catch (ViduValidationException expected) {
      assertThat(expected.violations()).isNotEmpty();
    }
    try {
      ImageSniffer.sniff(new ByteArrayInputStream(bytes));
    } catch (ImageSniffer.NotAnImage expected) {
      assertThat(expected.getMessage()).isNotBlank();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
