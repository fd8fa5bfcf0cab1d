package io.github.vidu4j.callback;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers callback nonces so that a replayed callback is refused; implemented by {@code
 * vidu4j-redis} and by receivers that share nonces another way. The in-memory default suits one
 * receiver process; receivers running on several instances need a shared store, such as {@code
 * RedisNonceStore} in the {@code vidu4j-redis} module ({@code SET nonce 1 NX PX ttl}, whose answer
 * is exactly {@link #markIfNew}'s).
 */
public interface NonceStore {
  /**
   * Records {@code nonce} for {@code ttl} from {@code now}, atomically: true if it was not already
   * recorded (and unexpired), false if it was. The verifier passes its whole window as {@code ttl}:
   * {@code maxAge + maxFutureSkew}.
   *
   * <p>A store that cannot answer (its server down, a timeout) throws any {@code RuntimeException};
   * the verifier then refuses the callback as {@code NONCE_STORE_UNAVAILABLE} (fail-closed), unless
   * it was built with {@link CallbackVerifier.Builder#failOpenWhenNonceStoreFails()}. It must not
   * guess {@code true} or {@code false} itself.
   */
  boolean markIfNew(String nonce, Instant now, Duration ttl);

  /**
   * A thread-safe in-memory store holding at most {@code maxEntries} nonces; expired ones are
   * dropped first, then, if still full, the oldest (whose callbacks are then only protected by the
   * date window).
   */
  static NonceStore inMemory(int maxEntries) {
    return new InMemoryNonceStore(maxEntries);
  }

  /** {@link #inMemory(int)} with 100,000 entries (a few MB; far above Vidu's callback rate). */
  static NonceStore inMemory() {
    return inMemory(100_000);
  }
}
