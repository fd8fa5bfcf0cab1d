package io.github.vidu4j.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import io.github.vidu4j.Images;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.validation.GenerationOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Vidu on 127.0.0.1: the five operations of the spec with Vidu's checks and error bodies,
 * the task lifecycle ({@code created}, {@code queueing}, {@code processing}, then {@code success}
 * or {@code failed}; at most {@link SandboxOptions#concurrencyLimit()} processing), credits (8, 12
 * and 16 per 1080p, 2K and 4K task, prices the sandbox invents; refunded when a task fails or is
 * cancelled), PNG results rendered for each task behind expiring URLs, and callbacks signed as Vidu
 * signs them, with the key that created the task.
 *
 * <pre>{@code
 * try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast());
 *      ViduClient client = sandbox.newClient()) {
 *   TaskCreations done = client.images().createAndAwait(request);
 * }
 * }</pre>
 *
 * <p>Hostile clients are refused cheaply: the key is checked before a body is read, bodies are
 * bounded ({@link SandboxOptions#maxRequestBodyBytes()}), each request has a read deadline ({@link
 * SandboxOptions#requestReadTimeout()}) and requests are served by a bounded pool ({@link
 * SandboxOptions#httpThreads()}, {@link SandboxOptions#httpQueue()}).
 *
 * <p>Everything runs on daemon threads and {@link #close()} stops them. Thread-safe.
 */
public final class ViduSandbox implements AutoCloseable {
  private final SandboxOptions options;
  private final HttpServer server;
  private final HttpWorkers httpThreads;
  private final ScheduledExecutorService lifecycleThread;
  private final Faults faults = new Faults();
  private final CallbackDelivery callbacks;
  private final TaskEngine engine;
  private final SandboxHttp http;
  private final String baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ViduSandbox(SandboxOptions options) throws IOException {
    this.options = options;
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
    this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    this.httpThreads =
        new HttpWorkers(
            options.httpThreads(),
            options.httpQueue(),
            options.requestReadTimeout(),
            daemon("vidu-sandbox-http"),
            daemon("vidu-sandbox-http-overflow"),
            daemon("vidu-sandbox-http-deadline"));
    this.lifecycleThread =
        Executors.newSingleThreadScheduledExecutor(daemon("vidu-sandbox-lifecycle"));
    this.callbacks = new CallbackDelivery(options, daemon("vidu-sandbox-callbacks"));
    this.engine = new TaskEngine(options, faults, lifecycleThread, callbacks, baseUrl);
    this.http = new SandboxHttp(options, faults, engine);
    server.createContext("/", http);
    server.setExecutor(httpThreads);
    server.start();
  }

  /** Starts a sandbox with {@link SandboxOptions#defaults()}. */
  public static ViduSandbox start() {
    return start(SandboxOptions.defaults());
  }

  /**
   * Starts a sandbox.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static ViduSandbox start(SandboxOptions options) {
    Objects.requireNonNull(options, "options == null");
    try {
      return new ViduSandbox(options);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the Vidu sandbox on 127.0.0.1:" + options.port(), e);
    }
  }

  /**
   * The base URL to give {@code ViduClient.Builder#baseUrl}, for example {@code
   * http://127.0.0.1:54321/}.
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * {@link #baseUrl()} without its trailing slash, the form to print and to export as {@code
   * VIDU_BASE_URL}: a client or a {@code curl} line that appends {@code /ent/v2/...} to it sends
   * the path it means (with the slash, it would send {@code //ent/v2/...}).
   */
  public String origin() {
    return baseUrl.substring(0, baseUrl.length() - 1);
  }

  /** The port on 127.0.0.1. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The first accepted API key ({@link SandboxOptions#DEMO_KEY} unless keys were configured). */
  public String demoKey() {
    return options.apiKeys().get(0);
  }

  /** The options this sandbox runs with. */
  public SandboxOptions options() {
    return options;
  }

  /** A client builder pointed at this sandbox with {@link #demoKey()}; adjust and build. */
  public ViduClient.Builder clientBuilder() {
    return ViduClient.builder().baseUrl(baseUrl).apiKey(demoKey());
  }

  /** A client pointed at this sandbox with {@link #demoKey()}; close it when done. */
  public ViduClient newClient() {
    return clientBuilder().build();
  }

  /** Faults on demand: scripted responses, failing tasks and misdelivered callbacks. */
  public Faults faults() {
    return faults;
  }

  /**
   * The requests received, oldest first, with the answer given: the most recent {@link
   * SandboxOptions#recordLimit()} of them (1,000 by default), each with at most {@link
   * RecordedExchange#MAX_RECORDED_BODY_BYTES} of its bodies.
   */
  public List<RecordedExchange> received() {
    return http.recorded();
  }

  /** The requests received for {@code operation}, among those {@link #received()} returns. */
  public List<RecordedExchange> received(Operation operation) {
    return http.recorded().stream().filter(e -> e.operation() == operation).toList();
  }

  /**
   * The callback attempts, oldest first: the most recent {@link SandboxOptions#recordLimit()} of
   * them.
   */
  public List<SentCallback> callbacksSent() {
    return callbacks.sent();
  }

  /** Forgets the recorded requests and callbacks (tasks, credits and faults stay). */
  public void clearRecords() {
    http.clearRecords();
    callbacks.clearRecords();
  }

  /** The state of task {@code id}, if it exists. */
  public Optional<TaskState> taskState(String id) {
    return engine.stateOf(id);
  }

  /** How many tasks exist: each one a client paid for. */
  public int taskCount() {
    return engine.taskCount();
  }

  /** The most tasks that were {@code processing} at once since the sandbox started. */
  public int peakProcessing() {
    return engine.peakProcessing();
  }

  /**
   * The most tasks created through the API that were unfinished at once ({@code created}, {@code
   * queueing} or {@code processing}) since the sandbox started: how many a client kept in flight.
   * Tasks given with {@link #givenTask} do not count.
   */
  public int peakUnfinishedTasks() {
    return engine.peakUnfinished();
  }

  /**
   * The credits a task of {@code request} costs in the sandbox: 8, 12 or 16 for 1080p, 2K or 4K
   * (1080p when absent or unknown). Vidu publishes no price list in its API documentation, so this
   * is only an estimate of what Vidu charges.
   */
  public static int creditsFor(ReferenceToImageRequest request) {
    return Prices.of(Objects.requireNonNull(request, "request == null"));
  }

  /**
   * The credits a task of {@code operation} with {@code body} costs in the sandbox: for an image
   * operation as {@link #creditsFor(ReferenceToImageRequest)}, for a video per second by resolution
   * after Vidu's defaults are filled in (invented prices modelled on Vidu's CN price table, not
   * Vidu's). Only an estimate of what Vidu charges.
   */
  public static int creditsFor(GenerationOperation operation, JsonObject body) {
    Objects.requireNonNull(operation, "operation == null");
    JsonObject filled = Objects.requireNonNull(body, "body == null").deepCopy();
    SpecOperation spec = SpecRules.named(operation.name());
    if (!spec.producesVideo()) {
      return Prices.of(ViduJson.read(filled.toString(), ReferenceToImageRequest.class));
    }
    VideoTasks.withVidusDefaults(spec, filled);
    return Prices.ofVideo(filled, VideoTasks.secondsAndFps(spec, filled)[0]);
  }

  /**
   * A provider state: task {@code id} exists in {@code state} and stays there (the lifecycle does
   * not move it; cancel still works where allowed). A {@code success} task has one creation. The
   * task is a text-to-image task of the spec's first model that takes no images, with that model's
   * default aspect ratio and resolution.
   */
  public void givenTask(String id, TaskState state) {
    givenTask(id, state, lighthouse());
  }

  /** A text-to-image request: the spec's first model that takes no images. */
  static ReferenceToImageRequest lighthouse() {
    return new ReferenceToImageRequest().model(textToImageModel()).prompt("a lighthouse at dawn");
  }

  /** The spec's first model that takes no images (text-to-image). */
  static String textToImageModel() {
    return Images.REFERENCE_TO_IMAGE.models().values().stream()
        .filter(m -> Integer.valueOf(0).equals(m.minImages()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the spec has no text-to-image model"))
        .model();
  }

  /** {@link #givenTask(String, TaskState)} for a task made from {@code request}. */
  public void givenTask(String id, TaskState state, ReferenceToImageRequest request) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(request, "request == null");
    engine.seed(id, state, "", demoKey(), request);
  }

  /** A provider state: task {@code id} ended {@code failed} with {@code errCode}. */
  public void givenFailedTask(String id, String errCode) {
    Objects.requireNonNull(errCode, "errCode == null");
    engine.seed(id, TaskState.FAILED, errCode, demoKey(), lighthouse());
  }

  /**
   * Sets the organisation's remaining credits (for example 0, to see {@code CreditInsufficient}).
   */
  public void setCredits(long credits) {
    if (credits < 0) {
      throw new IllegalArgumentException("credits must not be negative, got " + credits);
    }
    engine.setCredits(credits);
  }

  /**
   * Waits, at most {@code timeout}, until every callback queued so far has been sent or has given
   * up (its retries included), so that a sandbox about to {@link #close()} (the CLI's in-process
   * one, say) does not drop a task's final callback. Returns whether none is left; false also if
   * interrupted (the interrupt is kept).
   */
  public boolean awaitCallbacks(java.time.Duration timeout) {
    try {
      return callbacks.awaitIdle(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops serving and every sandbox thread; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      lifecycleThread.shutdownNow();
      httpThreads.close();
      callbacks.close();
      engine.close();
    }
  }

  @Override
  public String toString() {
    return "ViduSandbox{" + baseUrl + (closed.get() ? ", closed" : "") + "}";
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
