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
 * Where a client's {@code ...Async} calls run: short tasks (one request and its retries) on a
 * scheduled executor, and waits between polls as scheduled tasks, so a waiting future holds no
 * thread. Every future it hands out fails with "client is closed" once the client closes, whether
 * it was still queued, scheduled or running.
 */
final class AsyncRunner {
  /** The names of the threads of the executor a client makes for itself. */
  static final String THREAD_PREFIX = "vidu4j-async-";

  /**
   * Threads of the client's own executor; each runs one request at a time, a poll's or a call's.
   */
  static final int OWN_THREADS = 4;

  private static final Duration IDLE_THREAD_LIFETIME = Duration.ofSeconds(10);

  private final ScheduledExecutorService executor;
  private final boolean owned;
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private AsyncRunner(ScheduledExecutorService executor, boolean owned) {
    this.executor = executor;
    this.owned = owned;
  }

  /**
   * A runner on an executor of its own, shut down by {@link #close()}; idle, it holds no thread.
   */
  static AsyncRunner ofOwnExecutor() {
    AtomicInteger count = new AtomicInteger();
    ScheduledThreadPoolExecutor own =
        new ScheduledThreadPoolExecutor(
            OWN_THREADS,
            r -> {
              Thread t = new Thread(r, THREAD_PREFIX + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    own.setKeepAliveTime(IDLE_THREAD_LIFETIME.toMillis(), TimeUnit.MILLISECONDS);
    own.allowCoreThreadTimeOut(true);
    own.setRemoveOnCancelPolicy(true);
    return new AsyncRunner(own, true);
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

  /** Fails every future not yet done, then stops the client's own executor (never the caller's). */
  void close() {
    closed = true;
    for (CompletableFuture<?> future : pending) {
      future.completeExceptionally(closedException());
    }
    if (owned) {
      executor.shutdownNow();
    }
  }

  static ViduException closedException() {
    return new ViduException(
        "the ViduClient is closed: async calls fail after close(); build a new client to continue");
  }
}
