package io.github.vidu4j.validation;

import java.io.InputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code data:image/<type>;base64,<data>} string, looked at in place: the header is parsed, the
 * base64 is decoded lazily as a stream over the original string, so sniffing a 20 MB data URI
 * decodes a few dozen bytes and copies nothing.
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
}
