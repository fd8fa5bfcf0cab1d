package io.github.vidu4j.validation;

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
