package io.github.vidu4j.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * An image's width and height, read as a server reads them: ImageIO for PNG and JPEG, the first
 * chunk for WebP (which ImageIO cannot read). The sandbox's own reading, not the client's.
 */
final class ImageDimensions {
  private ImageDimensions() {}

  /**
   * Width and height of an image in {@code format} ({@code png}, {@code jpeg}, {@code webp}; null:
   * whichever it is), or null if the bytes are not one.
   */
  static int @Nullable [] of(byte[] bytes, @Nullable String format) {
    if (format == null || format.equals("webp")) {
      int[] webp = webp(bytes);
      if (webp != null || format != null) {
        return webp;
      }
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      while (readers.hasNext()) {
        ImageReader reader = readers.next();
        try {
          if (format != null && !reader.getFormatName().equalsIgnoreCase(format)) {
            continue;
          }
          reader.setInput(in);
          return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } finally {
          reader.dispose();
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A WebP's canvas size from its first chunk (VP8, VP8L or VP8X). */
  private static int @Nullable [] webp(byte[] b) {
    if (b.length < 30 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) {
      return null;
    }
    if (ascii(b, 12, "VP8X")) {
      return new int[] {1 + u24(b, 24), 1 + u24(b, 27)};
    }
    if (ascii(b, 12, "VP8L") && (b[20] & 0xff) == 0x2f) {
      int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
      return new int[] {1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff)};
    }
    if (ascii(b, 12, "VP8 ")
        && (b[23] & 0xff) == 0x9d
        && (b[24] & 0xff) == 0x01
        && (b[25] & 0xff) == 0x2a) {
      return new int[] {u16(b, 26) & 0x3fff, u16(b, 28) & 0x3fff};
    }
    return null;
  }

  private static boolean ascii(byte[] b, int at, String text) {
    return new String(b, at, text.length(), StandardCharsets.ISO_8859_1).equals(text);
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static int u24(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
  }
}
