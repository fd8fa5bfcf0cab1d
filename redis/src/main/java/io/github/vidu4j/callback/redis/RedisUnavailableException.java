package io.github.vidu4j.callback.redis;

import io.github.vidu4j.core.ViduException;

/**
 * Redis did not answer a nonce check: unreachable, timed out, refused the credentials, or the store
 * is closed. {@link io.github.vidu4j.callback.CallbackVerifier} turns it into {@code
 * InvalidSignatureException} with reason {@code NONCE_STORE_UNAVAILABLE} (or accepts, if built
 * fail-open). The message names the server and the failure, never the password or a nonce.
 */
public final class RedisUnavailableException extends ViduException {
  private static final long serialVersionUID = 1L;

  RedisUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
