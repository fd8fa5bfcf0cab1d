package io.github.vidu4j.validation;

import io.github.vidu4j.validation.Violation.Code;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@link ImageInput}'s checks of a local image against the spec's limits, before it is encoded: its
 * byte count (alone and as base64 within the body limit), then its header.
 */
final class ImageChecks {
  static final GenerationOperation.Limits LIMITS = ViduRules.spec().images();

  /**
   * Bytes of the body besides one image's base64: its {@code data:image/jpeg;base64,} prefix and
   * the smallest JSON around it, {@code {"model":"viduq1","prompt":"x","images":[""]}}, rounded
   * down. So an image refused for its size could never have been sent.
   */
  private static final long REST_OF_REQUEST_BYTES = 64;

  private ImageChecks() {}

  /** The largest image whose base64 data URI alone stays within the body limit. */
  private static long maxImageBytesForBody() {
    return (LIMITS.maxBodyBytes() - REST_OF_REQUEST_BYTES) / 4 * 3;
  }

  static void checkSize(String name, long size) {
    if (size > LIMITS.maxImageBytes()) {
      throw invalid(
          Code.IMAGE_BYTES,
          name,
          String.format(
              Locale.ROOT,
              "%,d bytes, %,d over Vidu's %s limit per image (%,d bytes)",
              size,
              size - LIMITS.maxImageBytes(),
              LIMITS.maxImageSize(),
              LIMITS.maxImageBytes()));
    }
    long encoded = (size + 2) / 3 * 4;
    long over = encoded + REST_OF_REQUEST_BYTES - LIMITS.maxBodyBytes();
    if (over > 0) {
      throw invalid(
          Code.IMAGE_BYTES,
          name,
          String.format(
              Locale.ROOT,
              "%,d bytes; as base64 (%,d bytes) with the rest of the request it passes"
                  + " Vidu's %s request limit (%,d bytes) by at least %,d bytes; upload it somewhere and pass its URL instead",
              size,
              encoded,
              LIMITS.maxBodySize(),
              LIMITS.maxBodyBytes(),
              over));
    }
  }

  /** The header of {@code length} bytes from {@code offset}, checked. */
  static ImageInfo sniffChecked(String name, byte[] bytes, int offset, int length) {
    try {
      return sniffChecked(name, new ByteArrayInputStream(bytes, offset, length));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an array is never unreadable
    }
  }

  static ImageInfo sniffChecked(String name, InputStream in) throws IOException {
    ImageInfo info;
    try {
      info = ImageSniffer.sniff(in);
    } catch (ImageSniffer.NotAnImage e) {
      throw invalid(Code.IMAGE_FORMAT, name, e.getMessage());
    }
    String problem = dimensionProblem(info, LIMITS);
    if (problem != null) {
      throw invalid(Code.IMAGE_DIMENSIONS, name, problem);
    }
    return info;
  }

  /** Why {@code info} breaks {@code limits} (format, least size, aspect ratio), or null. */
  static @Nullable String dimensionProblem(ImageInfo info, GenerationOperation.Limits limits) {
    if (!limits.accepts(info.format())) {
      return info.format().mimeType() + ", not one Vidu accepts (" + limits.mimeTypes() + ")";
    }
    if (info.width() < limits.minWidth() || info.height() < limits.minHeight()) {
      return info.width()
          + "x"
          + info.height()
          + ", under Vidu's minimum of "
          + limits.minWidth()
          + "x"
          + limits.minHeight();
    }
    long longer = Math.max(info.width(), info.height());
    long shorter = Math.min(info.width(), info.height());
    if (longer > shorter * limits.maxAspectRatio()) {
      return info.width()
          + "x"
          + info.height()
          + ", more elongated than Vidu's 1:"
          + limits.maxAspectRatio()
          + " to "
          + limits.maxAspectRatio()
          + ":1 limit";
    }
    return null;
  }

  /**
   * Reads {@code in} to its end, refusing it as soon as it passes {@link #maxImageBytesForBody()}:
   * reading on just to learn the real size could mean reading gigabytes, so the message gives the
   * bound.
   */
  static byte[] readCapped(InputStream in, String name) throws IOException {
    long limit = maxImageBytesForBody();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > limit) {
        throw invalid(
            Code.IMAGE_BYTES,
            name,
            String.format(
                Locale.ROOT,
                "more than %,d bytes (reading stopped there), the most whose base64"
                    + " fits Vidu's %s request limit (%,d bytes) with the rest of the request; upload it somewhere and pass its URL instead",
                limit,
                LIMITS.maxBodySize(),
                LIMITS.maxBodyBytes()));
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  static ViduValidationException unreadable(String name, IOException e) {
    return invalid(Code.IMAGE_FILE, name, "cannot be read (" + e.getMessage() + ")");
  }

  static ViduValidationException invalid(Code code, String name, String problem) {
    return new ViduValidationException(
        List.of(Violation.stated(code, "images", name, "image " + name + ": " + problem)));
  }
}
