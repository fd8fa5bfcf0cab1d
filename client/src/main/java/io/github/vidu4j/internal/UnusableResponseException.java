package io.github.vidu4j.internal;

import java.io.IOException;

/**
 * Thrown while converting a 2xx body that cannot be used (too large, malformed framing), for {@link
 * RetryingExecutor} to turn into a {@link io.github.vidu4j.core.ViduResponseException} naming the
 * operation, which the converter does not know. An {@code IOException} because Retrofit converters
 * may throw only those unwrapped; its message quotes nothing from the body.
 */
final class UnusableResponseException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The size limit that was exceeded, or 0 when the body is unusable for another reason. */
  final long limitBytes;

  private UnusableResponseException(String message, long limitBytes) {
    super(message);
    this.limitBytes = limitBytes;
  }

  static UnusableResponseException tooLarge(long limitBytes, long declaredLength) {
    String size =
        declaredLength > limitBytes
            ? "Content-Length " + declaredLength + " bytes"
            : "the body went on";
    return new UnusableResponseException(
        size + " beyond the limit of " + limitBytes + " bytes (maxResponseBytes)", limitBytes);
  }

  static UnusableResponseException malformed(String what) {
    return new UnusableResponseException(what, 0);
  }
}
