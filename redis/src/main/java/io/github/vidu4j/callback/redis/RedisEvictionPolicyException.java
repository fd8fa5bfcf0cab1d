package io.github.vidu4j.callback.redis;

import io.github.vidu4j.core.ViduException;

/**
 * The Redis server may evict keys ({@code maxmemory-policy} is not {@code noeviction}): once its
 * memory is full it would drop nonces silently and let their replays through (with {@code
 * volatile-lru}, a common managed-Redis default, the nonces are the first keys to go). Thrown by
 * {@link RedisNonceStore.Builder#build()}, or by the first check if Redis was not reachable then.
 * Set {@code maxmemory-policy noeviction} (on a Redis of its own if the application's cache needs
 * eviction), or accept the risk with {@link RedisNonceStore.Builder#allowEvictionPolicy()}.
 */
public final class RedisEvictionPolicyException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final String policy;

  RedisEvictionPolicyException(String message, String policy) {
    super(message);
    this.policy = policy;
  }

  /** The server's {@code maxmemory-policy}, for example {@code volatile-lru}. */
  public String policy() {
    return policy;
  }
}
