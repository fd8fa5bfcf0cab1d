package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Raw HTTP, past the client's validation: the video operations' rules the sandbox reads from the
 * spec itself (schema types and ranges, the model's resolutions per duration, the start and end
 * frames' pixel ratio) refuse what Vidu refuses, with no task created.
 */
class VideoChecksTest {
  private static ViduSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = ViduSandbox.start(SandboxOptions.fast());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static JsonObject post(String operation, String json, int status) throws IOException {
    DirectHttp.Answer answer = DirectHttp.post(sandbox, operation, json);
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    return answer.body();
  }

  /** Refused 400 {@code FieldInvalid} with a message naming {@code field}; no task created. */
  private static void refused(String operation, String json, String field, String detail)
      throws IOException {
    int before = sandbox.taskCount();
    JsonObject answer = post(operation, json, 400);
    assertThat(answer.get("reason").getAsString()).isEqualTo("FieldInvalid");
    assertThat(answer.get("message").getAsString()).contains(field + ": ").contains(detail);
    assertThat(sandbox.taskCount()).isEqualTo(before);
  }

  private static String png(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
  }

  @Test
  void aModelsResolutionsFollowTheDuration() throws IOException {
    String first = "\"images\":[\"https://example.com/first.png\"]";
    refused(
        "img2video",
        "{\"model\":\"vidu2.0\"," + first + ",\"duration\":8,\"resolution\":\"360p\"}",
        "resolution",
        "720p");
    JsonObject created =
        post("img2video", "{\"model\":\"vidu2.0\"," + first + ",\"duration\":8}", 200);
    assertThat(created.get("resolution").getAsString()).isEqualTo("720p");
  }

  @Test
  void theSchemasTypesRangesAndFormatsAreChecked() throws IOException {
    refused(
        "text2video",
        "{\"model\":\"viduq2\",\"prompt\":\"p\",\"duration\":\"5\"}",
        "duration",
        "integer");
    refused(
        "text2video",
        "{\"model\":\"viduq2\",\"prompt\":\"p\",\"wm_position\":5}",
        "wm_position",
        "1 to 4");
    refused(
        "text2video", "{\"model\":\"viduq2\",\"prompt\":\"p\",\"bgm\":\"yes\"}", "bgm", "boolean");
    refused(
        "text2video",
        "{\"model\":\"viduq2\",\"prompt\":\"p\",\"callback_url\":\"ftp://example.com/cb\"}",
        "callback_url",
        "http");
    refused(
        "reference2video",
        "{\"model\":\"viduq2\",\"images\":[\"https://example.com/a.png\"],\"prompt\":\""
            + "a".repeat(2001)
            + "\"}",
        "prompt",
        "2000");
    refused("text2video", "{\"model\":\"viduq9\",\"prompt\":\"p\"}", "model", "viduq9");
  }

  @Test
  void startAndEndFramesMustBeCloseInPixelCount() throws IOException {
    refused(
        "start-end2video",
        "{\"model\":\"viduq2-pro\",\"images\":[\"" + png(32, 32) + "\",\"" + png(64, 64) + "\"]}",
        "images",
        "0.8");
    post(
        "start-end2video",
        "{\"model\":\"viduq2-pro\",\"images\":[\"" + png(60, 60) + "\",\"" + png(64, 64) + "\"]}",
        200);
  }
}
