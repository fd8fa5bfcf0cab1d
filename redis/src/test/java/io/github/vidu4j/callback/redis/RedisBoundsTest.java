package io.github.vidu4j.callback.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import io.github.vidu4j.testing.LocalRedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Against a real redis-server on loopback: a server that may evict nonces is refused, and a check
 * that timed out while its SET still ran does not cost Vidu's redelivery its acceptance.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RedisBoundsTest {
  private static final String SECRET = "vda_redis_bounds_secret";
  private static final String URL = "https://hooks.example.com/vidu/callback";

  private LocalRedisServer server;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void startRedis() throws Exception {
    // DEBUG SLEEP stands for a stalled Redis; Redis 7 allows DEBUG only when enabled.
    server = LocalRedisServer.start("--enable-debug-command", "local");
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
    server.close();
  }

  private RedisClient client(JedisClientConfig config) {
    RedisClient client =
        RedisClient.builder()
            .hostAndPort("127.0.0.1", server.port())
            .clientConfig(config)
            .poolConfig(RedisNonceStore.poolConfig())
            .build();
    toClose.add(client);
    return client;
  }

  private RedisClient client() {
    return client(RedisNonceStore.clientConfig().build());
  }

  private RedisNonceStore track(RedisNonceStore store) {
    toClose.add(store);
    return store;
  }

  private static CallbackRequest callback(String nonce) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    CallbackSigner.withSecret(SECRET)
        .sign("POST", URL, Instant.now(), nonce)
        .forEach((k, v) -> headers.put(k, List.of(v)));
    return CallbackRequest.of(
        "POST", URL, headers, "{\"id\":\"t-1\"}".getBytes(StandardCharsets.UTF_8));
  }

  private static Reason refusal(CallbackVerifier verifier, CallbackRequest request) {
    try {
      verifier.verify(request);
    } catch (InvalidSignatureException e) {
      return e.reason();
    }
    throw new AssertionError("accepted");
  }

  /** The probe's policies: replays accepted up to 200/200 once Redis filled up. */
  @ParameterizedTest
  @ValueSource(strings = {"volatile-lru", "volatile-ttl", "allkeys-lru", "allkeys-random"})
  void aServerThatMayEvictIsRefusedNamingTheSettingAndItsValue(String policy) {
    RedisClient redis = client();
    redis.configSet("maxmemory-policy", policy);

    assertThatThrownBy(() -> track(RedisNonceStore.builder(redis).build()))
        .isInstanceOf(RedisEvictionPolicyException.class)
        .hasMessageContaining("maxmemory-policy " + policy)
        .hasMessageContaining("noeviction")
        .hasMessageContaining("allowEvictionPolicy()")
        .satisfies(e -> assertThat(((RedisEvictionPolicyException) e).policy()).isEqualTo(policy));

    RedisNonceStore accepted = track(RedisNonceStore.builder(redis).allowEvictionPolicy().build());
    assertThat(accepted.markIfNew("n-1", Instant.now(), Duration.ofMinutes(1))).isTrue();
  }

  @Test
  void noevictionIsAccepted() {
    RedisNonceStore store = track(RedisNonceStore.builder(client()).build());
    assertThat(store.markIfNew("n-1", Instant.now(), Duration.ofMinutes(1))).isTrue();
    assertThat(store.markIfNew("n-1", Instant.now(), Duration.ofMinutes(1))).isFalse();
  }

  @Test
  void aServerUnreachableAtBuildIsCheckedByTheFirstCheck() throws Exception {
    server.stop();
    RedisClient redis = client();
    RedisNonceStore store = track(RedisNonceStore.builder(redis).build());
    server.restart();
    redis.configSet("maxmemory-policy", "volatile-lru");

    assertThatThrownBy(() -> store.markIfNew("n-1", Instant.now(), Duration.ofMinutes(1)))
        .isInstanceOf(RedisEvictionPolicyException.class)
        .hasMessageContaining("maxmemory-policy volatile-lru");
    assertThat(redis.exists(RedisNonceStore.DEFAULT_KEY_PREFIX + "n-1")).isFalse();
  }

  /**
   * The probe's stall: Redis busy longer than the command timeout, then the SET runs anyway. The
   * callback was refused (503, NONCE_STORE_UNAVAILABLE); Vidu's redelivery of it was then refused
   * as REPLAYED and lost.
   */
  @Test
  void aCheckThatTimedOutWhileItsSetStillRanGivesTheNonceBackForTheRedelivery() throws Exception {
    RedisNonceStore store =
        track(
            RedisNonceStore.builder(
                    client(RedisNonceStore.clientConfig().socketTimeoutMillis(300).build()))
                .build());
    CallbackVerifier verifier =
        CallbackVerifier.builder().secret(SECRET).callbackUrl(URL).nonceStore(store).build();
    CallbackRequest delivery = callback("stalled-" + System.nanoTime());

    CompletableFuture<String> stall = stallRedis(Duration.ofMillis(1500));
    assertThat(refusal(verifier, delivery)).isEqualTo(Reason.NONCE_STORE_UNAVAILABLE);
    assertThat(stall.get(30, TimeUnit.SECONDS)).startsWith("+OK");
    awaitNoPendingRelease(store);

    assertThat(verifier.verify(delivery).replayChecked())
        .as("the redelivery is accepted once")
        .isTrue();
    assertThat(refusal(verifier, delivery))
        .as("and replays of it are refused")
        .isEqualTo(Reason.REPLAYED);
  }

  /**
   * Starts {@code DEBUG SLEEP} on a connection of its own and returns once Redis is seen busy (a
   * PING with a short timeout gets no answer).
   */
  private CompletableFuture<String> stallRedis(Duration length) throws Exception {
    RedisClient probe = client(RedisNonceStore.clientConfig().socketTimeoutMillis(100).build());
    String command = "DEBUG SLEEP " + length.toMillis() / 1000.0 + "\r\n";
    CompletableFuture<String> stall =
        CompletableFuture.supplyAsync(
            () -> {
              // A bare socket: the command is all this connection is for.
              try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(command.getBytes(StandardCharsets.US_ASCII));
                byte[] reply = new byte[256];
                int n = socket.getInputStream().read(reply);
                return n <= 0 ? "" : new String(reply, 0, n, StandardCharsets.US_ASCII);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < giveUp) {
      try {
        probe.ping();
      } catch (JedisConnectionException busy) {
        return stall;
      }
      if (stall.isDone()) {
        throw new AssertionError("DEBUG SLEEP ended before Redis was seen busy: " + stall.get());
      }
    }
    throw new AssertionError("Redis was never seen busy");
  }

  private static void awaitNoPendingRelease(RedisNonceStore store) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (store.pendingReleases() > 0 && System.nanoTime() < giveUp) {
      Thread.sleep(10);
    }
    assertThat(store.pendingReleases()).as("the release reached Redis").isZero();
  }
}
