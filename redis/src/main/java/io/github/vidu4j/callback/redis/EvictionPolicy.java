package io.github.vidu4j.callback.redis;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.UnifiedJedis;

/**
 * Reads the server's {@code maxmemory-policy} from {@code INFO memory} (allowed where {@code
 * CONFIG} is not, as on several managed services) and refuses any that can evict a nonce.
 */
final class EvictionPolicy {
  static final String SAFE = "noeviction";

  private EvictionPolicy() {}

  /**
   * @throws RedisEvictionPolicyException if the policy is not {@code noeviction}, or cannot be read
   * @throws RuntimeException what Jedis throws if Redis cannot be reached
   */
  static void check(UnifiedJedis redis, String server) {
    String policy = policyIn(redis.info("memory"));
    if (policy == null) {
      throw new RedisEvictionPolicyException(
          server
              + " did not report its maxmemory-policy in INFO memory, so it cannot be checked to be"
              + " noeviction (any other policy can evict nonces and let replays through); confirm it"
              + " is and build with allowEvictionPolicy()",
          "");
    }
    if (!policy.equals(SAFE)) {
      throw new RedisEvictionPolicyException(
          server
              + " has maxmemory-policy "
              + policy
              + ": when its memory is full it evicts keys, nonces among them, and their replays are"
              + " then accepted. Set maxmemory-policy noeviction (a Redis of its own for nonces if"
              + " a cache needs eviction), or build with allowEvictionPolicy() to accept that",
          policy);
    }
  }

  /** The {@code maxmemory_policy:} line's value, or null. */
  static @Nullable String policyIn(String info) {
    for (String line : info.split("\r?\n", -1)) {
      if (line.startsWith("maxmemory_policy:")) {
        return line.substring("maxmemory_policy:".length()).trim().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }
}
