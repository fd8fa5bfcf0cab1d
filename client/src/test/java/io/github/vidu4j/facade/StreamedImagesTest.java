package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.testing.Responses;
import io.github.vidu4j.validation.ImageInput;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code images().create(request, inputs)}: local files streamed into the body as it is sent, its
 * length computed from the file sizes before anything goes out.
 */
class StreamedImagesTest extends ClientHarness {
  @TempDir Path dir;

  private static final ReferenceToImageRequest FOX =
      new ReferenceToImageRequest().model("viduq2").prompt("a \"fox\"").seed(7);

  @Test
  void theStreamedBodyIsTheSameJsonAsTheRequestWithDataUrisAndItsLengthIsExact() throws Exception {
    ImageInput cat = ImageInput.fromFile(png("cat.png", 300_001));
    ImageInput dog = ImageInput.fromUrl("https://example.com/d\u00f6g.jpg");
    server.enqueue(Responses.created("t-1"));

    client.images().create(FOX, List.of(cat, dog));

    RecordedRequest sent = take();
    String expected =
        ViduJson.write(
            new ReferenceToImageRequest()
                .model("viduq2")
                .prompt("a \"fox\"")
                .seed(7)
                .images(List.of(cat.value(), dog.value())));
    assertThat(JsonParser.parseString(sent.getBody().utf8()))
        .isEqualTo(JsonParser.parseString(expected));
    assertThat(sent.getHeaders().get("Content-Length"))
        .isEqualTo(String.valueOf(sent.getBody().size()))
        .isEqualTo(String.valueOf(expected.getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void filesWhoseBase64PassesTheBodyLimitAreRefusedBeforeSending() throws Exception {
    // Each is under the per-image limit; together their base64 (2 x 10.7 MB) is over 20 MB.
    ImageInput a = ImageInput.fromFile(png("a.png", 8_000_000));
    ImageInput b = ImageInput.fromFile(png("b.png", 8_000_000));

    assertThatThrownBy(() -> client.images().create(FOX, List.of(a, b)))
        .isInstanceOfSatisfying(
            ViduValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::code)
                    .containsExactly(Violation.Code.BODY_SIZE));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theImageCountRuleCountsTheInputs() {
    ImageInput url = ImageInput.fromUrl("https://example.com/a.png");
    assertThatThrownBy(() -> client.images().create(FOX, java.util.Collections.nCopies(8, url)))
        .isInstanceOfSatisfying(
            ViduValidationException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).contains("images"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aFileThatGrewAfterItWasCheckedFailsTheSendInsteadOfSendingAnotherLength() throws Exception {
    Path file = png("grows.png", 100_000);
    ImageInput input = ImageInput.fromFile(file);
    Files.write(file, new byte[10], StandardOpenOption.APPEND);
    server.enqueue(Responses.created("t-1"));

    assertThatThrownBy(() -> client.images().create(FOX, List.of(input)))
        .isInstanceOf(ViduException.class);
    assertThatThrownBy(input::value).hasMessageContaining("changed since it was checked");
  }

  /** A real PNG header (512x512) padded after its end to {@code size} bytes. */
  private Path png(String name, int size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB), "png", out);
    Path file = dir.resolve(name);
    Files.write(file, Arrays.copyOf(out.toByteArray(), size));
    return file;
  }
}
