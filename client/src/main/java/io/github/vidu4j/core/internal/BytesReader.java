package io.github.vidu4j.core.internal;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Characters decoded from a byte array straight into the reader's buffer: a response is parsed from
 * its bytes without first becoming a {@code String}. Malformed bytes read as U+FFFD, as {@code new
 * String(bytes, charset)} reads them.
 */
final class BytesReader extends Reader {
  private final ByteBuffer in;
  private final CharsetDecoder decoder;
  private boolean flushed;

  BytesReader(byte[] bytes, Charset charset) {
    this.in = ByteBuffer.wrap(bytes);
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  @Override
  public int read(char[] chars, int off, int len) {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(chars, off, len);
    if (!flushed) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        // All input decoded; a decoder may still hold the end of a sequence.
        if (decoder.flush(out).isUnderflow()) {
          flushed = true;
        }
      }
    }
    int count = out.position() - off;
    return count == 0 && flushed ? -1 : count;
  }

  @Override
  public void close() {}
}
