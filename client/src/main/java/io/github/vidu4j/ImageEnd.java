package io.github.vidu4j;

/**
 * Walks an image's structure as its bytes pass, to tell whether its real end went by: the last two
 * bytes alone cannot, since a JPEG's {@code APP1} segment may hold a whole thumbnail JPEG (ending
 * in {@code FFD9} too) and a PNG's text chunk may hold the bytes of an {@code IEND} chunk. A body
 * cut right after either would look whole. Segment and chunk bodies are skipped by their declared
 * lengths; only a JPEG's entropy-coded scan data is read byte by byte (for the next marker).
 */
abstract class ImageEnd {
  /** Whether the top-level end marker ({@code EOI}, the {@code IEND} chunk) has gone by. */
  abstract boolean ended();

  abstract void update(byte[] bytes, int offset, int length);

  static ImageEnd jpeg() {
    return new Jpeg();
  }

  static ImageEnd png() {
    return new Png();
  }

  /**
   * JPEG: {@code FFD8}, then markers; those with a length are skipped by it; after {@code SOS} the
   * scan data runs to the next marker other than {@code FF00} (a stuffed byte) and {@code RSTn}.
   */
  private static final class Jpeg extends ImageEnd {
    private static final int SOI_FF = 0;
    private static final int SOI_D8 = 1;
    private static final int MARKER_FF = 2;
    private static final int MARKER_CODE = 3;
    private static final int LENGTH_HIGH = 4;
    private static final int LENGTH_LOW = 5;
    private static final int SKIP = 6;
    private static final int SCAN = 7;
    private static final int SCAN_FF = 8;
    private static final int ENDED = 9;
    private static final int NOT_JPEG = 10;

    private int state = SOI_FF;
    private boolean startOfScan;
    private int lengthHigh;
    private long skip;

    @Override
    boolean ended() {
      return state == ENDED;
    }

    @Override
    void update(byte[] bytes, int offset, int length) {
      int end = offset + length;
      for (int i = offset; i < end && state < ENDED; i++) {
        if (state == SKIP) {
          long n = Math.min(skip, end - i);
          skip -= n;
          i += (int) n - 1;
          if (skip == 0) {
            state = startOfScan ? SCAN : MARKER_FF;
          }
          continue;
        }
        if (state == SCAN) {
          // The hot loop of a long scan: straight to the next 0xFF.
          while (i < end && bytes[i] != (byte) 0xff) {
            i++;
          }
          if (i < end) {
            state = SCAN_FF;
          }
          continue;
        }
        step(bytes[i] & 0xff);
      }
    }

    private void step(int b) {
      switch (state) {
        case SOI_FF -> state = b == 0xff ? SOI_D8 : NOT_JPEG;
        case SOI_D8 -> state = b == 0xd8 ? MARKER_FF : NOT_JPEG;
        case MARKER_FF -> state = b == 0xff ? MARKER_CODE : NOT_JPEG;
        case MARKER_CODE -> marker(b);
        case LENGTH_HIGH -> {
          lengthHigh = b;
          state = LENGTH_LOW;
        }
        case LENGTH_LOW -> {
          int segment = lengthHigh << 8 | b;
          if (segment < 2) {
            state = NOT_JPEG;
          } else {
            skip = segment - 2L;
            state = skip == 0 ? (startOfScan ? SCAN : MARKER_FF) : SKIP;
          }
        }
        case SCAN_FF -> {
          if (b == 0x00 || (b >= 0xd0 && b <= 0xd7)) {
            state = SCAN;
          } else if (b != 0xff) {
            marker(b);
          }
        }
        default -> throw new IllegalStateException("state " + state);
      }
    }

    private void marker(int code) {
      if (code == 0xff) {
        return; // fill bytes before a marker
      }
      if (code == 0xd9) {
        state = ENDED;
      } else if (code == 0x01 || (code >= 0xd0 && code <= 0xd8)) {
        state = MARKER_FF; // markers without a length
      } else {
        startOfScan = code == 0xda;
        state = LENGTH_HIGH;
      }
    }
  }

  /** PNG: the 8-byte signature, then chunks of length, type, data and CRC, up to {@code IEND}. */
  private static final class Png extends ImageEnd {
    private static final int SIGNATURE_LENGTH = 8;

    private final byte[] header = new byte[8];
    private int headerFilled;
    private long skip = SIGNATURE_LENGTH;
    private boolean lastChunk;
    private boolean ended;

    @Override
    boolean ended() {
      return ended;
    }

    @Override
    void update(byte[] bytes, int offset, int length) {
      int i = offset;
      int end = offset + length;
      while (i < end && !ended) {
        if (skip > 0) {
          long n = Math.min(skip, end - i);
          skip -= n;
          i += (int) n;
          if (skip == 0 && lastChunk) {
            ended = true;
          }
          continue;
        }
        header[headerFilled++] = bytes[i++];
        if (headerFilled == header.length) {
          headerFilled = 0;
          long dataLength =
              (header[0] & 0xffL) << 24
                  | (header[1] & 0xffL) << 16
                  | (header[2] & 0xffL) << 8
                  | (header[3] & 0xffL);
          lastChunk = header[4] == 'I' && header[5] == 'E' && header[6] == 'N' && header[7] == 'D';
          skip = dataLength + 4; // the data, then the CRC
        }
      }
    }
  }
}
