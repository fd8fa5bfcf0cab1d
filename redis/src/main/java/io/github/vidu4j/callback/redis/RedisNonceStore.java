package io.github.vidu4j.callback.redis;

import io.github.vidu4j.callback.CallbackConfigurationException;
import io.github.vidu4j.callback.NonceStore;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.SetParams;

/**
 * A {@link NonceStore} over Redis, so that every receiver instance behind a load balancer refuses a
 * callback another one already accepted. Thread-safe; build one per process, share it, and {@link
 * #close()} it on shutdown.
 *
 * <pre>{@code
 * RedisNonceStore nonces = RedisNonceStore.builder().host("redis.internal").password(System.getenv("REDIS_PASSWORD")).build();
 * CallbackVerifier verifier = CallbackVerifier.builder().secret(apiKey).nonceStore(nonces).build();
 * }</pre>
 *
 * <p><b>One round trip per check:</b> {@code SET <keyPrefix><nonce> 1 NX PX <ttl>}; {@code OK}
 * means new, no reply means seen. The TTL is the one the verifier passes, its whole date window
 * ({@code maxAge + maxFutureSkew}, 6 minutes by default), so it is never configured twice; Redis
 * counts it on its own clock from the moment of the check. Nonces longer than {@value
 * #MAX_PLAIN_NONCE_LENGTH} characters, or with characters outside {@code [A-Za-z0-9._:-]}, are
 * stored as their SHA-256 (hex), so keys stay short and printable.
 *
 * <p><b>Failures are thrown, never guessed:</b> when Redis cannot answer within the timeouts below,
 * {@link #markIfNew} throws {@link RedisUnavailableException} and the verifier refuses the callback
 * ({@code NONCE_STORE_UNAVAILABLE}, fail-closed) unless it was built with {@code
 * failOpenWhenNonceStoreFails()}. A connection found broken (Redis restarted, an idle connection
 * dropped by a firewall) is retried once on a fresh connection after the pool's idle connections
 * are discarded; a timeout is not retried, since the {@code SET} may have run. Worst case per
 * check: pool wait + 2 × (connect + command timeout), 2 s with the defaults.
 *
 * <p><b>Without persistence, a restart forgets.</b> Nonces recorded before a Redis restart (or
 * failover to a replica that had not received them) are gone: a replay of such a callback within
 * its date window is accepted once more. Enable AOF ({@code appendonly yes}, {@code appendfsync
 * everysec}) if that matters, and act on money only after {@code verifyAndFetch}.
 *
 * <p><b>Why Jedis, not Lettuce.</b> Jedis is blocking, which is what {@code markIfNew} is, and
 * small: about 1 MB with commons-pool2, org.json and its auth core, against Lettuce's Netty and
 * Project Reactor (several MB, their own event-loop threads). Jedis's pooled client is thread-safe
 * and its connect and socket timeouts map one to one onto the bounds documented here; Lettuce's one
 * shared connection would also do, but brings its weight for a single command.
 *
 * <p>Nonces are not secrets, but nothing here logs them; the password never appears in {@link
 * #toString()} or in an exception message.
 */
public final class RedisNonceStore implements NonceStore, AutoCloseable {
  /** Default {@link Builder#keyPrefix}. */
  public static final String DEFAULT_KEY_PREFIX = "vidu4j:callback-nonce:";

  /** Default {@link Builder#host}. */
  public static final String DEFAULT_HOST = "localhost";

  /** Default {@link Builder#port}: Redis's. */
  public static final int DEFAULT_PORT = 6379;

  /**
   * Default {@link Builder#connectTimeout}: 500 ms, ample on a LAN; a callback should be answered
   * in seconds.
   */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(500);

