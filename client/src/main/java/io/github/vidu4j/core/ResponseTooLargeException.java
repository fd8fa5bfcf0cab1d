package io.github.vidu4j.core;

/**
 * A 2xx answer was longer than {@code ViduClient.Builder#maxResponseBytes}, or a result file longer
 * than {@code ViduClient.Builder#maxDownloadBytes}. Reading stopped at the limit (counted while
 * streaming and after decoding, whatever {@code Content-Length} claimed; a {@code Content-Length}
 * beyond it is refused before reading), so the body was never held in memory nor saved. Not
 * retried: the same request would get the same answer. Callers catch it to tell a too-long answer
 * from an unreadable one.
 */
public final class ResponseTooLargeException extends ViduResponseException {
  private static final long serialVersionUID = 1L;

  private final long limitBytes;

  /** Creates the exception; vidu4j builds these, users need this only in tests. */
  public ResponseTooLargeException(String operation, String message, long limitBytes) {
    super(operation, message);
    this.limitBytes = limitBytes;
  }

  /** The limit that was exceeded, in bytes. */
  public long limitBytes() {
    return limitBytes;
  }
}
