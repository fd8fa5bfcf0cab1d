package io.github.vidu4j.sandbox;

import io.github.vidu4j.callback.CallbackSigner;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends callbacks as Vidu does: POST of the Get Generation body, signed with the key that created
 * the task, {@code success}/{@code failed} retried on failure. {@link #SENDERS} threads send, so a
 * slow receiver holds up only its own task's callbacks; each task's callbacks (retries included)
 * still go one at a time, in order.
 */
final class CallbackDelivery {
  /** How many tasks' callbacks may be in flight at once. */
  static final int SENDERS = 4;

  private static final MediaType JSON = MediaType.get("application/json");
  private static final System.Logger LOG = System.getLogger(CallbackDelivery.class.getName());

  private final SandboxOptions options;
  private final ExecutorService senders;

  /** Only waits out retry delays, then hands the retry to a sender: never blocked by a receiver. */
  private final ScheduledExecutorService timer;

  /**
   * The work waiting behind each task whose callbacks are being sent. A task's entry exists while
   * one sender works through it, which is what keeps its callbacks in order.
   */
  private final Map<String, Deque<Runnable>> lanes = new HashMap<>();

  private final OkHttpClient http;

  /** The most recent {@link SandboxOptions#recordLimit()} attempts. */
  private final Deque<SentCallback> sent = new ArrayDeque<>();

  private final Map<String, Runnable> heldBack = new HashMap<>();

  /** Guards {@link #pending}; {@link #awaitIdle} waits on it. */
  private final Object idle = new Object();

  /** Callbacks queued or scheduled for a retry and not yet sent or given up. */
  private int pending;

  CallbackDelivery(SandboxOptions options, ThreadFactory threads) {
    this.options = options;
    this.senders = Executors.newFixedThreadPool(SENDERS, threads);
    this.timer = Executors.newSingleThreadScheduledExecutor(threads);
    this.http =
        new OkHttpClient.Builder()
            .callTimeout(options.callbackTimeout())
            .retryOnConnectionFailure(false)
            .build();
  }

  /** Queues the callback for {@code state}; {@code body} is the task's JSON at that moment. */
  void send(
      String taskId,
      String url,
      String secret,
      String state,
      String body,
      boolean isFinal,
      Set<CallbackFault> faults) {
    Runnable delivery = () -> attempt(taskId, url, secret, state, body, isFinal, faults, 1);
    started();
    inLane(
        taskId,
        () -> {
          if (!isFinal && faults.contains(CallbackFault.OUT_OF_ORDER)) {
            synchronized (heldBack) {
              heldBack.put(taskId, delivery);
            }
            return;
          }
          delivery.run();
          if (isFinal) {
            Runnable held;
            synchronized (heldBack) {
              held = heldBack.remove(taskId);
            }
            if (held != null) {
              held.run();
            }
          }
        });
  }

  List<SentCallback> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  void clearRecords() {
    synchronized (sent) {
      sent.clear();
    }
  }

  /**
   * Waits until no callback is queued, in flight or waiting for a retry, at most {@code timeout}.
   * Returns whether none is left.
   */
  boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (pending > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
      return true;
    }
  }

  private void started() {
    synchronized (idle) {
      pending++;
    }
  }

  private void ended() {
    synchronized (idle) {
      pending--;
      if (pending <= 0) {
        idle.notifyAll();
      }
    }
  }

  void close() {
    senders.shutdownNow();
    timer.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private void attempt(
      String taskId,
      String url,
      String secret,
      String state,
      String body,
      boolean isFinal,
      Set<CallbackFault> faults,
      int attempt) {
    String signingKey = faults.contains(CallbackFault.BAD_SIGNATURE) ? "not-" + secret : secret;
    Map<String, String> headers =
        CallbackSigner.withSecret(signingKey)
            .sign("POST", url, options.clock().instant(), UUID.randomUUID().toString());
    CallbackFault fault =
        faults.contains(CallbackFault.BAD_SIGNATURE) ? CallbackFault.BAD_SIGNATURE : null;
    int status = post(url, headers, body);
    record(new SentCallback(taskId, url, state, attempt, status, headers, body, fault));
    boolean delivered = status >= 200 && status < 300;
    if (delivered && faults.contains(CallbackFault.REPLAY)) {
      record(
          new SentCallback(
              taskId,
              url,
              state,
              attempt,
              post(url, headers, body),
              headers,
              body,
              CallbackFault.REPLAY));
    }
    if (delivered && faults.contains(CallbackFault.DUPLICATE)) {
      Map<String, String> again =
          CallbackSigner.withSecret(signingKey)
              .sign("POST", url, options.clock().instant(), UUID.randomUUID().toString());
      record(
          new SentCallback(
              taskId,
              url,
              state,
              attempt,
              post(url, again, body),
              again,
              body,
              CallbackFault.DUPLICATE));
    }
    if (!delivered && isFinal && attempt <= options.callbackRetries()) {
      started();
      try {
        var unused =
            timer.schedule(
                () ->
                    inLane(
                        taskId,
                        () ->
                            attempt(
                                taskId, url, secret, state, body, isFinal, faults, attempt + 1)),
                options.callbackRetryDelay().toMillis(),
                TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closing) {
        // The sandbox is closing: no more retries.
        ended();
      }
    }
  }

  /** Runs {@code work} on a sender once the task's earlier work is done. */
  private void inLane(String taskId, Runnable untracked) {
    // Each piece of work stands for one started() callback or retry: it ends whatever happens.
    Runnable work =
        () -> {
          try {
            untracked.run();
          } finally {
            ended();
          }
        };
    synchronized (lanes) {
      Deque<Runnable> waiting = lanes.get(taskId);
      if (waiting != null) {
        waiting.addLast(work);
        return;
      }
      lanes.put(taskId, new ArrayDeque<>());
    }
    try {
      senders.execute(() -> drain(taskId, work));
    } catch (RejectedExecutionException closing) {
      // The sandbox is closing: callbacks stop with it.
      ended();
    }
  }

  private void drain(String taskId, Runnable first) {
    Runnable work = first;
    while (work != null) {
      try {
        work.run();
      } catch (RuntimeException e) {
        // Keep the lane going: its later callbacks must not wait forever behind a failed one.
        LOG.log(
            System.Logger.Level.WARNING,
            "vidu sandbox bug sending a callback for task " + taskId,
            e);
      }
      synchronized (lanes) {
        work = lanes.get(taskId).pollFirst();
        if (work == null) {
          lanes.remove(taskId);
        }
      }
    }
  }

  private int post(String url, Map<String, String> headers, String body) {
    try {
      Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body, JSON));
      headers.forEach(request::header);
      try (Response response = http.newCall(request.build()).execute()) {
        return response.code();
      }
    } catch (IOException | IllegalArgumentException e) {
      return -1;
    }
  }

  private void record(SentCallback callback) {
    synchronized (sent) {
      if (sent.size() >= options.recordLimit()) {
        sent.removeFirst();
      }
      sent.addLast(callback);
    }
  }
}
