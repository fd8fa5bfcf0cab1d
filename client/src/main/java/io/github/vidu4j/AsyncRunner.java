package io.github.vidu4j;

import io.github.vidu4j.core.ViduException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where the calls of a client's {@link Async} run: short tasks (one request and its retries) on a
 * scheduled executor, and waits between polls as scheduled tasks, so a waiting future holds no
 * thread. Every future it hands out fails with "client is closed" once the client closes, whether
 * it was still queued, scheduled or running.
 */
final class AsyncRunner {
  static final String THREAD_PREFIX = "vidu4j-async-";

  static final String DEADLINE_THREAD = "vidu4j-deadline";

  /**
   * Threads of the client's own executor; each runs one request at a time, a poll's or a call's.
   */
  static final int OWN_THREADS = 4;

  private static final Duration IDLE_THREAD_LIFETIME = Duration.ofSeconds(10);

  private final ScheduledExecutorService executor;
  private final boolean owned;

  /**
   * Deadlines, apart from the work: a timer on the work's executor would wait behind every poll due
   * before it, so a backlog (a thousand waits on four threads) would stretch each timeout. Its one
   * thread only completes futures; idle, it holds no thread.
   */
  private final ScheduledThreadPoolExecutor deadlines;

  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private AsyncRunner(ScheduledExecutorService executor, boolean owned) {
    this.executor = executor;
    this.owned = owned;
    this.deadlines = daemonPool(1, () -> DEADLINE_THREAD);
  }

  /**
   * A runner on an executor of its own, shut down by {@link #close()}; idle, it holds no thread.
   */
  static AsyncRunner ofOwnExecutor() {
    AtomicInteger count = new AtomicInteger();
    return new AsyncRunner(
        daemonPool(OWN_THREADS, () -> THREAD_PREFIX + count.incrementAndGet()), true);
  }

  /** Daemon threads named by {@code names}, ending when idle; cancelled work is dropped at once. */
  private static ScheduledThreadPoolExecutor daemonPool(int threads, Supplier<String> names) {
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            threads,
            r -> {
              Thread t = new Thread(r, names.get());
              t.setDaemon(true);
              return t;
            });
    pool.setKeepAliveTime(IDLE_THREAD_LIFETIME.toMillis(), TimeUnit.MILLISECONDS);
    pool.allowCoreThreadTimeOut(true);
    pool.setRemoveOnCancelPolicy(true);
    return pool;
  }

  /** A runner on the caller's executor, which the caller keeps running and shuts down. */
  static AsyncRunner on(ScheduledExecutorService executor) {
    return new AsyncRunner(executor, false);
  }

  /** {@code work} on the executor; its exception, if any, fails the future. */
  <T> CompletableFuture<T> supply(Supplier<T> work) {
    CompletableFuture<T> result = newFuture();
    // The step completes result itself, or fails it; there is nothing to read from the scheduled
    // handle.
    var unused = schedule(result, () -> result.complete(work.get()), Duration.ZERO);
    return result;
  }

  /**
   * A future this runner fails when the client closes, and forgets once done; already failed if the
   * client is closed.
   */
  @SuppressWarnings(
      "CollectionUndefinedEquality") // identity is the equality meant: each future is kept once
  <T> CompletableFuture<T> newFuture() {
    CompletableFuture<T> result = new CompletableFuture<>();
    pending.add(result);
    // Only forgets the future once done; the dependent stage cannot fail on its own.
    var unused = result.whenComplete((value, error) -> pending.remove(result));
    if (closed) {
      result.completeExceptionally(closedException());
    }
    return result;
  }

  /**
   * Runs {@code step} after {@code delay} unless {@code result} is done by then; a step that
   * throws, or that cannot be scheduled, fails {@code result}. Returns the scheduled step, to
   * cancel.
   */
  @Nullable ScheduledFuture<?> schedule(
      CompletableFuture<?> result, Runnable step, Duration delay) {
    Runnable guarded =
        () -> {
          if (result.isDone()) {
            return;
          }
          try {
            step.run();
          } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
          }
        };
    try {
      return executor.schedule(guarded, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // The client closed (its own executor), or the caller's executor is shut down or full.
      result.completeExceptionally(
          closed
              ? closedException()
              : new ViduException("the async executor refused the work: " + e.getMessage(), e));
      return null;
    }
  }

  /**
   * Fails {@code result} with {@code failure}'s exception {@code timeout} from now unless it is
   * done by then, however much work waits on the executor; the timer is dropped once {@code result}
   * is done.
   */
  void failAfter(
      CompletableFuture<?> result, Duration timeout, Supplier<? extends Throwable> failure) {
    try {
      ScheduledFuture<?> timer =
          deadlines.schedule(
              () -> {
                if (!result.isDone()) {
                  result.completeExceptionally(failure.get());
                }
              },
              Math.max(0, timeout.toNanos()),
              TimeUnit.NANOSECONDS);
      // Only drops the timer; the dependent stage cannot fail on its own.
      var unused = result.whenComplete((value, error) -> timer.cancel(false));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(closedException());
    }
  }

  /** Fails every future not yet done, then stops the client's own executor (never the caller's). */
  void close() {
    closed = true;
    for (CompletableFuture<?> future : pending) {
      future.completeExceptionally(closedException());
    }
    deadlines.shutdownNow();
    if (owned) {
      executor.shutdownNow();
    }
  }

  static ViduException closedException() {
    return new ViduException(
        "the ViduClient is closed: async calls fail after close(); build a new client to continue");
  }
}
