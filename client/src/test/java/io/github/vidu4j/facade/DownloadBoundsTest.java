package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.CreationDownload;
import io.github.vidu4j.IncompleteDownloadException;
import io.github.vidu4j.InvalidSettingException;
import io.github.vidu4j.PrivateAddressException;
import io.github.vidu4j.ResponseTooLargeException;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.TaskCreations;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounds on what a result URL can make a download do: its size, its end, where it connects. */
class DownloadBoundsTest extends ClientHarness {
  @TempDir Path dir;
  RawHttpServer files;

  @BeforeEach
  void startFileServer() throws Exception {
    files = new RawHttpServer();
  }

  @AfterEach
  void stopFileServer() throws Exception {
    files.close();
  }

  TaskCreations task(ViduClient using, MockWebServer api, String... urls) {
    api.enqueue(Responses.succeeded("t-1", urls));
    return using.tasks().get("t-1");
  }

  TaskCreations task(String... urls) {
    return task(client, server, urls);
  }

  List<Path> everythingIn(Path directory) throws Exception {
    try (var all = Files.list(directory)) {
      return all.toList();
    }
  }

  /** {@code png} with a private chunk of {@code padding} zero bytes before its IEND. */
  static byte[] paddedPng(byte[] png, int padding) {
    int iend = png.length - 12;
    ByteBuffer out = ByteBuffer.allocate(png.length + 12 + padding);
    out.put(png, 0, iend)
        .putInt(padding)
        .put("zzZz".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    out.put(new byte[padding]).putInt(0).put(png, iend, 12);
    return out.array();
  }

  static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }

  @Nested
  class SizeLimit {
    @Test
    void theDefaultIs64MiBAndALimitBelow1KiBIsRefused() {
      assertThat(ViduClient.defaultMaxDownloadBytes()).isEqualTo(64L * 1024 * 1024);
      assertThatThrownBy(() -> ViduClient.builder().maxDownloadBytes(1023))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("maxDownloadBytes");
    }

    /** The probe's {@code Content-Length: 10^13}: streamed for 300 MB, then retried. */
    @Test
    void aDeclaredLengthBeyondTheLimitIsRefusedBeforeReadingAndNotRetried() throws Exception {
      files.respondWith(
          RawHttpServer.head("200 OK", "Content-Type: image/png", "Content-Length: 10000000000000"),
          DownloadSafetyTest.image("png"));
      TaskCreations task = task(files.url("/huge.png"));

      List<CreationDownload> results = client.downloads().saveEach(task, dir, r -> {});

      assertThat(results.get(0).error())
          .isInstanceOf(ResponseTooLargeException.class)
          .hasMessageContaining("Content-Length of 10000000000000 bytes")
          .hasMessageContaining("download limit of 67108864 bytes (maxDownloadBytes)");
      assertThat(((ResponseTooLargeException) results.get(0).error()).limitBytes())
          .isEqualTo(64L * 1024 * 1024);
      assertThat(files.requestCount()).as("not retried").isEqualTo(1);
      assertThat(everythingIn(dir)).isEmpty();
    }

    /** The probe's gzip bomb: 261 KB on the wire became a 268 MB "successful" file. */
    @Test
    void aGzipBodyIsCountedAfterDecodingAndStoppedAtTheLimit() throws Exception {
      byte[] inflated = paddedPng(DownloadSafetyTest.image("png"), 4 * 1024 * 1024);
      byte[] onTheWire = gzip(inflated);
      assertThat(onTheWire.length).isLessThan(1024 * 1024);
      files.respondWith(
          RawHttpServer.head(
              "200 OK",
              "Content-Type: image/png",
              "Content-Encoding: gzip",
              "Content-Length: " + onTheWire.length),
          onTheWire);
      try (ViduClient limited = client(b -> b.maxDownloadBytes(1024 * 1024))) {
        TaskCreations task = task(limited, server, files.url("/bomb.png"));

        List<CreationDownload> results = limited.downloads().saveEach(task, dir, r -> {});

        assertThat(results.get(0).error())
            .isInstanceOf(ResponseTooLargeException.class)
            .hasMessageContaining("beyond the download limit of 1048576 bytes")
            .hasMessageContaining("counted after decoding");
        assertThat(files.requestCount()).as("not retried").isEqualTo(1);
        assertThat(everythingIn(dir)).as("no file, no part file").isEmpty();
      }
    }

