package io.github.vidu4j.validation;

import java.util.Optional;

/**
 * What an image's header says: its format and pixel size. Read from the first bytes only; the
 * pixels are never decoded.
 */
public final class ImageInfo {
  /**
   * The formats the header reader recognises. Which of them Vidu accepts is the spec's {@code
   * x-vidu-image-rules.formats} ({@link ImageRules#accepts}).
   */
  public enum Format {
    /** PNG. */
    PNG("image/png"),
    /** JPEG, baseline or progressive. */
    JPEG("image/jpeg"),
    /** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X). */
    WEBP("image/webp");

    private final String mimeType;

    Format(String mimeType) {
      this.mimeType = mimeType;
    }

    /** The MIME type, {@code image/} and the lower-case name. */
    public String mimeType() {
      return mimeType;
    }

    /**
     * The format the first {@code length} bytes of {@code head} announce by their signature, if
     * one of these; nothing else is checked (at least 12 bytes are needed to tell WebP).
     */
    public static Optional<Format> ofSignature(byte[] head, int length) {
      if (length >= 8 && ImageSniffer.startsWith(head, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
        return Optional.of(PNG);
      }
      if (length >= 3 && ImageSniffer.startsWith(head, 0xff, 0xd8, 0xff)) {
        return Optional.of(JPEG);
      }
      if (length >= 12 && ImageSniffer.ascii(head, 0, 4).equals("RIFF") && ImageSniffer.ascii(head, 8, 4).equals("WEBP")) {
        return Optional.of(WEBP);
      }
      return Optional.empty();
    }
  }

  private final Format format;
  private final int width;
  private final int height;

  ImageInfo(Format format, int width, int height) {
    this.format = format;
    this.width = width;
    this.height = height;
  }

  /** The format, from the content (never from a file name). */
  public Format format() {
    return format;
  }

  /** Width in pixels. */
  public int width() {
    return width;
  }

  /** Height in pixels. */
  public int height() {
    return height;
  }

  @Override
  public String toString() {
    return format + " " + width + "x" + height;
  }
}
