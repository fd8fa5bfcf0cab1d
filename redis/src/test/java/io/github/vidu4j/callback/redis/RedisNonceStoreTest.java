package io.github.vidu4j.callback.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.RedisClient;

/** Against a real redis-server on loopback: shared replay protection, a restart, an outage. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RedisNonceStoreTest {
  private static final String SECRET = "vda_redis_test_secret";
  private static final String URL = "https://hooks.example.com/vidu/callback?tenant=acme";
  private static final byte[] BODY =
      "{\"id\":\"t-1\",\"state\":\"success\"}".getBytes(StandardCharsets.UTF_8);

  private LocalRedisServer server;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void startRedis() throws Exception {
    server = LocalRedisServer.start();
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private RedisNonceStore store() {
    return store(RedisNonceStore.builder().host("127.0.0.1").port(server.port()));
  }

  private RedisNonceStore store(RedisNonceStore.Builder builder) {
    RedisNonceStore store = builder.build();
    toClose.add(store);
    return store;
  }

  private static CallbackVerifier verifier(RedisNonceStore store) {
    return CallbackVerifier.builder().secret(SECRET).callbackUrl(URL).nonceStore(store).build();
  }

  private static CallbackRequest callback(String nonce) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    CallbackSigner.withSecret(SECRET)
        .sign("POST", URL, Instant.now(), nonce)
        .forEach((k, v) -> headers.put(k, List.of(v)));
    return CallbackRequest.of("POST", URL, headers, BODY);
  }

  private static Reason refusal(CallbackVerifier verifier, CallbackRequest request) {
    try {
      verifier.verify(request);
    } catch (InvalidSignatureException e) {
      return e.reason();
    }
    throw new AssertionError("accepted");
  }

  /**
   * Two receiver instances (each its own pool, as two processes would be), 8 threads, 200 callbacks
   * each raced by all 8.
   */
  @Test
  void twoInstancesAcceptEachNonceExactlyOnceUnderConcurrentDelivery() throws Exception {
    CallbackVerifier instanceA = verifier(store());
    CallbackVerifier instanceB = verifier(store());
    int callbacks = 200;
    int threads = 8;
    List<CallbackRequest> requests = new ArrayList<>();
    for (int i = 0; i < callbacks; i++) {
      requests.add(callback("race-" + i + "-" + System.nanoTime()));
    }
    Map<Integer, AtomicInteger> accepted = new ConcurrentHashMap<>();
    AtomicInteger replayed = new AtomicInteger();
    List<Reason> otherRefusals = java.util.Collections.synchronizedList(new ArrayList<>());
    CyclicBarrier together = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        CallbackVerifier verifier = t % 2 == 0 ? instanceA : instanceB;
        workers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < callbacks; i++) {
                    together.await(30, TimeUnit.SECONDS);
                    try {
                      verifier.verify(requests.get(i));
                      accepted.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet();
                    } catch (InvalidSignatureException e) {
                      if (e.reason() == Reason.REPLAYED) {
                        replayed.incrementAndGet();
                      } else {
                        otherRefusals.add(e.reason());
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get(90, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(otherRefusals).isEmpty();
    assertThat(accepted).hasSize(callbacks);
    assertThat(accepted.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    assertThat(replayed.get()).isEqualTo(callbacks * (threads - 1));
  }

  @Test
  void keysCarryThePrefixAndTheVerifiersWindowAsTtl() {
    RedisNonceStore store =
        store(
            RedisNonceStore.builder()
                .host("127.0.0.1")
                .port(server.port())
                .keyPrefix("shop-a:nonce:"));
    CallbackVerifier verifier =
        CallbackVerifier.builder()
            .secret(SECRET)
            .nonceStore(store)
            .maxAge(Duration.ofMinutes(3))
            .maxFutureSkew(Duration.ofSeconds(30))
            .build();
    verifier.verify(callback("ttl-probe"));
    String longNonce = "x".repeat(500);
    verifier.verify(callback(longNonce));
    try (RedisClient direct = RedisClient.create("127.0.0.1", server.port())) {
      long ttl = direct.pttl("shop-a:nonce:ttl-probe");
      assertThat(ttl)
          .isBetween(Duration.ofSeconds(200).toMillis(), Duration.ofSeconds(210).toMillis());
      assertThat(direct.keys("shop-a:nonce:*"))
          .hasSize(2)
          .allSatisfy(
              key ->
                  assertThat(key.length())
                      .isLessThanOrEqualTo("shop-a:nonce:sha256:".length() + 64))
          .noneMatch(key -> key.contains(longNonce));
    }
    // Another prefix is another application: its callbacks are not refused by the first one's keys.
    CallbackVerifier other =
        verifier(store(RedisNonceStore.builder().host("127.0.0.1").port(server.port())));
    assertThat(other.verify(callback("ttl-probe")).replayChecked()).isTrue();
  }

  /**
   * A restart with no persistence: the store reconnects by itself and verification goes on, but
   * nonces seen before are forgotten, so one of them replayed within its window is accepted again.
   */
  @Test
  void aRestartIsSurvivedButForgetsTheNoncesSeenBefore() throws Exception {
    CallbackVerifier verifier = verifier(store());
    CallbackRequest before = callback("before-restart");
    for (int i = 0; i < 5; i++) {
      verifier.verify(callback("warm-" + i));
    }
    verifier.verify(before);
    assertThat(refusal(verifier, before)).isEqualTo(Reason.REPLAYED);

    server.restart();

    VerifiedCallback after = verifier.verify(callback("after-restart"));
    assertThat(after.replayChecked()).isTrue();
    for (int i = 0; i < 20; i++) {
      assertThat(verifier.verify(callback("after-" + i)).replayChecked()).isTrue();
    }
    assertThat(refusal(verifier, callback("after-restart"))).isEqualTo(Reason.REPLAYED);
    // Documented limit: without AOF the restart lost "before-restart".
    assertThat(verifier.verify(before).replayChecked()).isTrue();
  }

  @Test
  void anOutageRefusesTypedAndFailOpenAcceptsSayingSo() throws Exception {
    RedisNonceStore store = store();
    CallbackVerifier failClosed = verifier(store);
    CallbackVerifier failOpen =
        CallbackVerifier.builder()
            .secret(SECRET)
            .nonceStore(store)
            .failOpenWhenNonceStoreFails()
            .build();
    failClosed.verify(callback("before-outage"));

    server.stop();

    InvalidSignatureException refused = null;
    try {
      failClosed.verify(callback("during-outage"));
    } catch (InvalidSignatureException e) {
      refused = e;
    }
    assertThat(refused).isNotNull();
    assertThat(refused.reason()).isEqualTo(Reason.NONCE_STORE_UNAVAILABLE);
    assertThat(refused.getCause())
        .isInstanceOf(RedisUnavailableException.class)
        .hasMessageContaining("127.0.0.1:" + server.port());
    assertThat(refused).hasMessageNotContaining(SECRET);

    VerifiedCallback accepted = failOpen.verify(callback("during-outage-open"));
    assertThat(accepted.replayChecked()).isFalse();
    // Fail-open is about the store only: a forged callback is still refused.
    CallbackRequest forged =
        CallbackRequest.of(
            "POST",
            URL,
            Map.of(
                "Date",
                List.of(CallbackSigner.withSecret("other").sign(URL).get("Date")),
                "x-request-nonce",
                List.of("forged"),
                "X-HMAC-SIGNED-HEADERS",
                List.of("Date;x-request-nonce"),
                "X-HMAC-SIGNATURE",
                List.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
                "X-HMAC-ALGORITHM",
                List.of("hmac-sha256"),
                "X-HMAC-ACCESS-KEY",
                List.of("vidu")),
            BODY);
    assertThat(refusal(failOpen, forged)).isEqualTo(Reason.BAD_SIGNATURE);

    server.restart();
    assertThat(failClosed.verify(callback("after-outage")).replayChecked()).isTrue();
  }

  @Test
  void thePasswordIsUsedButNeverShown() throws Exception {
    server.close();
    server = LocalRedisServer.start("--requirepass", "s3cret-redis-pw");
    RedisNonceStore good =
        store(
            RedisNonceStore.builder()
                .host("127.0.0.1")
                .port(server.port())
                .password("s3cret-redis-pw"));
    RedisNonceStore wrong =
        store(
            RedisNonceStore.builder()
                .host("127.0.0.1")
                .port(server.port())
                .password("not-the-pw-123"));
    assertThat(good.markIfNew("n-1", Instant.now(), Duration.ofMinutes(1))).isTrue();
    assertThat(good.markIfNew("n-1", Instant.now(), Duration.ofMinutes(1))).isFalse();
    assertThatThrownBy(() -> wrong.markIfNew("n-2", Instant.now(), Duration.ofMinutes(1)))
        .isInstanceOf(RedisUnavailableException.class)
        .hasMessageNotContaining("not-the-pw-123");
    assertThat(good.toString()).contains("password=<redacted>").doesNotContain("s3cret-redis-pw");
    assertThat(RedisNonceStore.builder().password("s3cret-redis-pw").toString())
        .doesNotContain("s3cret-redis-pw");
  }

  @Test
  void aClosedStoreThrowsTyped() {
    RedisNonceStore store = RedisNonceStore.builder().host("127.0.0.1").port(server.port()).build();
    store.close();
    assertThatThrownBy(() -> store.markIfNew("n", Instant.now(), Duration.ofSeconds(1)))
        .isInstanceOf(RedisUnavailableException.class);
  }
}
