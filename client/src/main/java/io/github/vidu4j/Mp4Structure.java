package io.github.vidu4j;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Follows an MP4's top-level boxes as its bytes pass, to tell whether the file is whole: each box's
 * size must lead exactly to the next, the last must end where the file ends, and a {@code moov}
 * (the index without which nothing plays) must be among them. Reads nothing twice and keeps 16
 * bytes.
 */
final class Mp4Structure {
  private final byte[] header = new byte[16];
  private int headerFill;
  private long boxSize;
  private long remaining;
  private long offset;
  private long boxStart;
  private boolean lastBoxToEnd;
  private boolean moov;
  private String lastType = "";
  private @Nullable String problem;

  /** Whether {@code head} (the first bytes) is an ISO base media file: {@code ftyp} first. */
  static boolean looksLikeMp4(byte[] head, int length) {
    return length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
  }

  void update(byte[] bytes, int from, int length) {
    int i = from;
    int end = from + length;
    while (i < end && problem == null && !lastBoxToEnd) {
      if (remaining > 0) {
        int skip = (int) Math.min(remaining, end - i);
        remaining -= skip;
        offset += skip;
        i += skip;
        continue;
      }
      if (headerFill == 0) {
        boxStart = offset;
      }
      header[headerFill++] = bytes[i++];
      offset++;
      if (headerFill == 8) {
        boxSize = Integer.toUnsignedLong(readInt(0));
        lastType = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
        moov |= lastType.equals("moov");
        if (boxSize == 0) {
          lastBoxToEnd = true; // "extends to the end of the file"
        } else if (boxSize != 1 && boxSize < 8) { // 1: a 64-bit size follows
          problem =
              "box '" + printable(lastType) + "' at byte " + boxStart + " has size " + boxSize;
        } else if (boxSize != 1) {
          remaining = boxSize - 8;
          headerFill = 0;
        }
      } else if (headerFill == 16) {
        boxSize = ((long) readInt(8) << 32) | Integer.toUnsignedLong(readInt(12));
        if (boxSize < 16) {
          problem =
              "box '" + printable(lastType) + "' at byte " + boxStart + " has size " + boxSize;
        } else {
          remaining = boxSize - 16;
          headerFill = 0;
        }
      }
    }
  }

  /** Why the bytes seen are not a whole MP4, or null when they are. */
  @Nullable String problem() {
    if (problem != null) {
      return problem;
    }
    if (!lastBoxToEnd && (headerFill != 0 || remaining != 0)) {
      return "its box '"
          + printable(lastType)
          + "' at byte "
          + boxStart
          + " announces "
          + boxSize
          + " bytes but the file ends after "
          + (offset - boxStart);
    }
    if (!moov) {
      return "it has no 'moov' box (the index a player needs)";
    }
    return null;
  }

  private int readInt(int at) {
    return ((header[at] & 0xff) << 24)
        | ((header[at + 1] & 0xff) << 16)
        | ((header[at + 2] & 0xff) << 8)
        | (header[at + 3] & 0xff);
  }

  private static String printable(String type) {
    return type.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
