package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.CreationDownload;
import io.github.vidu4j.ViduApiException;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.ViduException;
import io.github.vidu4j.ViduTransportException;
import io.github.vidu4j.model.TaskCreations;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
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
  void writesEveryCreationNamedByTaskAndIndexWithTheExtensionFromTheContentType() throws Exception {
    TaskCreations task = finished();
    server.enqueue(image("image/png", PNG));
    server.enqueue(image("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}));

    List<Path> files = client.downloads().toDirectory(task, dir.resolve("out"));

    assertThat(files).containsExactly(dir.resolve("out/t-1-1.png"), dir.resolve("out/t-1-2.jpg"));
    assertThat(Files.readAllBytes(files.get(0))).isEqualTo(PNG);
    take();
    RecordedRequest download = take();
    assertThat(download.getUrl().encodedPath()).isEqualTo("/files/a");
    assertThat(download.getHeaders().get("Authorization"))
        .as("the key never goes to result hosts")
        .isNull();
  }

  @Test
  void toDirectoryAsyncWritesTheSameFilesOnAVidu4jThread() throws Exception {
    TaskCreations task = finished();
    server.enqueue(image("image/png", PNG));
    server.enqueue(image("image/png", PNG));

    List<Path> files =
        client.downloads().toDirectoryAsync(task, dir.resolve("async")).get(5, TimeUnit.SECONDS);

    assertThat(files)
        .containsExactly(dir.resolve("async/t-1-1.png"), dir.resolve("async/t-1-2.png"));
    assertThat(Files.readAllBytes(files.get(1))).isEqualTo(PNG);
  }

  @Test
  void neverOverwritesAnExistingFileAndSavesUnderTheNextFreeName() throws Exception {
    TaskCreations task = finished();
    Files.write(dir.resolve("t-1-1.png"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("t-1-1-2.png"), new byte[] {4, 5, 6});
    server.enqueue(image("image/png", PNG));
    server.enqueue(image("image/png", PNG));
    List<CreationDownload> announced = new ArrayList<>();

    List<CreationDownload> results = client.downloads().saveEach(task, dir, announced::add);

    assertThat(results)
        .extracting(CreationDownload::savedAs)
        .containsExactly(dir.resolve("t-1-1-3.png"), dir.resolve("t-1-2.png"));
    assertThat(results)
        .extracting(CreationDownload::preferredName)
        .containsExactly("t-1-1.png", "t-1-2.png");
    assertThat(results).extracting(CreationDownload::renamed).containsExactly(true, false);
    assertThat(results).extracting(CreationDownload::index).containsExactly(1, 2);
    assertThat(results.get(0).toString())
        .as("the signed query stays out of toString")
        .contains("sig=\u2026")
        .doesNotContain("sig=1");
    assertThat(announced).isEqualTo(results);
    assertThat(Files.readAllBytes(dir.resolve("t-1-1.png"))).containsExactly(1, 2, 3);
    assertThat(Files.readAllBytes(dir.resolve("t-1-1-2.png"))).containsExactly(4, 5, 6);
    assertThat(Files.readAllBytes(dir.resolve("t-1-1-3.png"))).isEqualTo(PNG);
    try (var left = Files.list(dir)) {
      assertThat(left).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
    }
  }

  /** One creation failing does not cost the others: they are saved, then the failure is thrown. */
  @Test
  void aFailedCreationDoesNotLoseTheOthers() throws Exception {
    TaskCreations task = finished();
    server.enqueue(new MockResponse.Builder().code(404).build());
    server.enqueue(image("image/png", PNG));

    assertThatThrownBy(() -> client.downloads().toDirectory(task, dir))
        .isInstanceOf(ViduException.class)
        .hasMessageContaining("creation 1 of task t-1 not saved");
    assertThat(Files.readAllBytes(dir.resolve("t-1-2.png"))).isEqualTo(PNG);
    assertThat(dir.resolve("t-1-1.png")).doesNotExist();
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
  void aTaskWithoutCreationsIsRefused() {
    server.enqueue(Responses.task("t-1", "processing"));
    TaskCreations task = client.tasks().get("t-1");
    assertThatThrownBy(() -> client.downloads().toDirectory(task, dir))
        .hasMessageContaining("has no creations");
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
        .containsSubsequence(
            "requestStarted GET " + safe,
            "responseReceived GET " + safe + " 200 -",
            "downloadFinished " + safe + " - " + PNG.length,
            "requestStarted GET " + safe,
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
