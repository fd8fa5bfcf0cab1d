package io.github.vidu4j.callback.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.UnifiedJedis;

/**
 * Gives back the nonces of checks that failed. A check that timed out may still have run its {@code
 * SET} (Redis was slow, not gone), and the callback was refused as {@code NONCE_STORE_UNAVAILABLE}:
 * if the nonce stayed marked, Vidu's redelivery of that very callback would be refused as a replay
 * and lost. So after a failed check the key is set to {@code released:<token>}, unless another
 * check has marked it since: a release tombstone that lets any later check take the nonce, except a
 * late arrival of the failed check's own {@code SET} (same token), whatever order Redis runs them
 * in. Each release is retried in the background, backing off from 100 ms to 5 s, until it succeeds
 * or the nonce's window has passed (the callback's date is refused after that anyway).
 */
final class NonceReleases implements AutoCloseable {
  /** Releases waiting at most; beyond that a failed check keeps its nonce (as before releases). */
  static final int MAX_PENDING = 10_000;

  static final String RELEASED = "released:";

  private static final String RELEASE =
      "local v = redis.call('GET', KEYS[1])\n"
          + "if v == false or v == ARGV[1] then\n"
          + "  redis.call('SET', KEYS[1], 'released:' .. ARGV[1], 'PX', ARGV[2])\n"
          + "  return 1\n"
          + "end\n"
          + "return 0";

  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

  private final UnifiedJedis redis;
  private final ScheduledThreadPoolExecutor timer;
  private final AtomicInteger pending = new AtomicInteger();

  NonceReleases(UnifiedJedis redis) {
    this.redis = redis;
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "vidu4j-redis-nonce-release");
              t.setDaemon(true);
              return t;
            });
    timer.setKeepAliveTime(10, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
  }

  /** Releases {@code key} from the check that used {@code token}, in the background. */
  void release(String key, String token, Duration ttl) {
    if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      return;
    }
    long deadline = System.nanoTime() + ttl.toNanos();
    schedule(key, token, ttl, deadline, Duration.ZERO);
  }

  private void schedule(String key, String token, Duration ttl, long deadline, Duration delay) {
    try {
      var unused =
          timer.schedule(
              () -> attempt(key, token, ttl, deadline, delay),
              delay.toNanos(),
              TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      pending.decrementAndGet();
    }
  }

  private void attempt(String key, String token, Duration ttl, long deadline, Duration lastDelay) {
    try {
      redis.eval(RELEASE, List.of(key), List.of(token, Long.toString(Math.max(1, ttl.toMillis()))));
      pending.decrementAndGet();
    } catch (RuntimeException stillFailing) {
      Duration next = lastDelay.isZero() ? FIRST_RETRY : lastDelay.multipliedBy(2);
      if (next.compareTo(LONGEST_RETRY) > 0) {
        next = LONGEST_RETRY;
      }
      if (System.nanoTime() + next.toNanos() - deadline >= 0) {
        pending.decrementAndGet(); // the window is over: the callback's date is refused anyway
      } else {
        schedule(key, token, ttl, deadline, next);
      }
    }
  }

  /** Releases not yet done. */
  int pending() {
    return pending.get();
  }

  /** Stops; releases not yet done are dropped (those nonces stay marked until their TTL). */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
