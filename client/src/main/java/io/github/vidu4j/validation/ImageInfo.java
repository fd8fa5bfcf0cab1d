package io.github.vidu4j.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * What an image's header says: its format and pixel size. Read from the first bytes only; the
 * pixels are never decoded. What {@link ImageInput#info()} reports of a local image; its {@link
 * Format} is what the core's download check and {@code vidu4j-batch}'s file names go by.
 */
public final class ImageInfo {
  /**
   * The formats the header reader recognises. Which of them Vidu accepts is the spec's {@code
   * x-vidu-image-rules.formats} ({@link GenerationOperation.Limits#formats()}).
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
     * The file name extension a saved file of this format gets: the lower-case name, {@code jpg}
     * for JPEG. The one naming rule of the core ({@code Downloads} checks a body against it) and of
     * {@code vidu4j-batch} (which names result files by it).
     */
    public String extension() {
      return this == JPEG ? "jpg" : name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format the first {@code length} bytes of {@code head} announce by their signature, if one
     * of these; nothing else is checked (at least 12 bytes are needed to tell WebP). Used by {@code
     * vidu4j-batch} to name a saved file after what it is.
     */
    public static Optional<Format> ofSignature(byte[] head, int length) {
      return ImageSignatures.of(head, length);
    }

    /**
     * The format a file name extension or MIME subtype names ({@code jpg} and {@code jpeg} are
     * JPEG; any case), if any.
     */
    public static Optional<Format> named(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      for (Format format : values()) {
        if (lower.equals(format.name().toLowerCase(Locale.ROOT))
            || lower.equals(format.extension())) {
          return Optional.of(format);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The format and pixel size {@code in}'s header announces, read from its first bytes only (the
   * pixels are never decoded; {@code in} is not closed); empty if it is no PNG, JPEG or WebP with a
   * readable size. For checking an image before building a request from it; {@link ImageInput} does
   * the same for every image it reads.
   *
   * @throws IOException if {@code in} cannot be read
   */
  public static Optional<ImageInfo> read(InputStream in) throws IOException {
    try {
      return Optional.of(ImageSniffer.sniff(in));
    } catch (ImageSniffer.NotAnImage e) {
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
