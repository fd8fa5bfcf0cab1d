package io.github.vidu4j.sandbox;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The threads that serve HTTP: a fixed pool with a bounded queue, a read deadline on every request,
 * and one overflow thread that answers {@code 503} when pool and queue are full.
 *
 * <p>The read deadline is per request rather than the JDK server's {@code
 * sun.net.httpserver.maxReqTime}: that property is global to the JVM, read once when the first
 * server of the process starts, so a sandbox could neither set its own nor a test a short one. The
 * JDK server reads headers and body on the worker thread from a blocking, interruptible channel;
 * interrupting the worker when the deadline passes closes exactly that connection. The deadline
 * runs from when a worker takes the connection up until the handler has the whole body ({@link
 * Deadline#requestRead()}); what follows (scripted delays, processing, the answer) is not cut off.
 * A request refused before its body is read keeps its deadline while the JDK server drains the
 * unread body, so a client that announces a body and never sends it cannot hold the thread past it
 * either.
 */
final class HttpWorkers implements Executor, AutoCloseable {
  /**
   * Requests the overflow thread answers {@code 503} when pool and queue are full; beyond them
   * connections are closed.
   */
  static final int OVERFLOW_QUEUE = 16;

  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  private final ThreadPoolExecutor workers;
  private final ThreadPoolExecutor overflow;
  private final ScheduledThreadPoolExecutor deadlines;
  private final long readTimeoutNanos;

  HttpWorkers(
      int threads,
      int queue,
      Duration readTimeout,
      ThreadFactory workerThreads,
      ThreadFactory overflowThread,
      ThreadFactory deadlineThread) {
    BlockingQueue<Runnable> waiting =
        queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
    this.workers =
        new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, waiting, workerThreads);
    this.workers.allowCoreThreadTimeOut(true);
    this.overflow =
        new ThreadPoolExecutor(
            1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(OVERFLOW_QUEUE), overflowThread);
    this.overflow.allowCoreThreadTimeOut(true);
    this.deadlines = new ScheduledThreadPoolExecutor(1, deadlineThread);
    this.deadlines.setRemoveOnCancelPolicy(true);
    this.readTimeoutNanos = readTimeout.toNanos();
  }

  /**
   * Runs one exchange of the JDK server. Throws {@link RejectedExecutionException} when even the
   * overflow queue is full: the JDK server then closes the connection.
   */
  @Override
  public void execute(Runnable exchange) {
    try {
      workers.execute(() -> serve(exchange, false));
    } catch (RejectedExecutionException full) {
      overflow.execute(() -> serve(exchange, true));
    }
  }

  private void serve(Runnable exchange, boolean overloaded) {
    Deadline deadline = new Deadline(Thread.currentThread(), overloaded);
    ScheduledFuture<?> timer;
    try {
      timer = deadlines.schedule(deadline::expire, readTimeoutNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      return;
    }
    CURRENT.set(deadline);
    try {
      exchange.run();
    } finally {
      deadline.requestRead();
      timer.cancel(false);
      CURRENT.remove();
      // The deadline's interrupt, if it came, was for this exchange; the next one starts clean.
      Thread.interrupted();
    }
  }

  /** The deadline of the request this thread serves, or null off the sandbox's HTTP threads. */
  static @Nullable Deadline current() {
    return CURRENT.get();
  }

  @Override
  public void close() {
    workers.shutdownNow();
    overflow.shutdownNow();
    deadlines.shutdownNow();
  }

  /** The read deadline of one request. */
  static final class Deadline {
    private final Thread worker;
    private final boolean overloaded;
    private boolean armed = true;

    private Deadline(Thread worker, boolean overloaded) {
      this.worker = worker;
      this.overloaded = overloaded;
    }

    /** True if the request came when pool and queue were full: it is to be answered 503, unread. */
    boolean overloaded() {
      return overloaded;
    }

    /** The whole request is in: the deadline no longer applies. */
    synchronized void requestRead() {
      armed = false;
    }

    // Synchronized with requestRead: once that returns, no interrupt can still arrive.
    private synchronized void expire() {
      if (armed) {
        armed = false;
        worker.interrupt();
      }
    }
  }
}
