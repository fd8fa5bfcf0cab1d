package io.github.vidu4j.callback.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.redis.readme.SharedReplayProtection;
import io.github.vidu4j.testing.LocalRedisServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's several-instances example, against a real redis-server on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadmeSharedReplayProtectionTest {
  private static final String KEY = "vda_readme_redis_key";
  private static final String URL = "https://hooks.example.com/vidu/callback";

  @Test
  void twoInstancesAcceptADeliveryOnceAndAnswer503WhileRedisIsDown() throws Exception {
    try (LocalRedisServer redis = LocalRedisServer.start();
        RedisNonceStore first = SharedReplayProtection.nonces("127.0.0.1", redis.port());
        RedisNonceStore second = SharedReplayProtection.nonces("127.0.0.1", redis.port())) {
      CallbackVerifier one = SharedReplayProtection.verifier(KEY, first);
      CallbackVerifier other = SharedReplayProtection.verifier(KEY, second);

      assertThat(SharedReplayProtection.status(one, delivery(KEY, "n-1"))).isEqualTo(200);
      assertThat(SharedReplayProtection.status(other, delivery(KEY, "n-1")))
          .as("replayed at another instance")
          .isEqualTo(401);
      assertThat(SharedReplayProtection.status(other, delivery("stranger", "n-2")))
          .as("forged")
          .isEqualTo(401);

      redis.stop();
      assertThat(SharedReplayProtection.status(one, delivery(KEY, "n-3")))
          .as("genuine, Redis down")
          .isEqualTo(503);
      assertThat(SharedReplayProtection.status(one, delivery("stranger", "n-4")))
          .as("forged, Redis down")
          .isEqualTo(401);
    }
  }

  private static CallbackRequest delivery(String signingKey, String nonce) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    CallbackSigner.withSecret(signingKey)
        .sign("POST", URL, Instant.now(), nonce)
        .forEach((name, value) -> headers.put(name, List.of(value)));
    return CallbackRequest.of(
        "POST",
        URL,
        headers,
        "{\"id\":\"t-1\",\"state\":\"success\"}".getBytes(StandardCharsets.UTF_8));
  }
}