  /**
   * Default {@link Builder#commandTimeout}: 500 ms; a {@code SET} takes well under 1 ms on a
   * healthy server.
   */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);

  /** Default {@link Builder#poolWait}: 500 ms waiting for a free connection when all are busy. */
  public static final Duration DEFAULT_POOL_WAIT = Duration.ofMillis(500);

  /** Default {@link Builder#maxConnections}: 16. */
  public static final int DEFAULT_MAX_CONNECTIONS = 16;

  /** Longer nonces are stored hashed (Vidu's are 36-character UUIDs). */
  public static final int MAX_PLAIN_NONCE_LENGTH = 128;

  private final RedisClient redis;
  private final String keyPrefix;
  private final String description;

  private RedisNonceStore(Builder b) {
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(millis(b.connectTimeout))
            .socketTimeoutMillis(millis(b.commandTimeout))
            .database(b.database)
            .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
    if (b.ssl) {
      config.sslOptions(SslOptions.defaults());
    }
    if (b.user != null) {
      config.user(b.user);
    }
    if (b.password != null) {
      config.password(b.password);
    }
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(b.maxConnections);
    pool.setMaxIdle(b.maxConnections);
    pool.setMinIdle(0);
    pool.setBlockWhenExhausted(true);
    pool.setMaxWait(b.poolWait);
    pool.setJmxEnabled(false);
    this.redis =
        RedisClient.builder()
            .hostAndPort(b.host, b.port)
            .clientConfig(config.build())
            .poolConfig(pool)
            .build();
    this.keyPrefix = b.keyPrefix;
    this.description =
        "RedisNonceStore{"
            + (b.ssl ? "rediss://" : "redis://")
            + b.host
            + ":"
            + b.port
            + "/"
            + b.database
            + ", keyPrefix="
            + b.keyPrefix
            + (b.user != null ? ", user=" + b.user : "")
            + (b.password != null ? ", password=<redacted>" : "")
            + ", connectTimeout="
            + b.connectTimeout.toMillis()
            + "ms, commandTimeout="
            + b.commandTimeout.toMillis()
            + "ms}";
  }

  /** A builder; every setting has a default (a local Redis without a password). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code now} is not used: Redis expires the key {@code ttl} after it receives the command.
   *
   * @throws RedisUnavailableException if Redis did not answer
   */
  @Override
  public boolean markIfNew(String nonce, Instant now, Duration ttl) {
    Objects.requireNonNull(nonce, "nonce == null");
    Objects.requireNonNull(ttl, "ttl == null");
    String key = key(nonce);
    // PX 0 is an error in Redis; a zero window keeps the nonce for the shortest time it can.
    SetParams onlyIfAbsent = SetParams.setParams().nx().px(Math.max(1, ttl.toMillis()));
    try {
      return set(key, onlyIfAbsent);
    } catch (JedisConnectionException broken) {
      if (broken.getCause() instanceof SocketTimeoutException) {
        throw unavailable(broken);
      }
      // Every idle connection predates the break (a restart drops them all): start afresh.
      discardIdleConnections();
      try {
        return set(key, onlyIfAbsent);
      } catch (RuntimeException again) {
        again.addSuppressed(broken);
        throw unavailable(again);
      }
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  private boolean set(String key, SetParams onlyIfAbsent) {
    return "OK".equals(redis.set(key, "1", onlyIfAbsent));
  }

  private void discardIdleConnections() {
    try {
      redis.getPool().clear();
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

  private RedisUnavailableException unavailable(RuntimeException cause) {
    return new RedisUnavailableException(
        description
            + " did not answer SET NX: "
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"),
        cause);
  }

  /** Closes the connection pool; checks after this throw {@link RedisUnavailableException}. */
  @Override
  public void close() {
    redis.close();
  }

  @Override
  public String toString() {
    return description;
  }

  private static int millis(Duration d) {
    return (int) d.toMillis();
  }

  /** Configures a {@link RedisNonceStore}. Durations are whole milliseconds, from 1 ms to 60 s. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private int database;
    private boolean ssl;
    private @Nullable String user;
    private @Nullable String password;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
    private Duration poolWait = DEFAULT_POOL_WAIT;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;

    private Builder() {}

    /** The Redis host; default {@value RedisNonceStore#DEFAULT_HOST}. */
    public Builder host(String host) {
      Objects.requireNonNull(host, "host == null");
      if (host.isBlank()) {
        throw new CallbackConfigurationException("host is blank");
      }
      this.host = host;
      return this;
    }

    /** The Redis port; default {@value RedisNonceStore#DEFAULT_PORT}. */
    public Builder port(int port) {
      if (port < 1 || port > 65_535) {
        throw new CallbackConfigurationException("port must be 1 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** The logical database ({@code SELECT n}); default 0. */
    public Builder database(int database) {
      if (database < 0) {
        throw new CallbackConfigurationException("database must not be negative, got " + database);
      }
      this.database = database;
      return this;
    }

    /**
     * Connects with TLS ({@code rediss://}) and the JVM's default trust store; default false. Not
     * covered by this module's tests.
     */
    public Builder ssl(boolean ssl) {
      this.ssl = ssl;
      return this;
    }

    /** The ACL user (Redis 6+); default none ({@code default}). */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user == null");
      return this;
    }

    /** The password ({@code AUTH}); default none. Never shown by {@code toString()} or messages. */
    public Builder password(String password) {
      this.password = Objects.requireNonNull(password, "password == null");
      return this;
    }

    /**
     * Prepended to every nonce key; default {@value RedisNonceStore#DEFAULT_KEY_PREFIX}. Give each
     * application its own if several share a Redis (keys of one never refuse the other's
     * callbacks).
     */
    public Builder keyPrefix(String keyPrefix) {
      Objects.requireNonNull(keyPrefix, "keyPrefix == null");
      if (keyPrefix.isEmpty()) {
        throw new CallbackConfigurationException(
            "keyPrefix is empty: nonce keys would mix with the database's other keys");
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /**
     * How long to wait for a TCP (and TLS) connection; default {@link
     * RedisNonceStore#DEFAULT_CONNECT_TIMEOUT}.
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = bounded(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long to wait for Redis's reply to one command; default {@link
     * RedisNonceStore#DEFAULT_COMMAND_TIMEOUT}.
     */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = bounded(timeout, "commandTimeout");
      return this;
    }

    /**
     * How long a check waits for a free pooled connection; default {@link
     * RedisNonceStore#DEFAULT_POOL_WAIT}.
     */
    public Builder poolWait(Duration wait) {
      this.poolWait = bounded(wait, "poolWait");
      return this;
    }

    /** At most this many connections; default {@value RedisNonceStore#DEFAULT_MAX_CONNECTIONS}. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new CallbackConfigurationException(
            "maxConnections must be at least 1, got " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /** The store; connections are opened on first use, so Redis need not be up yet. */
    public RedisNonceStore build() {
      return new RedisNonceStore(this);
    }

    private static Duration bounded(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.compareTo(Duration.ofMillis(1)) < 0 || d.compareTo(Duration.ofSeconds(60)) > 0) {
        throw new CallbackConfigurationException(name + " must be from 1 ms to 60 s, got " + d);
      }
      return d;
    }

    @Override
    public String toString() {
      return "RedisNonceStore.Builder{"
          + host
          + ":"
          + port
          + (password != null ? ", password=<redacted>" : "")
          + "}";
    }
  }
}