    @Test
    void aFileWithinTheLimitIsSavedWhole() throws Exception {
      byte[] inflated = paddedPng(DownloadSafetyTest.image("png"), 512 * 1024);
      byte[] onTheWire = gzip(inflated);
      files.respondWith(
          RawHttpServer.head(
              "200 OK",
              "Content-Type: image/png",
              "Content-Encoding: gzip",
              "Content-Length: " + onTheWire.length),
          onTheWire);
      try (ViduClient limited = client(b -> b.maxDownloadBytes(1024 * 1024))) {
        TaskCreations task = task(limited, server, files.url("/fine.png"));

        List<Path> saved = limited.downloads().toDirectory(task, dir);

        assertThat(Files.readAllBytes(saved.get(0))).isEqualTo(inflated);
      }
    }
  }

  @Nested
  class RealEnd {
    /** A JPEG whose APP1 segment holds a whole thumbnail JPEG, as EXIF thumbnails are. */
    byte[] jpegWithThumbnail() throws Exception {
      byte[] thumbnail = DownloadSafetyTest.image("jpeg");
      byte[] main = DownloadSafetyTest.image("jpeg");
      byte[] exif = "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      int segment = 2 + exif.length + thumbnail.length;
      assertThat(segment).isLessThan(65_536);
      ByteBuffer out = ByteBuffer.allocate(2 + 2 + segment + main.length - 2);
      out.put((byte) 0xff).put((byte) 0xd8).put((byte) 0xff).put((byte) 0xe1);
      out.putShort((short) segment).put(exif).put(thumbnail);
      out.put(main, 2, main.length - 2);
      return out.array();
    }

    @Test
    void aJpegCutRightAfterItsThumbnailsEndMarkerIsNotSaved() throws Exception {
      byte[] whole = jpegWithThumbnail();
      byte[] thumbnail = DownloadSafetyTest.image("jpeg");
      byte[] cut = Arrays.copyOf(whole, 4 + 2 + 6 + thumbnail.length);
      assertThat(Arrays.copyOfRange(cut, cut.length - 2, cut.length))
          .as("the cut body ends in FFD9, the thumbnail's end")
          .containsExactly(0xff, 0xd9);
      files.enqueue(RawHttpServer.closeDelimited("image/jpeg", cut));
      TaskCreations task = task(files.url("/cut.jpg"));

      List<CreationDownload> results = client.downloads().saveEach(task, dir, r -> {});

      assertThat(results.get(0).error())
          .isInstanceOf(IncompleteDownloadException.class)
          .hasMessageContaining("before the JPEG image's end");
      assertThat(everythingIn(dir)).isEmpty();
    }

    @Test
    void aWholeJpegWithAThumbnailIsSaved() throws Exception {
      byte[] whole = jpegWithThumbnail();
      files.enqueue(RawHttpServer.closeDelimited("image/jpeg", whole));
      TaskCreations task = task(files.url("/whole.jpg"));

      List<Path> saved = client.downloads().toDirectory(task, dir);

      assertThat(Files.readAllBytes(saved.get(0))).isEqualTo(whole);
    }

