package io.github.vidu4j.core;

/**
 * A callback failed verification: answer it with 401 and do not act on it. {@link #reason()} says
 * which check failed; the message names the header or value involved, never a secret. Receivers
 * catch it; {@code vidu4j-redis}, {@code vidu4j-slf4j} and the CLI's {@code callback verify} read
 * its reason.
 */
public final class InvalidSignatureException extends ViduException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /** A signature header is absent (or a header listed in {@code X-HMAC-SIGNED-HEADERS}). */
    MISSING_HEADER,
    /** A header is present but unreadable: a bad date, bad base64, or repeated. */
    MALFORMED_HEADER,
    /** {@code X-HMAC-ALGORITHM} is not {@code hmac-sha256}. */
    UNSUPPORTED_ALGORITHM,
    /** {@code X-HMAC-ACCESS-KEY} is not {@code vidu}. */
    WRONG_ACCESS_KEY,
    /**
     * {@code Date} or {@code x-request-nonce} is not among the signed headers, so it could be
     * swapped.
     */
    UNSIGNED_REQUIRED_HEADER,
    /** {@code Date} is older than the verifier's max age. */
    STALE,
    /** {@code Date} is further ahead than the verifier's max future skew. */
    FROM_FUTURE,
    /** The signature matches none of the configured secrets. */
    BAD_SIGNATURE,
    /** The nonce was already seen within the max age. */
    REPLAYED,
    /** The signature is good but the body is not the task JSON. */
    MALFORMED_BODY,
    /**
     * The signature is good but the {@code NonceStore} could not say whether the nonce is new (it
     * threw; {@link #getCause()} is its exception), so a replay cannot be ruled out. Answer 503
     * rather than 401: the callback may be genuine and Vidu retries undelivered {@code success} and
     * {@code failed} callbacks. Not thrown by a verifier built with {@code
     * CallbackVerifier.Builder#failOpenWhenNonceStoreFails()}.
     */
    NONCE_STORE_UNAVAILABLE
  }

  private final Reason reason;

  /** Creates the exception; the message must not contain a secret. */
  public InvalidSignatureException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  /** Creates the exception with the failure that caused it; neither may contain a secret. */
  public InvalidSignatureException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  /** Which check failed. */
  public Reason reason() {
    return reason;
  }
}
