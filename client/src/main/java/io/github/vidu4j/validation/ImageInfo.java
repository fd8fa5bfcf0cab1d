package io.github.vidu4j.validation;

/**
 * What an image's header says: its format and pixel size. Read from the first bytes only; the
 * pixels are never decoded.
 */
public final class ImageInfo {
  /** The image formats Vidu accepts. */
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

    /** {@code image/png}, {@code image/jpeg} or {@code image/webp}. */
    public String mimeType() {
      return mimeType;
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
