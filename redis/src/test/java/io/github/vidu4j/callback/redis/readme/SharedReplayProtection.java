package io.github.vidu4j.callback.redis.readme;

import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import io.github.vidu4j.callback.redis.RedisNonceStore;

public final class SharedReplayProtection {
  /** One store per process (thread-safe, pooled); close() it on shutdown. Add .password(...), .ssl(true) as needed. */
  public static RedisNonceStore nonces(String redisHost, int redisPort) {
    return RedisNonceStore.builder().host(redisHost).port(redisPort).build();
  }

  public static CallbackVerifier verifier(String apiKey, RedisNonceStore nonces) {
    return CallbackVerifier.builder().secret(apiKey).nonceStore(nonces).build();
  }

  /** The status to answer a delivery with. */
  public static int status(CallbackVerifier verifier, CallbackRequest request) {
    try {
      verifier.verify(request);
      return 200;
    } catch (InvalidSignatureException e) {
      // Redis did not answer: the callback may be genuine, so ask for it again rather than refuse it.
      return e.reason() == Reason.NONCE_STORE_UNAVAILABLE ? 503 : 401;
    }
  }
}
