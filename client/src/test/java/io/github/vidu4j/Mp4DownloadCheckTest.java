package io.github.vidu4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.core.IncompleteDownloadException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A downloaded MP4 is whole only if its boxes lead to its end and one is a moov. */
class Mp4DownloadCheckTest {
  private static byte[] box(String type, int payload) {
    ByteBuffer box = ByteBuffer.allocate(8 + payload);
    box.putInt(8 + payload).put(type.getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < payload; i++) {
      box.put((byte) (i * 7));
    }
    return box.array();
  }

  private static byte[] file(byte[]... boxes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] box : boxes) {
      out.writeBytes(box);
    }
    return out.toByteArray();
  }

  private static final byte[] WHOLE = file(box("ftyp", 16), box("moov", 300), box("mdat", 5000));

  /** Feeds {@code bytes} in chunks of {@code chunk}, as a download passes them. */
  private static DownloadCheck fed(byte[] bytes, int chunk) {
    DownloadCheck check = new DownloadCheck(new DownloadLimit(Long.MAX_VALUE), "GET x.mp4");
    for (int at = 0; at < bytes.length; at += chunk) {
      check.update(bytes, at, Math.min(chunk, bytes.length - at));
    }
    return check;
  }

  @Test
  void aWholeMp4PassesWithOrWithoutContentLengthWhateverTheChunks() {
    for (int chunk : new int[] {1, 3, 7, 4096}) {
      assertThatCode(() -> fed(WHOLE, chunk).verify(-1)).doesNotThrowAnyException();
      assertThatCode(() -> fed(WHOLE, chunk).verify(WHOLE.length)).doesNotThrowAnyException();
    }
  }

  @Test
  void aCutMp4IsRefusedEvenWhenItsContentLengthAgrees() {
    byte[] cut = Arrays.copyOf(WHOLE, WHOLE.length - 100);
    assertThatThrownBy(() -> fed(cut, 1000).verify(cut.length))
        .isInstanceOf(IncompleteDownloadException.class)
        .hasMessageContaining("box 'mdat'")
        .hasMessageContaining("announces 5008 bytes");
    assertThatThrownBy(() -> fed(cut, 1000).verify(-1))
        .isInstanceOf(IncompleteDownloadException.class);
  }

  @Test
  void anMp4WithoutMoovIsRefused() {
    byte[] noIndex = file(box("ftyp", 16), box("mdat", 5000));
    assertThatThrownBy(() -> fed(noIndex, 512).verify(noIndex.length))
        .isInstanceOf(IncompleteDownloadException.class)
        .hasMessageContaining("no 'moov'");
  }

  @Test
  void trailingBytesAfterTheLastBoxAreRefused() {
    byte[] longer = Arrays.copyOf(WHOLE, WHOLE.length + 3);
    assertThatThrownBy(() -> fed(longer, 512).verify(-1))
        .isInstanceOf(IncompleteDownloadException.class);
  }

  @Test
  void largeSizesAndToTheEndBoxesAreUnderstood() {
    ByteBuffer large = ByteBuffer.allocate(16 + 40);
    large.putInt(1).put("mdat".getBytes(StandardCharsets.US_ASCII)).putLong(56);
    byte[] withLarge = file(box("ftyp", 8), box("moov", 20), large.array());
    assertThatCode(() -> fed(withLarge, 5).verify(-1)).doesNotThrowAnyException();
    byte[] toEnd = file(box("ftyp", 8), box("moov", 20), box("mdat", 30));
    toEnd[44 + 3] = 0; // the mdat's size 0: "to the end of the file"
    assertThat(toEnd[44 + 4]).isEqualTo((byte) 'm');
    assertThatCode(() -> fed(toEnd, 5).verify(-1)).doesNotThrowAnyException();
  }
}
