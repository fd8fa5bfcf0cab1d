package io.github.vidu4j.validation;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code data:image/<type>;base64,<data>} string. Read in place: the header is parsed, the base64
 * is decoded lazily as a stream over the original string, so sniffing a 20 MB data URI decodes a
 * few dozen bytes and copies nothing. Written in place: {@link #encode} turns image bytes into one
 * with no second array.
 */
final class DataUri {
  private static final Pattern HEADER = Pattern.compile("(?i)data:(image/[a-z0-9.+-]+);base64,");

  final String mimeType;
  final int dataStart;
  final String text;

  private DataUri(String mimeType, int dataStart, String text) {
    this.mimeType = mimeType;
    this.dataStart = dataStart;
    this.text = text;
  }

  /** The parsed header, or null when {@code text} is not a base64 image data URI. */
  static @Nullable DataUri parse(String text) {
    int comma = text.indexOf(',');
    if (comma < 0 || comma > 100) {
      return null;
    }
    Matcher m = HEADER.matcher(text.substring(0, comma + 1));
    if (!m.matches()) {
      return null;
    }
    return new DataUri(m.group(1).toLowerCase(Locale.ROOT), comma + 1, text);
  }

  /** The decoded size, from the base64 length and padding, without decoding. */
  long decodedBytes() {
    int length = text.length() - dataStart;
    int padding = 0;
    for (int i = text.length() - 1; i >= dataStart && text.charAt(i) == '=' && padding < 2; i--) {
      padding++;
    }
    return (long) length / 4 * 3 - padding;
  }

  /** The decoded bytes as a stream, decoded on demand from the string. */
  InputStream decoded() {
    return Base64.getDecoder()
        .wrap(
            new InputStream() {
              private int index = dataStart;

              @Override
              public int read() {
                return index < text.length() ? text.charAt(index++) & 0xff : -1;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) {
                Objects.checkFromIndexSize(offset, length, buffer.length);
                if (length == 0) {
                  return 0;
                }
                if (index >= text.length()) {
                  return -1;
                }
                int count = Math.min(length, text.length() - index);
                for (int i = 0; i < count; i++) {
                  buffer[offset + i] = (byte) text.charAt(index++);
                }
                return count;
              }
            });
  }

  /** Room for the longest {@code data:image/...;base64,} prefix. */
  static final int MAX_PREFIX = "data:image/jpeg;base64,".length() + 1;

  private static final byte[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
          .getBytes(StandardCharsets.US_ASCII);

  static byte[] prefix(ImageInfo.Format format) {
    return ("data:" + format.mimeType() + ";base64,").getBytes(StandardCharsets.US_ASCII);
  }

  /** The length of the data URI of {@code bytes} bytes of {@code format}. */
  static long length(ImageInfo.Format format, long bytes) {
    return prefix(format).length + (bytes + 2) / 3 * 4;
  }

  /** An array for {@link #encodeInPlace}: {@code bytes} bytes at its tail, room for the rest. */
  static byte[] room(long bytes) {
    return new byte[MAX_PREFIX + (int) ((bytes + 2) / 3 * 4)];
  }

  static String encode(byte[] bytes, ImageInfo.Format format) {
    byte[] uri = room(bytes.length);
    int start = uri.length - bytes.length;
    System.arraycopy(bytes, 0, uri, start, bytes.length);
    return encodeInPlace(uri, start, format);
  }

  /**
   * The data URI of the image bytes {@code uri[start..]}, written over them from the front: its
   * prefix, then base64. The writer never overtakes the reader (4 bytes out per 3 in, starting at
   * least a third of the input ahead), so no second array is needed before the string's own copy.
   */
  static String encodeInPlace(byte[] uri, int start, ImageInfo.Format format) {
    byte[] prefix = prefix(format);
    int first = MAX_PREFIX - prefix.length;
    System.arraycopy(prefix, 0, uri, first, prefix.length);
    int out = MAX_PREFIX;
    int end = uri.length;
    for (int in = start; in < end; in += 3) {
      int b0 = uri[in] & 0xff;
      int b1 = in + 1 < end ? uri[in + 1] & 0xff : -1;
      int b2 = in + 2 < end ? uri[in + 2] & 0xff : -1;
      uri[out++] = BASE64[b0 >> 2];
      uri[out++] = BASE64[(b0 & 0x3) << 4 | (b1 < 0 ? 0 : b1 >> 4)];
      uri[out++] = b1 < 0 ? (byte) '=' : BASE64[(b1 & 0xf) << 2 | (b2 < 0 ? 0 : b2 >> 6)];
      uri[out++] = b2 < 0 ? (byte) '=' : BASE64[b2 & 0x3f];
    }
    return new String(uri, first, out - first, StandardCharsets.ISO_8859_1);
  }
}
