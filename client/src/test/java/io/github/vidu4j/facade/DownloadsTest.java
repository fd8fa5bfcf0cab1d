package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.testing.Responses;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadsTest extends ClientHarness {
  static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };

  @TempDir Path dir;

  static MockResponse image(String type, byte[] bytes) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", type)
        .body(new Buffer().write(bytes))
        .build();
  }

  TaskCreations finished() {
    server.enqueue(
        Responses.succeeded(
            "t-1", server.url("/files/a?sig=1").toString(), server.url("/files/b").toString()));
    return client.tasks().get("t-1");
  }

  @Test
  void anExpiredUrlSaysHowToGetAFreshOne() {
    server.enqueue(
        new MockResponse.Builder()
            .code(403)
            .setHeader("Content-Type", "application/xml")
            .body("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")
            .build());

    assertThatThrownBy(
            () ->
                client.downloads().toFile(server.url("/files/a").toString(), dir.resolve("a.png")))
        .isInstanceOfSatisfying(
            ViduApiException.class, e -> assertThat(e.statusCode()).isEqualTo(403))
        .hasMessageContaining("Result URLs expire");
    assertThat(dir.resolve("a.png")).doesNotExist();
  }

  @Test
  void streamsToAnOutputStreamAndRetriesServerErrorsBeforeTheFirstByte() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(image("image/png", PNG));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long copied = client.downloads().toStream(server.url("/files/a").toString(), out);

    assertThat(copied).isEqualTo(PNG.length);
    assertThat(out.toByteArray()).isEqualTo(PNG);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void eventsKeepPresignedSignaturesOut() {
    RecordingListener listener = new RecordingListener();
    server.enqueue(image("image/png", PNG));
    server.enqueue(image("image/png", PNG));
    String url =
        server.url("/files/a.png?X-Amz-Expires=3600&X-Amz-Signature=0f1e2d3c4b5a&flag").toString();
    Path file = dir.resolve("signed.png");
    try (ViduClient observed = client(b -> b.eventListener(listener))) {
      observed.downloads().toStream(url, new ByteArrayOutputStream());
      observed.downloads().toFile(url, file);
    }

    assertThat(listener.all()).doesNotContain("0f1e2d3c4b5a").doesNotContain("3600");
    String safe = server.url("/files/a.png") + "?X-Amz-Expires=\u2026&X-Amz-Signature=\u2026&flag";
    assertThat(listener.events)
        .containsExactly(
            "downloadFinished " + safe + " - " + PNG.length,
            "downloadFinished " + safe + " " + file + " " + PNG.length);
  }

  @Test
  void theDownloadTimeoutEndsADownloadWhoseBodyIsTooSlow() {
    server.enqueue(
        new MockResponse.Builder(image("image/png", PNG)).bodyDelay(5, TimeUnit.SECONDS).build());
    Path file = dir.resolve("slow.png");
    long start = System.nanoTime();
    // readTimeout stays at its 60 s default: only the download timeout can end this in time.
    try (ViduClient impatient =
        client(b -> b.downloadTimeout(Duration.ofMillis(300)).maxRetries(0))) {
      assertThatThrownBy(
              () -> impatient.downloads().toFile(server.url("/files/slow.png").toString(), file))
          .isInstanceOf(ViduTransportException.class)
          .hasMessageContaining("timed out");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(file).doesNotExist();
  }
}
