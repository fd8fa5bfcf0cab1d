package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.Videos;
import io.github.vidu4j.testing.Responses;
import io.github.vidu4j.validation.ImageInput;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed create is the operation-generic one: a video operation streams a local file too,
 * validated by its own rules (here img2video's image count) before anything is sent.
 */
class StreamedVideoImagesTest extends ClientHarness {
  @TempDir Path dir;

  private static JsonObject body() {
    JsonObject body = new JsonObject();
    body.addProperty("model", "viduq2-pro");
    body.addProperty("prompt", "the fox turns its head");
    return body;
  }

  @Test
  void aVideoOperationStreamsALocalFileWithAnExactLength() throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB), "png", png);
    Path file = Files.write(dir.resolve("first-frame.png"), png.toByteArray());
    ImageInput frame = ImageInput.fromFile(file);
    server.enqueue(Responses.created("v-1"));

    JsonObject task =
        client
            .generations()
            .create(Videos.IMAGE_TO_VIDEO, body(), List.of(frame), RequestOptions.defaults());

    assertThat(task.get("task_id").getAsString()).isEqualTo("v-1");
    RecordedRequest sent = take();
    assertThat(sent.getTarget()).isEqualTo("/ent/v2/img2video");
    JsonObject expected = body();
    expected.add("images", JsonParser.parseString("[\"" + frame.value() + "\"]"));
    assertThat(JsonParser.parseString(sent.getBody().utf8())).isEqualTo(expected);
    assertThat(sent.getHeaders().get("Content-Length"))
        .isEqualTo(String.valueOf(sent.getBody().size()))
        .isEqualTo(String.valueOf(expected.toString().getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void theOperationsRulesApplyToStreamedInputsBeforeSending() {
    ImageInput a = ImageInput.fromUrl("https://example.com/a.png");
    ImageInput b = ImageInput.fromUrl("https://example.com/b.png");

    assertThatThrownBy(
            () ->
                client
                    .generations()
                    .create(
                        Videos.IMAGE_TO_VIDEO, body(), List.of(a, b), RequestOptions.defaults()))
        .isInstanceOfSatisfying(
            ViduValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::code)
                    .contains(Violation.Code.IMAGE_COUNT));
    assertThat(server.getRequestCount()).isZero();
  }
}
