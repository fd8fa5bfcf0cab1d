package io.github.vidu4j.core;

import java.util.OptionalLong;

/**
 * A download answered 200 but its body is not a whole file: fewer (or more) bytes than its {@code
 * Content-Length}, no bytes at all, or, where the server gave no length and closed the connection
 * to end the body, an image without its format's own end (PNG's {@code IEND} chunk, JPEG's {@code
 * FFD9} marker, WebP's RIFF size). Nothing was saved under the final name. Result URLs stay valid
 * for a while: downloading again usually works. Callers of {@code Downloads} catch it ({@code
 * vidu4j-batch}'s {@code TaskFiles} reports it per file).
 */
public final class IncompleteDownloadException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final long received;
  private final long expected;

  /**
   * Creates the exception; vidu4j builds these, users need this only in tests.
   *
   * @param expected the announced length in bytes, or -1 if none was announced
   */
  public IncompleteDownloadException(String message, long received, long expected) {
    super(message);
    this.received = received;
    this.expected = expected;
  }

  /** The bytes received. */
  public long received() {
    return received;
  }

  /** The bytes the response's {@code Content-Length} announced, if it did. */
  public OptionalLong expected() {
    return expected < 0 ? OptionalLong.empty() : OptionalLong.of(expected);
  }
}
