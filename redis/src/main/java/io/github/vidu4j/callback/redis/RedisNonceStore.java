package io.github.vidu4j.callback.redis;

import io.github.vidu4j.callback.NonceStore;
import io.github.vidu4j.core.InvalidSettingException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.SetParams;

/**
 * A {@link NonceStore} over Redis, so that every receiver instance behind a load balancer refuses a
 * callback another one already accepted. Thread-safe; build one per process over your Jedis client
 * and share it. Connection settings (host, port, TLS, user, password, database, timeouts, pool) are
 * Jedis's own; {@link #clientConfig()} and {@link #poolConfig()} start them at this store's bounds:
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.builder()
 *     .hostAndPort("redis.internal", 6379)
 *     .clientConfig(RedisNonceStore.clientConfig().password(System.getenv("REDIS_PASSWORD")).build())
 *     .poolConfig(RedisNonceStore.poolConfig())
 *     .build();
 * RedisNonceStore nonces = RedisNonceStore.builder(redis).build();
 * CallbackVerifier verifier = CallbackVerifier.builder().secret(apiKey).nonceStore(nonces).build();
 * }</pre>
 *
 * <p><b>The server must not evict:</b> {@link Builder#build()} reads {@code maxmemory-policy} and
 * refuses anything but {@code noeviction} with a {@link RedisEvictionPolicyException}: under any
 * other policy a full Redis drops nonces silently and their replays are accepted ({@code
 * volatile-lru}, a common managed default, evicts exactly the keys with a TTL: the nonces). If
 * Redis cannot be reached at build time, the first check reads it instead. {@link
 * Builder#allowEvictionPolicy()} opts out. A policy changed later is not noticed.
 *
 * <p><b>One round trip per check:</b> {@code SET <keyPrefix><nonce> <token> NX PX <ttl>}, with a
 * random token per check; {@code OK} means new. Only when the key exists does a second round trip
 * (a short script) tell a genuine mark (seen: a replay) from a released one (below). The TTL is the
 * one the verifier passes, its whole date window ({@code maxAge + maxFutureSkew}, 6 minutes by
 * default), so it is never configured twice; Redis counts it on its own clock. Nonces longer than
 * {@value #MAX_PLAIN_NONCE_LENGTH} characters, or with characters outside {@code [A-Za-z0-9._:-]},
 * are stored as their SHA-256 (hex), so keys stay short and printable.
 *
 * <p><b>Failures are thrown, never guessed, and give the nonce back:</b> when Redis cannot answer
 * within the client's timeouts, {@link #markIfNew} throws {@link RedisUnavailableException} and the
 * verifier refuses the callback ({@code NONCE_STORE_UNAVAILABLE}, fail-closed; answer 503 so that
 * Vidu redelivers) unless it was built with {@code failOpenWhenNonceStoreFails()}. A timed-out
 * {@code SET} may still run once Redis catches up; so the failed check's key is then released in
 * the background (retried until Redis answers or the window ends), and the redelivery of that very
 * callback is accepted instead of being refused as a replay. A connection found broken (Redis
 * restarted, an idle connection dropped by a firewall) is retried once on a fresh connection, with
 * the same token, so a first attempt that did run is recognised as this check's own.
 *
 * <p><b>Without persistence, a restart forgets.</b> Nonces recorded before a Redis restart (or
 * failover to a replica that had not received them) are gone: a replay of such a callback within
 * its date window is accepted once more. Enable AOF ({@code appendonly yes}, {@code appendfsync
 * everysec}) if that matters, and act on money only after {@code verifyAndFetch}.
 *
 * <p><b>Why Jedis, not Lettuce.</b> Jedis is blocking, which is what {@code markIfNew} is, and
 * small: about 1 MB with commons-pool2, org.json and its auth core, against Lettuce's Netty and
 * Project Reactor (several MB, their own event-loop threads). Jedis's pooled client is thread-safe
 * and its connect and socket timeouts bound each check; Lettuce's one shared connection would also
 * do, but brings its weight for a single command.
 *
 * <p>Nonces are not secrets, but nothing here logs them; {@link #toString()} shows the prefix, not
 * the client's settings.
 */
public final class RedisNonceStore implements NonceStore, AutoCloseable {
  /** Default {@link Builder#keyPrefix}. */
  public static final String DEFAULT_KEY_PREFIX = "vidu4j:callback-nonce:";

  /**
   * {@link #clientConfig()}'s connect timeout: 500 ms, ample on a LAN; a callback should be
   * answered in seconds.
   */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(500);

