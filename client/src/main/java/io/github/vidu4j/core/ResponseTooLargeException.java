package io.github.vidu4j.core;

/**
 * A 2xx answer was longer than {@code ViduClient.Builder#maxResponseBytes}. Reading stopped at the
 * limit (counted while streaming, whatever {@code Content-Length} claimed), so the body was never
 * held in memory. Not retried: the same request would get the same answer.
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
