package io.github.vidu4j.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Holds output back to line ends and replaces every registered secret before it reaches the
 * terminal. The library already keeps keys out of its messages; this makes the CLI's promise ("the
 * key never appears in any output") independent of every message being written right.
 */
final class RedactingWriter extends Writer {
  private static final String MASK = "<redacted>";
  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private final Writer target;
  private final StringBuilder pending = new StringBuilder();

  RedactingWriter(Writer target) {
    this.target = target;
  }

  /**
   * Shortest secret masked wherever it appears. A shorter one would mask ordinary text: the secret
   * {@code vidu} turned {@code X-HMAC-ACCESS-KEY: vidu} into {@code <redacted>}. Short secrets are
   * still never printed: the CLI does not echo secrets, and the parser quotes only values it
   * rejects, which are not secrets.
   */
  static final int MIN_MASKED_LENGTH = 8;

  /** Masks {@code secret} from now on, if it has at least {@link #MIN_MASKED_LENGTH} characters. */
  void register(String secret) {
    if (secret.length() >= MIN_MASKED_LENGTH && !secrets.contains(secret)) {
      secrets.add(secret);
    }
  }

  private String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  @Override
  public synchronized void write(char[] buffer, int offset, int length) throws IOException {
    pending.append(buffer, offset, length);
    int newline = pending.lastIndexOf("\n");
    if (newline >= 0) {
      target.write(redact(pending.substring(0, newline + 1)));
      pending.delete(0, newline + 1);
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    if (pending.length() > 0) {
      target.write(redact(pending.toString()));
      pending.setLength(0);
    }
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    flush();
    target.close();
  }
}
