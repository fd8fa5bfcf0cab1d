package io.github.vidu4j.validation;

import static io.github.vidu4j.validation.ImageSignatures.ascii;
import static io.github.vidu4j.validation.ImageSignatures.startsWith;

import io.github.vidu4j.validation.ImageInfo.Format;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an image's format and size from its header bytes, reading no further than the header: PNG's
 * IHDR, JPEG's first SOF segment (walking past APP/EXIF segments by their lengths), WebP's
 * VP8/VP8L/VP8X chunk. Anything else, or a header cut short, is a {@link NotAnImage} with a message
 * fit for the user.
 */
final class ImageSniffer {
  /** The header could not be read as a supported image. */
  static final class NotAnImage extends Exception {
    private static final long serialVersionUID = 1L;

    NotAnImage(String message) {
      super(message);
    }
  }

  private ImageSniffer() {}

  static ImageInfo sniff(InputStream in) throws IOException, NotAnImage {
    byte[] head = new byte[30];
    int n = readUpTo(in, head);
    ImageInfo.Format format =
        ImageSignatures.of(head, n).orElseThrow(() -> new NotAnImage(describeUnsupported(head, n)));
    return switch (format) {
      case PNG -> png(head, n);
      // JPEG walks segments byte by byte: buffered, or each byte is a system call on a file.
      case JPEG ->
          jpeg(
              head,
              n,
              in instanceof ByteArrayInputStream || in instanceof BufferedInputStream
                  ? in
                  : new BufferedInputStream(in, 1024));
      case WEBP -> webp(head, n);
    };
  }

  private static ImageInfo png(byte[] h, int n) throws NotAnImage {
    if (n < 24 || !ascii(h, 12, 4).equals("IHDR")) {
      throw new NotAnImage("PNG header is truncated or has no IHDR chunk");
    }
    return checked(Format.PNG, int32(h, 16), int32(h, 20));
  }

  private static ImageInfo webp(byte[] h, int n) throws NotAnImage {
    String chunk = n >= 16 ? ascii(h, 12, 4) : "";
    if (n < (chunk.equals("VP8L") ? 25 : 30)) {
      throw new NotAnImage("WebP header is truncated");
    }
    switch (chunk) {
      case "VP8 ":
        if ((h[23] & 0xff) != 0x9d || (h[24] & 0xff) != 0x01 || (h[25] & 0xff) != 0x2a) {
          throw new NotAnImage("WebP VP8 frame has no start code");
        }
        return checked(Format.WEBP, uint16le(h, 26) & 0x3fff, uint16le(h, 28) & 0x3fff);
      case "VP8L":
        if ((h[20] & 0xff) != 0x2f) {
          throw new NotAnImage("WebP VP8L stream has no signature byte");
        }
        long bits =
            (h[21] & 0xffL) | (h[22] & 0xffL) << 8 | (h[23] & 0xffL) << 16 | (h[24] & 0xffL) << 24;
        return checked(Format.WEBP, (int) (bits & 0x3fff) + 1, (int) ((bits >> 14) & 0x3fff) + 1);
      case "VP8X":
        return checked(Format.WEBP, uint24le(h, 24) + 1, uint24le(h, 27) + 1);
      default:
        throw new NotAnImage("WebP file has an unknown first chunk \"" + printable(chunk) + "\"");
    }
  }

