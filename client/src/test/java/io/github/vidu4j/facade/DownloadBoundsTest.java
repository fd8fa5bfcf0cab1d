package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.IncompleteDownloadException;
import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.PrivateAddressException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.testing.RawHttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
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

  /** A noise image (so it does not compress) in {@code format}, as ImageIO writes it. */
  static byte[] image(String format) throws Exception {
    BufferedImage noise = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int y = 0; y < noise.getHeight(); y++) {
      for (int x = 0; x < noise.getWidth(); x++) {
        noise.setRGB(x, y, random.nextInt());
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(noise, format, bytes);
    return bytes.toByteArray();
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
    out.put(png, 0, iend).putInt(padding).put("zzZz".getBytes(StandardCharsets.US_ASCII));
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
    void aLimitBelow1KiBIsRefused() {
      assertThatThrownBy(() -> ViduClient.builder().maxDownloadBytes(1023))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("maxDownloadBytes");
    }

    /** The probe's {@code Content-Length: 10^13}: streamed for 300 MB, then retried. */
    @Test
    void aDeclaredLengthBeyondTheLimitIsRefusedBeforeReadingAndNotRetried() throws Exception {
      files.respondWith(
          RawHttpServer.head("200 OK", "Content-Type: image/png", "Content-Length: 10000000000000"),
          image("png"));

      assertThatThrownBy(
              () -> client.downloads().toFile(files.url("/huge.png"), dir.resolve("huge.png")))
          .isInstanceOfSatisfying(
              ViduResponseException.class, e -> assertThat(e.limitBytes()).isPresent())
          .hasMessageContaining("Content-Length of 10000000000000 bytes")
          .hasMessageContaining("download limit of 67108864 bytes (maxDownloadBytes)")
          .satisfies(
              e ->
                  assertThat(((ViduResponseException) e).limitBytes()).hasValue(64L * 1024 * 1024));
      assertThat(files.requestCount()).as("not retried").isEqualTo(1);
      assertThat(everythingIn(dir)).isEmpty();
    }

    /** The probe's gzip bomb: 261 KB on the wire became a 268 MB "successful" file. */
    @Test
    void aGzipBodyIsCountedAfterDecodingAndStoppedAtTheLimit() throws Exception {
      byte[] inflated = paddedPng(image("png"), 4 * 1024 * 1024);
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
        assertThatThrownBy(
                () -> limited.downloads().toFile(files.url("/bomb.png"), dir.resolve("bomb.png")))
            .isInstanceOfSatisfying(
                ViduResponseException.class, e -> assertThat(e.limitBytes()).isPresent())
            .hasMessageContaining("beyond the download limit of 1048576 bytes")
            .hasMessageContaining("counted after decoding");
        assertThat(files.requestCount()).as("not retried").isEqualTo(1);
        assertThat(everythingIn(dir)).as("no file, no part file").isEmpty();
      }
    }

    @Test
    void aFileWithinTheLimitIsSavedWhole() throws Exception {
      byte[] inflated = paddedPng(image("png"), 512 * 1024);
      byte[] onTheWire = gzip(inflated);
      files.respondWith(
          RawHttpServer.head(
              "200 OK",
              "Content-Type: image/png",
              "Content-Encoding: gzip",
              "Content-Length: " + onTheWire.length),
          onTheWire);
      try (ViduClient limited = client(b -> b.maxDownloadBytes(1024 * 1024))) {
        Path saved = limited.downloads().toFile(files.url("/fine.png"), dir.resolve("fine.png"));

        assertThat(Files.readAllBytes(saved)).isEqualTo(inflated);
      }
    }
  }

  @Nested
  class RealEnd {
    /** A JPEG whose APP1 segment holds a whole thumbnail JPEG, as EXIF thumbnails are. */
    byte[] jpegWithThumbnail(byte[] thumbnail) throws Exception {
      byte[] main = image("jpeg");
      byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
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
      byte[] thumbnail = image("jpeg");
      byte[] whole = jpegWithThumbnail(thumbnail);
      byte[] cut = Arrays.copyOf(whole, 4 + 2 + 6 + thumbnail.length);
      assertThat(Arrays.copyOfRange(cut, cut.length - 2, cut.length))
          .as("the cut body ends in FFD9, the thumbnail's end")
          .containsExactly(0xff, 0xd9);
      files.enqueue(RawHttpServer.closeDelimited("image/jpeg", cut));

      assertThatThrownBy(
              () -> client.downloads().toFile(files.url("/cut.jpg"), dir.resolve("cut.jpg")))
          .isInstanceOf(IncompleteDownloadException.class)
          .hasMessageContaining("before the JPEG image's end");
      assertThat(everythingIn(dir)).isEmpty();
    }

    @Test
    void aWholeJpegWithAThumbnailIsSaved() throws Exception {
      byte[] whole = jpegWithThumbnail(image("jpeg"));
      files.enqueue(RawHttpServer.closeDelimited("image/jpeg", whole));

      Path saved = client.downloads().toFile(files.url("/whole.jpg"), dir.resolve("whole.jpg"));

      assertThat(Files.readAllBytes(saved)).isEqualTo(whole);
    }

    @Test
    void aPngCutRightAfterAnIendInsideATextChunkIsNotSaved() throws Exception {
      byte[] png = image("png");
      byte[] iend = Arrays.copyOfRange(png, png.length - 12, png.length);
      byte[] text = new byte[4 + iend.length];
      System.arraycopy("a\0b\0".getBytes(StandardCharsets.ISO_8859_1), 0, text, 0, 4);
      System.arraycopy(iend, 0, text, 4, iend.length);
      int insertAt = 33; // after the signature and IHDR
      ByteBuffer out = ByteBuffer.allocate(png.length + 12 + text.length);
      out.put(png, 0, insertAt).putInt(text.length);
      out.put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(text).putInt(0);
      out.put(png, insertAt, png.length - insertAt);
      byte[] whole = out.array();
      byte[] cut = Arrays.copyOf(whole, insertAt + 8 + text.length);
      files.enqueue(RawHttpServer.closeDelimited("image/png", cut));
      files.enqueue(RawHttpServer.closeDelimited("image/png", whole));

      assertThatThrownBy(
              () -> client.downloads().toFile(files.url("/cut.png"), dir.resolve("cut.png")))
          .isInstanceOf(IncompleteDownloadException.class);
      Path saved = client.downloads().toFile(files.url("/whole.png"), dir.resolve("whole.png"));
      assertThat(Files.readAllBytes(saved)).isEqualTo(whole);
    }
  }

  @Nested
  class InternalAddresses {
    /**
     * A client whose API is at a public-looking name ({@code api.vidu.test}); this test's DNS maps
     * every name to loopback, as a real API host would map to a public address.
     */
    ViduClient publicApi(boolean allowPrivate) {
      OkHttpClient http =
          new OkHttpClient.Builder().dns(host -> List.of(InetAddress.getLoopbackAddress())).build();
      return client(
          b ->
              b.baseUrl("http://api.vidu.test/")
                  .httpClient(http)
                  .allowPrivateDownloadAddresses(allowPrivate));
    }

    @Test
    void aResultUrlAtALoopbackAddressIsRefusedWhenTheApiIsNotThere() throws Exception {
      files.enqueue(RawHttpServer.closeDelimited("image/png", image("png")));
      try (ViduClient api = publicApi(false)) {
        assertThatThrownBy(
                () -> api.downloads().toFile(files.url("/secret.png"), dir.resolve("s.png")))
            .isInstanceOf(PrivateAddressException.class)
            .hasMessageContaining("host 127.0.0.1 is at 127.0.0.1")
            .hasMessageContaining("allowPrivateDownloadAddresses")
            .satisfies(
                e -> assertThat(((PrivateAddressException) e).address()).isEqualTo("127.0.0.1"));
        assertThat(files.requestCount()).as("no request was written to it").isZero();
        assertThat(everythingIn(dir)).isEmpty();
      }
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedByTheAddressReached() throws Exception {
      files.enqueue(RawHttpServer.closeDelimited("image/png", image("png")));
      try (ViduClient api = publicApi(false)) {
        String rebound = files.url("/secret.png").replace("127.0.0.1", "cdn.vidu.test");

        assertThatThrownBy(() -> api.downloads().toFile(rebound, dir.resolve("s.png")))
            .isInstanceOf(PrivateAddressException.class)
            .hasMessageContaining("host cdn.vidu.test is at 127.0.0.1");
        assertThat(files.requestCount()).isZero();
      }
    }

    @Test
    void theOptionAllowsThem() throws Exception {
      byte[] png = image("png");
      files.enqueue(RawHttpServer.closeDelimited("image/png", png));
      try (ViduClient api = publicApi(true)) {
        Path saved = api.downloads().toFile(files.url("/inside.png"), dir.resolve("in.png"));

        assertThat(Files.readAllBytes(saved)).isEqualTo(png);
      }
    }

    @Test
    void anApiAtALoopbackAddressAllowsThem() throws Exception {
      byte[] png = image("png");
      files.enqueue(RawHttpServer.closeDelimited("image/png", png));

      assertThat(client.baseUrl()).containsAnyOf("127.0.0.1", "localhost", "[::1]");
      Path saved = client.downloads().toFile(files.url("/sandbox.png"), dir.resolve("sb.png"));

      assertThat(Files.readAllBytes(saved)).isEqualTo(png);
    }
  }
}
