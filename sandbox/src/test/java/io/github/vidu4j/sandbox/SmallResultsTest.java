package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TaskCreations;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.time.Duration;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** {@link SandboxOptions#maxResultSide()}: results rendered small for load tests. */
class SmallResultsTest {
  @Test
  void aCappedSandboxRendersItsResultsNoLargerThanTheCapInTheTasksAspectRatio() throws Exception {
    SandboxOptions options = SandboxOptions.fast().toBuilder().maxResultSide(64).build();
    OkHttpClient http = new OkHttpClient();
    try (ViduSandbox sandbox = ViduSandbox.start(options);
        ViduClient client = sandbox.newClient()) {
      String id =
          client
              .images()
              .create(
                  new ReferenceToImageRequest()
                      .model("viduq2")
                      .prompt("a lighthouse at dawn")
                      .aspectRatio("16:9"))
              .getTaskId();
      TaskCreations done =
          client
              .tasks()
              .await(
                  id,
                  AwaitOptions.defaults()
                      .withIntervals(Duration.ofMillis(50), Duration.ofMillis(50))
                      .withTimeout(Duration.ofSeconds(30)));
      String url = done.getCreations().get(0).getUrl();
      BufferedImage image;
      try (Response response = http.newCall(new Request.Builder().url(url).build()).execute();
          InputStream body = response.body().byteStream()) {
        image = ImageIO.read(body);
      }

      // 1920×1080 at 1080p, scaled so its longer side is 64.
      assertThat(image.getWidth()).isEqualTo(64);
      assertThat(image.getHeight()).isEqualTo(36);
      assertThat(options.toString()).contains("maxResultSide=64");
    } finally {
      http.connectionPool().evictAll();
    }
  }

  @Test
  void theCapIsZeroByDefaultAndRefusesSizesNoPictureCouldHave() {
    assertThat(SandboxOptions.defaults().maxResultSide()).isZero();
    assertThat(SandboxOptions.defaults().toBuilder().maxResultSide(64).build().toBuilder().build())
        .extracting(SandboxOptions::maxResultSide)
        .isEqualTo(64);
    assertThatThrownBy(() -> SandboxOptions.builder().maxResultSide(8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxResultSide");
    assertThatThrownBy(() -> SandboxOptions.builder().maxResultSide(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
