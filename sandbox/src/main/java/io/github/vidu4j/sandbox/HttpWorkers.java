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
 * Two deadlines, in fact: the headers must be in within {@link #HEADER_TIMEOUT} (or the read
 * deadline, if shorter), the body within the read deadline; so connections that start a request and
 * never finish its headers hold a worker for seconds, not the 30 s a 20 MB body may need. A request
 * refused before its body is read is answered and its connection closed at once ({@link
 * #closeUnread}), rather than the body drained: a client that announces a body and never sends it
 * holds no worker at all.
 */
final class HttpWorkers implements Executor, AutoCloseable {
  /**
   * Requests the overflow thread answers {@code 503} when pool and queue are full; beyond them
   * connections are closed.
   */
  static final int OVERFLOW_QUEUE = 16;

  /**
   * How long a request's headers may take to arrive once a worker takes up its connection: a client
   * sends them in one go, so a few seconds is generous, and a connection that trickles them cannot
   * keep a worker for the whole read deadline.
   */
  static final Duration HEADER_TIMEOUT = Duration.ofSeconds(5);

  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  private final ThreadPoolExecutor workers;
  private final ThreadPoolExecutor overflow;
  private final ScheduledThreadPoolExecutor deadlines;
  private final long readTimeoutNanos;
  private final long headerTimeoutNanos;

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
    this.headerTimeoutNanos = Math.min(readTimeoutNanos, HEADER_TIMEOUT.toNanos());
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
    Deadline deadline =
        new Deadline(Thread.currentThread(), overloaded, System.nanoTime() + readTimeoutNanos);
    try {
      deadline.schedule(headerTimeoutNanos);
    } catch (RejectedExecutionException closing) {
      return;
    }
    CURRENT.set(deadline);
    try {
      exchange.run();
    } finally {
      deadline.requestRead();
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

  /**
   * Answers have been written: closes the connection without draining the unread request body. The
   * JDK server would drain it when the exchange closes, holding this worker for as long as the
   * client cares to trickle it (to the read deadline); the interrupt makes that read fail at once
   * on the interruptible channel, which closes this connection only. {@link #serve} clears the flag
   * afterwards.
   */
  static void closeUnread(com.sun.net.httpserver.HttpExchange exchange) {
    Thread.currentThread().interrupt();
    exchange.close();
  }

  /** The read deadlines of one request: its headers', then its body's. */
  final class Deadline {
    private final Thread worker;
    private final boolean overloaded;
    private final long bodyDeadlineNanos;
    private boolean armed = true;
    private boolean headersRead;
    private @Nullable ScheduledFuture<?> timer;

    private Deadline(Thread worker, boolean overloaded, long bodyDeadlineNanos) {
      this.worker = worker;
      this.overloaded = overloaded;
      this.bodyDeadlineNanos = bodyDeadlineNanos;
    }

    private synchronized void schedule(long delayNanos) {
      timer = deadlines.schedule(this::expire, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** The headers are in (the handler runs): from now on only the body's deadline applies. */
    synchronized void headersRead() {
      headersRead = true;
    }

    /** True if the request came when pool and queue were full: it is to be answered 503, unread. */
    boolean overloaded() {
      return overloaded;
    }

    /** The whole request is in: the deadline no longer applies. */
    synchronized void requestRead() {
      armed = false;
      if (timer != null) {
        timer.cancel(false);
      }
    }

    // Synchronized with requestRead: once that returns, no interrupt can still arrive.
    private synchronized void expire() {
      if (!armed) {
        return;
      }
      long left = bodyDeadlineNanos - System.nanoTime();
      if (headersRead && left > 0) {
        try {
          schedule(left);
          return;
        } catch (RejectedExecutionException closing) {
          // The sandbox is closing: cut the read now.
        }
      }
      armed = false;
      worker.interrupt();
    }
  }
}
