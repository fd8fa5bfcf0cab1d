package io.github.vidu4j.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-place data URI encoding gives exactly what {@link Base64} gives, for every tail length.
 */
class DataUriEncodingTest {
  @Test
  void fromBytesAndFromFileEncodeLikeTheJdk(@TempDir Path dir) throws IOException {
    byte[] png = TestImages.png(200, 150);
    Random random = new Random(7);
    for (int extra = 0; extra < 7; extra++) {
      byte[] bytes = Arrays.copyOf(png, png.length + extra * 1000 + extra);
      for (int i = png.length; i < bytes.length; i++) {
        bytes[i] = (byte) random.nextInt();
      }
      String expected = "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
      assertThat(ImageInput.fromBytes(bytes, "x.png").value()).isEqualTo(expected);
      Path file = Files.write(dir.resolve("x" + extra + ".png"), bytes);
      assertThat(ImageInput.fromFile(file).value()).isEqualTo(expected);
    }
    byte[] jpeg = TestImages.jpeg(300, 200);
    assertThat(ImageInput.fromBytes(jpeg, "x.jpg").value())
        .isEqualTo("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg));
    byte[] webp = TestImages.webpVp8x(300, 200);
    assertThat(ImageInput.fromBytes(webp, "x.webp").value())
        .isEqualTo("data:image/webp;base64," + Base64.getEncoder().encodeToString(webp));
  }

  @Test
  @SuppressWarnings(
      "InputStreamSlowMultibyteRead") // counts single-byte reads; bulk reads pass through
  void aJpegOnAFileStreamIsReadInBlocksNotByteByByte() throws Exception {
    byte[] jpeg = TestImages.jpegWithApp1(300, 200, 16 * 1024);
    int[] singleByteReads = {0};
    InputStream counting =
        new FilterInputStream(new java.io.ByteArrayInputStream(jpeg) {}) {
          @Override
          public int read() throws IOException {
            singleByteReads[0]++;
            return super.read();
          }
        };

    ImageInfo info = ImageSniffer.sniff(counting);

    assertThat(info.width()).isEqualTo(300);
    assertThat(info.height()).isEqualTo(200);
    assertThat(singleByteReads[0]).isZero();
  }
}
