package io.github.vidu4j;

import io.github.vidu4j.core.IncompleteDownloadException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.validation.ImageInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tells whether a downloaded body is whole, from what passes through: its length, first and last
 * bytes. With a {@code Content-Length} the count must match it; without one (an HTTP/1.0 answer
 * that ends by closing the connection, which looks the same whether complete or cut) the body must
 * be an image format that {@link ImageInfo.Format} knows and end the way that format ends, its
 * structure walked to its real end ({@link ImageEnd}). An MP4 (a video) must in either case have
 * box sizes that lead exactly to its end and a {@code moov} box ({@link Mp4Structure}). It also
 * holds the body to the download size limit, counted as the bytes pass (after any gzip decoding).
 */
final class DownloadCheck {
  private static final int EDGE = 12;
  private static final byte[] PNG_IEND = {
    0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82
  };

  private final byte[] head = new byte[EDGE];
  private final Mp4Structure mp4 = new Mp4Structure();
  private final byte[] tail = new byte[EDGE];
  private final ImageEnd jpeg = ImageEnd.jpeg();
  private final ImageEnd png = ImageEnd.png();
  private final DownloadLimit limit;
  private final String what;
  private long count;

  /**
   * @param limit the size limit to hold the body to
   * @param what the download, for messages
   */
  DownloadCheck(DownloadLimit limit, String what) {
    this.limit = limit;
    this.what = what;
  }

  /**
   * Takes the next bytes of the body.
   *
   * @throws ViduResponseException once the body goes beyond the limit
   */
  void update(byte[] bytes, int offset, int length) {
    limit.checkReceived(what, count + length);
    jpeg.update(bytes, offset, length);
    png.update(bytes, offset, length);
    for (int i = 0; i < length && count + i < EDGE; i++) {
      head[(int) count + i] = bytes[offset + i];
    }
    int keep = Math.min(length, EDGE);
    int shift = EDGE - keep;
    System.arraycopy(tail, keep, tail, 0, shift);
    System.arraycopy(bytes, offset + length - keep, tail, shift, keep);
    count += length;
    mp4.update(bytes, offset, length);
  }

  /**
   * Copies {@code body} into {@code out}, taking each chunk; a read failure is the network's, a
   * write failure {@code out}'s.
   */
  void copy(InputStream body, OutputStream out) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    for (int n; (n = body.read(buffer)) != -1; ) {
      update(buffer, 0, n);
      out.write(buffer, 0, n);
    }
  }

  long count() {
    return count;
  }

  /**
   * Throws an {@link IncompleteDownloadException} unless the body seen is whole.
   *
   * @param contentLength the announced length, or -1
   */
  void verify(long contentLength) {
    if (count == 0) {
      throw new IncompleteDownloadException(
          what + " answered 200 with an empty body: there is no file to save", 0, contentLength);
    }
    if (Mp4Structure.looksLikeMp4(head, (int) Math.min(count, EDGE))) {
      String problem = mp4.problem();
      if (problem != null) {
        throw new IncompleteDownloadException(
            what
                + " sent "
                + count
                + " bytes of MP4 that are not whole: "
                + problem
                + "; nothing was saved",
            count,
            contentLength);
      }
    }
    if (contentLength >= 0) {
      if (count != contentLength) {
        throw new IncompleteDownloadException(
            what
                + " sent "
                + count
                + " bytes where its Content-Length announced "
                + contentLength
                + "; nothing was saved",
            count,
            contentLength);
      }
      return;
    }
    Optional<ImageInfo.Format> format =
        ImageInfo.Format.ofSignature(head, (int) Math.min(count, EDGE));
    if (format.isEmpty() && Mp4Structure.looksLikeMp4(head, (int) Math.min(count, EDGE))) {
      return; // its boxes, checked above, show it is whole
    }
    if (format.isEmpty()) {
      throw new IncompleteDownloadException(
          what
              + " sent "
              + count
              + " bytes with no Content-Length, and they are not "
              + Arrays.stream(ImageInfo.Format.values())
                  .map(ImageInfo.Format::mimeType)
                  .collect(Collectors.joining(", "))
              + ", whose ends could show the file is whole; nothing was saved",
          count,
          -1);
    }
    if (!endsWhole(format.get())) {
      throw new IncompleteDownloadException(
          what
              + " ended after "
              + count
              + " bytes, before the "
              + format.get()
              + " image's end ("
              + endName(format.get())
              + "): the connection closed early; nothing was saved",
          count,
          -1);
    }
  }

  private boolean endsWhole(ImageInfo.Format format) {
    int seen = (int) Math.min(count, EDGE);
    return switch (format) {
      case PNG -> seen == EDGE && Arrays.equals(tail, PNG_IEND) && png.ended();
      case JPEG ->
          seen >= 4
              && (tail[EDGE - 2] & 0xff) == 0xff
              && (tail[EDGE - 1] & 0xff) == 0xd9
              && jpeg.ended();
      case WEBP -> count >= 8 + riffSize();
    };
  }

  private String endName(ImageInfo.Format format) {
    return switch (format) {
      case PNG -> "its IEND chunk";
      case JPEG -> "its FFD9 end-of-image marker";
      case WEBP -> "the " + (8 + riffSize()) + " bytes its RIFF header announces";
    };
  }

  private long riffSize() {
    return (head[4] & 0xffL)
        | (head[5] & 0xffL) << 8
        | (head[6] & 0xffL) << 16
        | (head[7] & 0xffL) << 24;
  }
}
