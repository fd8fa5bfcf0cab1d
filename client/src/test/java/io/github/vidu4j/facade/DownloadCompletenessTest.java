package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.vidu4j.core.IncompleteDownloadException;
import io.github.vidu4j.core.ViduLocalIOException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.testing.RawHttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code toFile} and {@code toStream} on bodies that are not whole and on local disks that refuse
 * the bytes (the directory policy's own cases are {@code vidu4j-batch}'s).
 */
class DownloadCompletenessTest extends ClientHarness {
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

  /** A RIFF/WebP container of the given payload length; only its header and length matter here. */
  static byte[] webp(int payload) {
    ByteBuffer riff = ByteBuffer.allocate(20 + payload).order(ByteOrder.LITTLE_ENDIAN);
    riff.put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt(12 + payload)
        .put("WEBPVP8L".getBytes(StandardCharsets.US_ASCII))
        .putInt(payload);
    return riff.array();
  }

  static byte[] firstHalf(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length / 2);
  }

  List<Path> everythingIn(Path directory) throws Exception {
    try (Stream<Path> all = Files.list(directory)) {
      return all.toList();
    }
  }

  @Test
  void aCloseDelimitedBodyThatIsNoKnownImageCannotBeShownWholeAndIsNotSaved() throws Exception {
    files.enqueue(
        RawHttpServer.closeDelimited(
            "application/octet-stream", "just some bytes".getBytes(StandardCharsets.US_ASCII)));

    assertThatThrownBy(() -> client.downloads().toFile(files.url("/f"), dir.resolve("f.bin")))
        .isInstanceOf(IncompleteDownloadException.class)
        .hasMessageContaining(
            "15 bytes with no Content-Length, and they are not image/png, image/jpeg, image/webp");
    assertThat(everythingIn(dir)).isEmpty();
  }

  @Test
  void toFileAndToStreamCheckToo() throws Exception {
    byte[] half = firstHalf(image("png"));
    files.enqueue(RawHttpServer.closeDelimited("image/png", half));
    files.enqueue(RawHttpServer.closeDelimited("image/png", half));

    assertThatThrownBy(() -> client.downloads().toFile(files.url("/a.png"), dir.resolve("a.png")))
        .isInstanceOf(IncompleteDownloadException.class);
    assertThat(everythingIn(dir)).isEmpty();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> client.downloads().toStream(files.url("/a.png"), out))
        .isInstanceOf(IncompleteDownloadException.class)
        .hasMessageContaining("before the PNG image's end (its IEND chunk)");
  }

  @Test
  void aFullDiskIsALocalErrorNotANetworkOneAndIsNotRetried() throws Exception {
    Path full = Path.of("/dev/full");
    assumeThat(Files.exists(full))
        .as("a Linux /dev/full, which refuses every write with ENOSPC, also for root")
        .isTrue();
    files.enqueue(RawHttpServer.closeDelimited("image/png", image("png")));

    try (OutputStream disk = new FileOutputStream(full.toFile())) {
      assertThatThrownBy(() -> client.downloads().toStream(files.url("/a.png"), disk))
          .isInstanceOf(ViduLocalIOException.class)
          .isNotInstanceOf(ViduTransportException.class)
          .hasMessageContaining("No space left on device");
    }
    assertThat(files.requestCount()).isEqualTo(1);
  }

  @Test
  void aMissingDirectoryIsALocalErrorNamingThePathAndIsNotRetried() throws Exception {
    files.enqueue(RawHttpServer.closeDelimited("image/png", image("png")));
    Path target = dir.resolve("missing/a.png");

    assertThatThrownBy(() -> client.downloads().toFile(files.url("/a.png"), target))
        .isInstanceOf(ViduLocalIOException.class)
        .hasMessageContaining(dir.resolve("missing").toString())
        .satisfies(
            e ->
                assertThat(((ViduLocalIOException) e).path())
                    .get()
                    .extracting(Path::getParent)
                    .isEqualTo(dir.resolve("missing")));
    assertThat(files.requestCount()).isEqualTo(1);
  }
}
