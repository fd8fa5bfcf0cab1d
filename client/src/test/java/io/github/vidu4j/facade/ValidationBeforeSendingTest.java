package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.Images;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.testing.Responses;
import io.github.vidu4j.validation.RequestValidator;
import io.github.vidu4j.validation.ViduValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input never leaves the machine: the server sees zero requests. */
class ValidationBeforeSendingTest extends ClientHarness {
  static ReferenceToImageRequest base() {
    return new ReferenceToImageRequest().model("viduq2").prompt("a red fox");
  }

  static Stream<Arguments> invalidRequests() {
    return Stream.of(
        Arguments.of("no model", new ReferenceToImageRequest().prompt("x"), "model"),
        Arguments.of("unknown model", base().model("viduq9"), "model"),
        Arguments.of("no prompt", new ReferenceToImageRequest().model("viduq2"), "prompt"),
        Arguments.of("blank prompt", base().prompt("   "), "prompt"),
        Arguments.of("prompt too long", base().prompt("a".repeat(2001)), "prompt"),
        Arguments.of(
            "viduq1 without images",
            new ReferenceToImageRequest().model("viduq1").prompt("x"),
            "images"),
        Arguments.of(
            "eight images",
            base().images(Collections.nCopies(8, "https://example.com/a.png")),
            "images"),
        Arguments.of("non-http image", base().images(List.of("file:///etc/passwd")), "images[0]"),
        Arguments.of(
            "broken data URI", base().images(List.of("data:image/png;base64,AAAA")), "images[0]"),
        Arguments.of(
            "viduq1 at 4K",
            new ReferenceToImageRequest()
                .model("viduq1")
                .prompt("x")
                .images(List.of("https://example.com/a.png"))
                .resolution("4K"),
            "resolution"),
        Arguments.of("relative callback", base().callbackUrl("/callback"), "callback_url"),
        Arguments.of("payload too long", base().payload("x".repeat(1_048_577)), "payload"),
        Arguments.of(
            "body over 20 MB",
            base().images(Collections.nCopies(3, png(200, 200, 5_500_000))),
            "request"),
        Arguments.of(
            "viduq1 at 21:9",
            new ReferenceToImageRequest()
                .model("viduq1")
                .prompt("x")
                .images(List.of("https://example.com/a.png"))
                .aspectRatio("21:9"),
            "aspect_ratio"),
        Arguments.of("image too small", base().images(List.of(png(64, 64, 0))), "images[0]"),
        Arguments.of("image too elongated", base().images(List.of(png(1000, 200, 0))), "images[0]"),
        Arguments.of(
            "GIF data URI", base().images(List.of(dataUri("image/gif", GIF))), "images[0]"),
        Arguments.of(
            "GIF data URI typed png",
            base().images(List.of(dataUri("image/png", GIF))),
            "images[0]"),
        Arguments.of(
            "data URI typed jpeg holding a PNG",
            base().images(List.of(png(200, 200, 0).replace("data:image/png;", "data:image/jpeg;"))),
            "images[0]"));
  }

  static final byte[] GIF =
      "GIF89a\u00c8\u0000\u00c8\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);

  /**
   * A data URI of a PNG header (all the validator reads) for a {@code width}×{@code height} image,
   * then {@code filler} bytes.
   */
  static String png(int width, int height, int filler) {
    ByteBuffer png = ByteBuffer.allocate(33 + filler);
    png.put(
        new byte[] {
          (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
        });
    png.putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
    return dataUri("image/png", png.array());
  }

  static String dataUri(String type, byte[] bytes) {
    return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRequests")
  void isRejectedBeforeAnyByteIsSent(String kind, ReferenceToImageRequest request, String field) {
    server.enqueue(Responses.created("must-not-be-used"));

    assertThatThrownBy(() -> client.images().create(request))
        .isInstanceOfSatisfying(
            ViduValidationException.class,
            e ->
                assertThat(e.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo(field)));
    assertThatThrownBy(
            () ->
                client
                    .async()
                    .create(
                        Images.REFERENCE_TO_IMAGE,
                        request,
                        RequestOptions.defaults(),
                        ReferenceToImageTask.class))
        .isInstanceOf(ViduValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  /**
   * Sent as written: no aspect ratio or resolution the caller did not choose, which viduq3 might
   * refuse.
   */
  @Test
  void theEscapeHatchSendsAnUnknownModel() throws Exception {
    server.enqueue(Responses.created("t-1"));
    try (ViduClient lenient = client(b -> b.validator(RequestValidator.allowingUnknownModels()))) {
      assertThat(
              lenient
                  .images()
                  .create(new ReferenceToImageRequest().model("viduq3").prompt("a lighthouse"))
                  .getTaskId())
          .isEqualTo("t-1");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(take().getBody().utf8())
        .isEqualTo("{\"model\":\"viduq3\",\"prompt\":\"a lighthouse\"}");
  }
}
