package io.github.vidu4j.benchmarks;

import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.callback.redis.RedisNonceStore;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.testing.LocalRedisServer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * {@link VerifyBenchmark}'s callbacks verified with the nonce kept in a real local {@code
 * redis-server} (started here on a free loopback port, no persistence) through {@link
 * RedisNonceStore}, against the same checks by hand with one Jedis {@code SET NX PX}. Compare
 * {@code oursVerifyWithRedis} with {@code VerifyBenchmark.oursVerify} (in-memory store) for what
 * Redis costs per verify. The database is flushed every {@value VerifyBenchmark#RING} calls, when
 * the nonces come round again. Needs {@code redis-server} on the PATH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerifyRedisBenchmark {
  private final VerifyBenchmark callbacks = new VerifyBenchmark();
  private LocalRedisServer redis;
  private RedisNonceStore store;
  private RedisClient storeClient;
  private RedisClient rawClient;
  private CallbackVerifier verifier;
  private final SetParams rawSet = SetParams.setParams().nx().px(360_000);
  private int nextOurs;
  private int nextRaw;

  @Setup
  public void setUp() throws Exception {
    callbacks.setUp();
    redis = LocalRedisServer.start();
    storeClient =
        RedisClient.builder()
            .hostAndPort("127.0.0.1", redis.port())
            .clientConfig(RedisNonceStore.clientConfig().build())
            .poolConfig(RedisNonceStore.poolConfig())
            .build();
    store = RedisNonceStore.builder(storeClient).build();
    rawClient = RedisClient.create("127.0.0.1", redis.port());
    verifier =
        CallbackVerifier.builder()
            .secret(VerifyBenchmark.SECRET)
            .clock(Clock.fixed(VerifyBenchmark.NOW, ZoneOffset.UTC))
            .callbackUrl(VerifyBenchmark.URL)
            .nonceStore(store)
            .build();
  }

  @TearDown
  public void tearDown() throws java.io.IOException {
    if (store != null) {
      store.close();
    }
    if (storeClient != null) {
      storeClient.close();
    }
    if (rawClient != null) {
      rawClient.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private Map<String, List<String>> next(boolean ours) {
    int i = ours ? nextOurs++ : nextRaw++;
    if (i == VerifyBenchmark.RING) {
      rawClient.flushDB();
      i = 0;
      if (ours) {
        nextOurs = 1;
      } else {
        nextRaw = 1;
      }
    }
    return callbacks.requests().get(i);
  }

  @Benchmark
  public VerifiedCallback oursVerifyWithRedis() {
    return verifier.verify(
        CallbackRequest.of("POST", VerifyBenchmark.URL, next(true), callbacks.body()));
  }

  @Benchmark
  public TaskCreations rawVerifyWithRedis() {
    return callbacks.raw(
        next(false), nonce -> "OK".equals(rawClient.set("raw:" + nonce, "1", rawSet)));
  }
}
