package io.github.vidu4j.cli;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of {@code vidu callback listen}: a small pool, so one slow sender holds one thread
 * and not every callback, and a read deadline on every request, so it does not hold that thread for
 * long either. The JDK server reads a request's headers and body on the thread it is handed to,
 * from a blocking, interruptible channel: interrupting the thread when the deadline passes closes
 * exactly that connection. The deadline runs from when a thread takes the connection until the
 * handler has the whole body ({@link #requestRead()}); answering is not cut off.
 */
final class ListenerWorkers implements Executor, AutoCloseable {
  /** Threads: a few callbacks at once is all Vidu sends to one receiver. */
  static final int THREADS = 4;

  /** Connections waiting for a thread; beyond them the JDK server closes new ones. */
  static final int QUEUE = 32;

  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService deadlines;
  private final long readTimeoutNanos;

  ListenerWorkers(Duration readTimeout) {
    this.workers =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            daemon("vidu-listen"));
    this.workers.allowCoreThreadTimeOut(true);
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, daemon("vidu-listen-deadline"));
    timer.setRemoveOnCancelPolicy(true);
    this.deadlines = timer;
    this.readTimeoutNanos = readTimeout.toNanos();
  }

  @Override
  public void execute(Runnable exchange) {
    workers.execute(() -> serve(exchange));
  }

  private void serve(Runnable exchange) {
    Deadline deadline = new Deadline(Thread.currentThread());
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

  /** The request on this thread is read whole: its deadline no longer applies. */
  static void requestRead() {
    Deadline deadline = CURRENT.get();
    if (deadline != null) {
      deadline.requestRead();
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    deadlines.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static final class Deadline {
    private final Thread worker;
    private boolean armed = true;

    Deadline(Thread worker) {
      this.worker = worker;
    }

    synchronized void requestRead() {
      armed = false;
    }

    // Synchronized with requestRead: once that returns, no interrupt can still arrive.
    synchronized void expire() {
      if (armed) {
        armed = false;
        worker.interrupt();
      }
    }
  }
}
