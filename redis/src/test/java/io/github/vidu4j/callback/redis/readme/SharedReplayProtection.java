package io.github.vidu4j.callback.redis.readme;

import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import io.github.vidu4j.callback.redis.RedisNonceStore;
import redis.clients.jedis.RedisClient;

public final class SharedReplayProtection {
  /** One pooled client and store per process (thread-safe); close the client on shutdown. */
  public static RedisNonceStore nonces(String redisHost, int redisPort) {
    RedisClient redis =
        RedisClient.builder()
            .hostAndPort(redisHost, redisPort)
            // Credentials, TLS, database: RedisNonceStore.clientConfig().password(...).ssl(true)
            .clientConfig(RedisNonceStore.clientConfig().build())
            .poolConfig(RedisNonceStore.poolConfig())
            .build();
    // Refuses a Redis that may evict nonces (maxmemory-policy other than noeviction).
    return RedisNonceStore.builder(redis).build();
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