    @Test
    void aPngCutRightAfterAnIendInsideATextChunkIsNotSaved() throws Exception {
      byte[] png = DownloadSafetyTest.image("png");
      byte[] iend = Arrays.copyOfRange(png, png.length - 12, png.length);
      byte[] text = new byte[4 + iend.length];
      System.arraycopy(
          "a\0b\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, text, 0, 4);
      System.arraycopy(iend, 0, text, 4, iend.length);
      int insertAt = 33; // after the signature and IHDR
      ByteBuffer out = ByteBuffer.allocate(png.length + 12 + text.length);
      out.put(png, 0, insertAt).putInt(text.length);
      out.put("tEXt".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(text).putInt(0);
      out.put(png, insertAt, png.length - insertAt);
      byte[] whole = out.array();
      byte[] cut = Arrays.copyOf(whole, insertAt + 8 + text.length);
      files.enqueue(RawHttpServer.closeDelimited("image/png", cut));
      files.enqueue(RawHttpServer.closeDelimited("image/png", whole));
      TaskCreations task = task(files.url("/cut.png"), files.url("/whole.png"));

      List<CreationDownload> results = client.downloads().saveEach(task, dir, r -> {});

      assertThat(results.get(0).error()).isInstanceOf(IncompleteDownloadException.class);
      assertThat(results.get(1).error()).isNull();
      assertThat(Files.readAllBytes(results.get(1).file().orElseThrow())).isEqualTo(whole);
    }
  }

  @Nested
  class InternalAddresses {
    /**
     * An API at a public-looking name ({@code api.vidu.test}) that this test's DNS maps to
     * loopback, as a real API host would be mapped to a public address.
     */
    ViduClient publicApi(boolean allowPrivate) {
      OkHttpClient http =
          new OkHttpClient.Builder().dns(host -> List.of(InetAddress.getLoopbackAddress())).build();
      return client(
          b ->
              b.baseUrl("http://api.vidu.test:" + server.getPort() + "/")
                  .httpClient(http)
                  .allowPrivateDownloadAddresses(allowPrivate));
    }

    @Test
    void aResultUrlAtALoopbackAddressIsRefusedWhenTheApiIsNotThere() throws Exception {
      files.enqueue(RawHttpServer.closeDelimited("image/png", DownloadSafetyTest.image("png")));
      try (ViduClient api = publicApi(false)) {
        TaskCreations task = task(api, server, files.url("/secret.png"));

        List<CreationDownload> results = api.downloads().saveEach(task, dir, r -> {});

        assertThat(results.get(0).error())
            .isInstanceOf(PrivateAddressException.class)
            .hasMessageContaining("host 127.0.0.1 is at 127.0.0.1")
            .hasMessageContaining("allowPrivateDownloadAddresses");
        assertThat(((PrivateAddressException) results.get(0).error()).address())
            .isEqualTo("127.0.0.1");
        assertThat(files.requestCount()).as("no request was written to it").isZero();
        assertThat(everythingIn(dir)).isEmpty();
      }
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedByTheAddressReached() throws Exception {
      files.enqueue(RawHttpServer.closeDelimited("image/png", DownloadSafetyTest.image("png")));
      try (ViduClient api = publicApi(false)) {
        String rebound = files.url("/secret.png").replace("127.0.0.1", "cdn.vidu.test");
        TaskCreations task = task(api, server, rebound);

        List<CreationDownload> results = api.downloads().saveEach(task, dir, r -> {});

        assertThat(results.get(0).error())
            .isInstanceOf(PrivateAddressException.class)
            .hasMessageContaining("host cdn.vidu.test is at 127.0.0.1");
        assertThat(files.requestCount()).isZero();
      }
    }

    @Test
    void theOptionAllowsThem() throws Exception {
      byte[] png = DownloadSafetyTest.image("png");
      files.enqueue(RawHttpServer.closeDelimited("image/png", png));
      try (ViduClient api = publicApi(true)) {
        TaskCreations task = task(api, server, files.url("/inside.png"));

        List<Path> saved = api.downloads().toDirectory(task, dir);

        assertThat(Files.readAllBytes(saved.get(0))).isEqualTo(png);
      }
    }

    @Test
    void anApiAtALoopbackAddressAllowsThem() throws Exception {
      byte[] png = DownloadSafetyTest.image("png");
      files.enqueue(RawHttpServer.closeDelimited("image/png", png));
      TaskCreations task = task(files.url("/sandbox.png"));

      assertThat(client.baseUrl()).containsAnyOf("127.0.0.1", "localhost", "[::1]");
      List<Path> saved = client.downloads().toDirectory(task, dir);

      assertThat(Files.readAllBytes(saved.get(0))).isEqualTo(png);
    }
  }
}