  /**
   * {@link #clientConfig()}'s socket (command) timeout: 500 ms; a {@code SET} takes well under 1 ms
   * on a healthy server.
   */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);

  /** {@link #poolConfig()}'s wait for a free connection when all are busy: 500 ms. */
  public static final Duration DEFAULT_POOL_WAIT = Duration.ofMillis(500);

  /** {@link #poolConfig()}'s connections at most: 16. */
  public static final int DEFAULT_MAX_CONNECTIONS = 16;

  /** Longer nonces are stored hashed (Vidu's are 36-character UUIDs). */
  public static final int MAX_PLAIN_NONCE_LENGTH = 128;

  /**
   * For a key that exists: takes it if it is a release tombstone of another check, or this check's
   * own first attempt; 1 if taken, 0 if it is a genuine mark.
   */
  private static final String TAKE_RELEASED =
      "local v = redis.call('GET', KEYS[1])\n"
          + "if v == false or v == ARGV[1]"
          + " or (string.sub(v, 1, 9) == 'released:' and v ~= 'released:' .. ARGV[1]) then\n"
          + "  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])\n"
          + "  return 1\n"
          + "end\n"
          + "return 0";

  private final UnifiedJedis redis;
  private final String keyPrefix;
  private final boolean checkPolicy;
  private final NonceReleases releases;
  private volatile boolean policyChecked;

  private RedisNonceStore(Builder b) {
    this.redis = b.redis;
    this.keyPrefix = b.keyPrefix;
    this.checkPolicy = !b.allowEvictionPolicy;
    this.releases = new NonceReleases(b.redis);
  }

  /**
   * A builder over {@code redis}, which stays the caller's: {@link #close()} leaves it open. A
   * {@link RedisClient} (pooled) is what a store shared by threads needs.
   */
  public static Builder builder(UnifiedJedis redis) {
    return new Builder(Objects.requireNonNull(redis, "redis == null"));
  }

  /**
   * A Jedis client configuration at this store's bounds, to add credentials, TLS or a database to:
   * connect and socket timeouts {@link #DEFAULT_CONNECT_TIMEOUT} and {@link
   * #DEFAULT_COMMAND_TIMEOUT}, and no {@code CLIENT SETINFO} (older servers refuse it).
   */
  public static DefaultJedisClientConfig.Builder clientConfig() {
    return DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis((int) DEFAULT_CONNECT_TIMEOUT.toMillis())
        .socketTimeoutMillis((int) DEFAULT_COMMAND_TIMEOUT.toMillis())
        .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
  }

  /**
   * A pool configuration at this store's bounds: at most {@link #DEFAULT_MAX_CONNECTIONS}
   * connections, {@link #DEFAULT_POOL_WAIT} waiting for one, none kept idle by force, no JMX.
   */
  public static ConnectionPoolConfig poolConfig() {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(DEFAULT_MAX_CONNECTIONS);
    pool.setMaxIdle(DEFAULT_MAX_CONNECTIONS);
    pool.setMinIdle(0);
    pool.setBlockWhenExhausted(true);
    pool.setMaxWait(DEFAULT_POOL_WAIT);
    pool.setJmxEnabled(false);
    return pool;
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code now} is not used: Redis expires the key {@code ttl} after it receives the command.
   *
   * @throws RedisUnavailableException if Redis did not answer (the nonce is then released)
   * @throws RedisEvictionPolicyException if the server's eviction policy was not yet checked and is
   *     not {@code noeviction}
   */
  @Override
  public boolean markIfNew(String nonce, Instant now, Duration ttl) {
    Objects.requireNonNull(nonce, "nonce == null");
    Objects.requireNonNull(ttl, "ttl == null");
    checkPolicyOnce();
    String key = key(nonce);
    String token = Long.toHexString(ThreadLocalRandom.current().nextLong());
    // PX 0 is an error in Redis; a zero window keeps the nonce for the shortest time it can.
    long ttlMillis = Math.max(1, ttl.toMillis());
    try {
      return mark(key, token, ttlMillis);
    } catch (JedisConnectionException broken) {
      if (broken.getCause() instanceof SocketTimeoutException) {
        throw failed(key, token, ttl, broken);
      }
      // Every idle connection predates the break (a restart drops them all): start afresh.
      discardIdleConnections();
      try {
        return mark(key, token, ttlMillis);
      } catch (RuntimeException again) {
        again.addSuppressed(broken);
        throw failed(key, token, ttl, again);
      }
    } catch (RuntimeException e) {
      throw failed(key, token, ttl, e);
    }
  }

  private boolean mark(String key, String token, long ttlMillis) {
    if ("OK".equals(redis.set(key, token, SetParams.setParams().nx().px(ttlMillis)))) {
      return true;
    }
    Object taken =
        redis.eval(TAKE_RELEASED, List.of(key), List.of(token, Long.toString(ttlMillis)));
    return Long.valueOf(1).equals(taken);
  }

  private void checkPolicyOnce() {
    if (!checkPolicy || policyChecked) {
      return;
    }
    try {
      EvictionPolicy.check(redis, toString());
    } catch (RedisEvictionPolicyException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RedisUnavailableException(
          this
              + " could not read the server's maxmemory-policy: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
          e);
    }
    policyChecked = true;
  }

  private void discardIdleConnections() {
    if (!(redis instanceof RedisClient pooled)) {
      return;
    }
    try {
      pooled.getPool().clear();
    } catch (RuntimeException ignored) {
      // Best effort: the retry borrows a new connection anyway if the idle ones are gone.
    }
  }

  /**
   * The Redis key for {@code nonce}: the prefix and the nonce, or its SHA-256 if long or unusual.
   */
  String key(String nonce) {
    if (nonce.length() <= MAX_PLAIN_NONCE_LENGTH && isPlain(nonce)) {
      return keyPrefix + nonce;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(nonce.getBytes(StandardCharsets.UTF_8));
      return keyPrefix + "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static boolean isPlain(String nonce) {
    for (int i = 0; i < nonce.length(); i++) {
      char c = nonce.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == ':';
      if (!plain) {
        return false;
      }
    }
    return !nonce.startsWith("sha256:");
  }

  /** Releases the check's key in the background and describes the failure. */
  private RedisUnavailableException failed(
      String key, String token, Duration ttl, RuntimeException cause) {
    releases.release(key, token, ttl);
    return new RedisUnavailableException(
        this
            + " did not answer SET NX: "
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"),
        cause);
  }

  /** Releases of failed checks still waiting for Redis (for tests). */
  int pendingReleases() {
    return releases.pending();
  }

  /**
   * Stops releasing failed checks' nonces (those still pending stay marked until their TTL); the
   * Jedis client is the caller's and stays open.
   */
  @Override
  public void close() {
    releases.close();
  }

  @Override
  public String toString() {
    return "RedisNonceStore{keyPrefix=" + keyPrefix + "}";
  }

  /** Configures a {@link RedisNonceStore} over a Jedis client. */
  public static final class Builder {
    private final UnifiedJedis redis;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private boolean allowEvictionPolicy;

    private Builder(UnifiedJedis redis) {
      this.redis = redis;
    }

    /**
     * Prepended to every nonce key; default {@value RedisNonceStore#DEFAULT_KEY_PREFIX}. Give each
     * application its own if several share a Redis (keys of one never refuse the other's
     * callbacks).
     */
    public Builder keyPrefix(String keyPrefix) {
      Objects.requireNonNull(keyPrefix, "keyPrefix == null");
      if (keyPrefix.isEmpty()) {
        throw new InvalidSettingException(
            "keyPrefix", "is empty: nonce keys would mix with the database's other keys");
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /**
     * Skips the {@code maxmemory-policy} check: the store is used whatever the server's policy, and
     * under an evicting one a full Redis silently forgets nonces (their replays are accepted). For
     * a Redis that never fills, or whose policy cannot be read. Default: checked.
     */
    public Builder allowEvictionPolicy() {
      this.allowEvictionPolicy = true;
      return this;
    }

    /**
     * The store. Reads the server's {@code maxmemory-policy} unless {@link #allowEvictionPolicy()};
     * if Redis cannot be reached now, the first check does.
     *
     * @throws RedisEvictionPolicyException if the policy is not {@code noeviction}
     */
    public RedisNonceStore build() {
      RedisNonceStore store = new RedisNonceStore(this);
      try {
        store.checkPolicyOnce();
      } catch (RedisUnavailableException notYetReachable) {
        // Redis need not be up before the receiver: the first check reads the policy.
      } catch (RedisEvictionPolicyException e) {
        store.close();
        throw e;
      }
      return store;
    }

    @Override
    public String toString() {
      return "RedisNonceStore.Builder{keyPrefix=" + keyPrefix + "}";
    }
  }
}