  /** Walks JPEG segments to the first frame header (SOF0 to SOF15, except DHT, JPG and DAC). */
  private static ImageInfo jpeg(byte[] head, int n, InputStream rest)
      throws IOException, NotAnImage {
    JpegReader r = new JpegReader(head, n, rest);
    r.skip(2);
    for (int segments = 0; segments < 1000; segments++) {
      int b = r.read();
      if (b != 0xff) {
        throw new NotAnImage(
            "JPEG has a corrupt segment structure (expected a marker, found 0x"
                + Integer.toHexString(b)
                + ")");
      }
      int marker;
      do {
        marker = r.read();
      } while (marker == 0xff);
      if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        continue;
      }
      if (marker == 0xd9 || marker == 0xda) {
        throw new NotAnImage("JPEG has no frame header before its image data");
      }
      int length = r.read() << 8 | r.read();
      if (length < 2) {
        throw new NotAnImage("JPEG segment has an impossible length " + length);
      }
      boolean frame =
          marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (frame) {
        if (length < 7) {
          throw new NotAnImage("JPEG frame header is too short");
        }
        r.read();
        int height = r.read() << 8 | r.read();
        int width = r.read() << 8 | r.read();
        return checked(Format.JPEG, width, height);
      }
      r.skip(length - 2);
    }
    throw new NotAnImage("JPEG has no frame header in its first 1000 segments");
  }

  private static ImageInfo checked(Format format, long width, long height) throws NotAnImage {
    if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw new NotAnImage(format + " header gives an impossible size " + width + "x" + height);
    }
    return new ImageInfo(format, (int) width, (int) height);
  }

  private static String describeUnsupported(byte[] h, int n) {
    if (n == 0) {
      return "empty";
    }
    String start = ascii(h, 0, Math.min(n, 12));
    String format;
    if (start.startsWith("GIF8")) {
      format = "a GIF image";
    } else if (start.startsWith("BM")) {
      format = "a BMP image";
    } else if (startsWith(h, 'I', 'I', 42, 0) || startsWith(h, 'M', 'M', 0, 42)) {
      format = "a TIFF image";
    } else if (n >= 12 && ascii(h, 4, 4).equals("ftyp")) {
      format = "a HEIC/AVIF image (" + printable(ascii(h, 8, 4)) + ")";
    } else if (start.trim().startsWith("<")) {
      format = "SVG/XML or HTML text";
    } else if (startsWith(h, 0x89, 'P', 'N', 'G')
        || startsWith(h, 0xff, 0xd8)
        || start.startsWith("RIFF")) {
      return "truncated: its header ends early";
    } else {
      return "not " + ViduRules.spec().images().mimeTypes() + ", the formats Vidu accepts";
    }
    return format + "; Vidu accepts " + ViduRules.spec().images().mimeTypes();
  }

  private static int readUpTo(InputStream in, byte[] buffer) throws IOException {
    int total = 0;
    while (total < buffer.length) {
      int read = in.read(buffer, total, buffer.length - total);
      if (read < 0) {
        break;
      }
      total += read;
    }
    return total;
  }

  private static String printable(String s) {
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private static long int32(byte[] h, int i) {
    return (h[i] & 0xffL) << 24
        | (h[i + 1] & 0xffL) << 16
        | (h[i + 2] & 0xffL) << 8
        | (h[i + 3] & 0xffL);
  }

  private static int uint16le(byte[] h, int i) {
    return (h[i] & 0xff) | (h[i + 1] & 0xff) << 8;
  }

  private static int uint24le(byte[] h, int i) {
    return (h[i] & 0xff) | (h[i + 1] & 0xff) << 8 | (h[i + 2] & 0xff) << 16;
  }

  /** The bytes already read, then the rest of the stream (buffered by the caller). */
  private static final class JpegReader {
    private final byte[] head;
    private final int headLength;
    private final InputStream rest;
    private int position;

    JpegReader(byte[] head, int headLength, InputStream rest) {
      this.head = head;
      this.headLength = headLength;
      this.rest = rest;
    }

    int read() throws IOException, NotAnImage {
      if (position < headLength) {
        return head[position++] & 0xff;
      }
      int b = rest.read();
      if (b < 0) {
        throw new NotAnImage("JPEG header is truncated");
      }
      position++;
      return b;
    }

    void skip(int count) throws IOException, NotAnImage {
      int left = count;
      while (left > 0 && position < headLength) {
        position++;
        left--;
      }
      while (left > 0) {
        long skipped = rest.skip(left);
        if (skipped <= 0) {
          if (rest.read() < 0) {
            throw new NotAnImage("JPEG header is truncated");
          }
          skipped = 1;
        }
        left -= (int) skipped;
        position += (int) skipped;
      }
    }
  }
}
