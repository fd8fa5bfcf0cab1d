package io.github.vidu4j.sandbox;

import io.github.vidu4j.validation.ViduRules;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link ViduSandbox} behaves. Immutable; start from {@link #defaults()} (timings for demos,
 * in seconds) or {@link #fast()} (timings for tests, in milliseconds) and adjust.
 *
 * <pre>{@code
 * ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast().toBuilder().apiKey("my-test-key").build());
 * }</pre>
 */
public final class SandboxOptions {
  /**
   * The key every sandbox accepts unless other keys are configured. Not a secret: it works only
   * here.
   */
  public static final String DEMO_KEY = "vidu-sandbox-demo-key";

  /**
   * The default {@link #maxRequestBodyBytes()}: Vidu's limit on a whole request body (20 MB, read
   * from the spec as {@code max_body_bytes}) plus a margin of 1 MB, so the sandbox is never
   * stricter than Vidu.
   */
  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES =
      ViduRules.spec().images().maxBodyBytes() + 1_000_000;

  private final int port;
  private final List<String> apiKeys;
  private final Duration queueDelay;
  private final Duration processingTime;
  private final int concurrencyLimit;
  private final long credits;
  private final Duration resultUrlTtl;
  private final int callbackRetries;
  private final Duration callbackRetryDelay;
  private final Duration callbackTimeout;
  private final Clock clock;
  private final Map<String, String> extraFields;
  private final Set<String> acceptedRequestFields;
  private final int recordLimit;
  private final long maxRequestBodyBytes;
  private final Duration requestReadTimeout;
  private final int httpThreads;
  private final int httpQueue;
  private final int maxResultSide;
  private final @Nullable String failTasks;

  private SandboxOptions(Builder b) {
    this.port = b.port;
    this.apiKeys = b.apiKeys.isEmpty() ? List.of(DEMO_KEY) : List.copyOf(b.apiKeys);
    this.queueDelay = b.queueDelay;
    this.processingTime = b.processingTime;
    this.concurrencyLimit = b.concurrencyLimit;
    this.credits = b.credits;
    this.resultUrlTtl = b.resultUrlTtl;
    this.callbackRetries = b.callbackRetries;
    this.callbackRetryDelay = b.callbackRetryDelay;
    this.callbackTimeout = b.callbackTimeout;
    this.clock = b.clock;
    this.extraFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraFields));
    this.acceptedRequestFields =
        Collections.unmodifiableSet(new LinkedHashSet<>(b.acceptedRequestFields));
    this.recordLimit = b.recordLimit;
    this.maxRequestBodyBytes = b.maxRequestBodyBytes;
    this.requestReadTimeout = b.requestReadTimeout;
    this.httpThreads = b.httpThreads;
    this.httpQueue = b.httpQueue;
    this.maxResultSide = b.maxResultSide;
    this.failTasks = b.failTasks;
  }

  /**
   * Demo timings: a task is {@code created} for 0.5 s, then queues or processes for 3 s; result
   * URLs live 24 hours (as Vidu's current docs say); failed {@code success}/{@code failed}
   * callbacks are retried 3 times, 2 s apart; 10,000 credits; Vidu's default concurrency limit; the
   * last 1,000 requests and 1,000 callback attempts recorded; a random free port; the key {@link
   * #DEMO_KEY}.
   */
  public static SandboxOptions defaults() {
    return builder().build();
  }

  /**
   * Test timings: 20 ms created, 200 ms processing, callback retries 50 ms apart; otherwise {@link
   * #defaults()}.
   */
  public static SandboxOptions fast() {
    return builder()
        .queueDelay(Duration.ofMillis(20))
        .processingTime(Duration.ofMillis(200))
        .callbackRetryDelay(Duration.ofMillis(50))
        .build();
  }

  /** A builder with the {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.port = port;
    if (!(apiKeys.size() == 1 && apiKeys.get(0).equals(DEMO_KEY))) {
      b.apiKeys.addAll(apiKeys);
    }
    b.queueDelay = queueDelay;
    b.processingTime = processingTime;
    b.concurrencyLimit = concurrencyLimit;
    b.credits = credits;
    b.resultUrlTtl = resultUrlTtl;
    b.callbackRetries = callbackRetries;
    b.callbackRetryDelay = callbackRetryDelay;
    b.callbackTimeout = callbackTimeout;
    b.clock = clock;
    b.extraFields.putAll(extraFields);
    b.acceptedRequestFields.addAll(acceptedRequestFields);
    b.recordLimit = recordLimit;
    b.maxRequestBodyBytes = maxRequestBodyBytes;
    b.requestReadTimeout = requestReadTimeout;
    b.httpThreads = httpThreads;
    b.httpQueue = httpQueue;
    b.maxResultSide = maxResultSide;
    b.failTasks = failTasks;
    return b;
  }

  /** The port on 127.0.0.1; 0 (the default) picks a free one. */
  public int port() {
    return port;
  }

  /**
   * The API keys accepted as {@code Authorization: Token <key>}; the first is the {@link
   * ViduSandbox#demoKey()}.
   */
  public List<String> apiKeys() {
    return apiKeys;
  }

  /** How long a new task stays {@code created} before it queues. */
  public Duration queueDelay() {
    return queueDelay;
  }

  /** How long a task processes before it succeeds or fails. */
  public Duration processingTime() {
    return processingTime;
  }

  /**
   * Tasks processing at once; the rest queue. Reported as {@code concurrency_limit} in the credits
   * response, as Vidu reports an organisation's real limit there. Default: Vidu's default, {@link
   * ViduRules#defaultConcurrencyLimit()}.
   */
  public int concurrencyLimit() {
    return concurrencyLimit;
  }

  /** The credits the organisation starts with. */
  public long credits() {
    return credits;
  }

  /** How long a result URL stays valid after the task is read. */
  public Duration resultUrlTtl() {
    return resultUrlTtl;
  }

  /** Extra attempts for a {@code success} or {@code failed} callback that was not answered 2xx. */
  public int callbackRetries() {
    return callbackRetries;
  }

  /** The wait between callback attempts. */
  public Duration callbackRetryDelay() {
    return callbackRetryDelay;
  }

  /** How long one callback attempt may take. */
  public Duration callbackTimeout() {
    return callbackTimeout;
  }

  /**
   * The clock for dates the sandbox reports (task creation, callback {@code Date}) and for result
   * URL expiry. Lifecycle timers run on real time.
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Fields no client knows yet, added to every JSON object the sandbox answers or sends in a
   * callback (nested objects too), as JSON text by name. Empty by default. They stand for what Vidu
   * may add tomorrow: a client that breaks on them is not forward compatible.
   */
  public Map<String, String> extraFields() {
    return extraFields;
  }

  /**
   * Create-request fields the spec does not know that the sandbox accepts and echoes in the create
   * response, as Vidu may accept fields newer than the spec (say {@code quality}). Any other
   * unknown field is refused with {@code 400 FieldUnwanted}, as Vidu refuses it. Empty by default.
   */
  public Set<String> acceptedRequestFields() {
    return acceptedRequestFields;
  }

  /**
   * How many of the most recent requests ({@link ViduSandbox#received()}) and, separately, callback
   * attempts ({@link ViduSandbox#callbacksSent()}) are kept; older ones are forgotten. Default
   * 1,000: a sandbox serving for days holds a bounded amount, though a request can carry tens of
   * megabytes of data-URI images.
   */
  public int recordLimit() {
    return recordLimit;
  }

  /**
   * The largest request body read, in bytes; a larger one is refused with {@code 413
   * RequestEntityTooLarge}: at once when its {@code Content-Length} says so, or as soon as the
   * count passes the limit while a chunked body is read. Default {@link
   * #DEFAULT_MAX_REQUEST_BODY_BYTES} (21,000,000). Vidu documents the 20 MB limit but not its
   * answer beyond it; the 413 with Vidu's error body is assumed.
   */
  public long maxRequestBodyBytes() {
    return maxRequestBodyBytes;
  }

  /**
   * How long one request may take to arrive, headers and body, counted from when a worker thread
   * takes up the connection; when it passes, the connection is closed without an answer (the client
   * is too slow to be worth one). Scripted delays and processing come after and do not count.
   * Default 30 s: 20 MB at about 6 Mbit/s.
   */
  public Duration requestReadTimeout() {
    return requestReadTimeout;
  }

  /**
   * Worker threads serving requests, at most; default 32. Connections waiting for a request do not
   * hold one; a request being read or processed does.
   */
  public int httpThreads() {
    return httpThreads;
  }

  /**
   * Requests that may wait for a worker thread; default 64. Beyond them, up to 16 more are answered
   * {@code 503 ServiceUnavailable} by one overflow thread without their bodies being read (an
   * assumed answer: Vidu documents none for this), and connections beyond those are closed.
   */
  public int httpQueue() {
    return httpQueue;
  }

  /**
   * The longest side, in pixels, of the PNG results the sandbox renders (the aspect ratio kept); 0
   * (the default) renders them at the size the task reports. The reported size never changes. For
   * load tests: a 1080p picture costs the sandbox more than the client's whole work on its task.
   */
  public int maxResultSide() {
    return maxResultSide;
  }

  /**
   * The {@code err_code} with which every task ends {@code failed} (credits refunded), so that a
   * program's failure path can be tried; empty (the default) when tasks succeed. {@link
   * Faults#failNextTask} fails one task at a time instead.
   */
  public Optional<String> failTasks() {
    return Optional.ofNullable(failTasks);
  }

  @Override
  public String toString() {
    return "SandboxOptions{port="
        + port
        + ", apiKeys="
        + apiKeys.size()
        + " <redacted>, queueDelay="
        + queueDelay
        + ", processingTime="
        + processingTime
        + ", concurrencyLimit="
        + concurrencyLimit
        + ", credits="
        + credits
        + ", resultUrlTtl="
        + resultUrlTtl
        + ", callbackRetries="
        + callbackRetries
        + ", callbackRetryDelay="
        + callbackRetryDelay
        + ", callbackTimeout="
        + callbackTimeout
        + ", extraFields="
        + extraFields.keySet()
        + ", acceptedRequestFields="
        + acceptedRequestFields
        + ", recordLimit="
        + recordLimit
        + ", maxRequestBodyBytes="
        + maxRequestBodyBytes
        + ", requestReadTimeout="
        + requestReadTimeout
        + ", httpThreads="
        + httpThreads
        + ", httpQueue="
        + httpQueue
        + (maxResultSide == 0 ? "" : ", maxResultSide=" + maxResultSide)
        + (failTasks == null ? "" : ", failTasks=" + failTasks)
        + "}";
  }

  /** Builds {@link SandboxOptions}. */
  public static final class Builder {
    private int port;
    private final Set<String> apiKeys = new LinkedHashSet<>();
    private Duration queueDelay = Duration.ofMillis(500);
    private Duration processingTime = Duration.ofSeconds(3);
    private int concurrencyLimit = ViduRules.spec().defaultConcurrencyLimit();
    private long credits = 10_000;
    private Duration resultUrlTtl = Duration.ofHours(24);
    private int callbackRetries = 3;
    private Duration callbackRetryDelay = Duration.ofSeconds(2);
    private Duration callbackTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> extraFields = new LinkedHashMap<>();
    private final Set<String> acceptedRequestFields = new LinkedHashSet<>();
    private int recordLimit = 1_000;
    private long maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;
    private Duration requestReadTimeout = Duration.ofSeconds(30);
    private int httpThreads = 32;
    private int httpQueue = 64;
    private int maxResultSide;
    private @Nullable String failTasks;

    private Builder() {}

    /**
     * Adds field {@code name} with the JSON value {@code jsonValue} (for example {@code "\"v\""} or
     * {@code {"a":1}}) to every JSON object in answers and callbacks; see {@link
     * SandboxOptions#extraFields()}.
     *
     * @throws IllegalArgumentException if {@code name} is blank or {@code jsonValue} is not JSON
     */
    public Builder extraField(String name, String jsonValue) {
      ExtraFields.check(name, jsonValue);
      extraFields.put(name, jsonValue);
      return this;
    }

    /**
     * Accepts and echoes the create-request field {@code name}; see {@link
     * SandboxOptions#acceptedRequestFields()}.
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder acceptRequestField(String name) {
      if (Objects.requireNonNull(name, "name == null").isBlank()) {
        throw new IllegalArgumentException("acceptRequestField name must not be blank");
      }
      acceptedRequestFields.add(name);
      return this;
    }

    /** See {@link SandboxOptions#clock()}; default the UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** See {@link SandboxOptions#port()}; 0 to 65535. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Accepts {@code apiKey} (in addition to keys added before); once any key is added, {@link
     * #DEMO_KEY} is no longer accepted unless added too. Callbacks of a task are signed with the
     * key that created it.
     */
    public Builder apiKey(String apiKey) {
      Objects.requireNonNull(apiKey, "apiKey == null");
      if (apiKey.isBlank() || !apiKey.strip().equals(apiKey)) {
        throw new IllegalArgumentException(
            "apiKey must be non-blank without surrounding whitespace");
      }
      apiKeys.add(apiKey);
      return this;
    }

    /** See {@link SandboxOptions#queueDelay()}. */
    public Builder queueDelay(Duration delay) {
      this.queueDelay = nonNegative(delay, "queueDelay");
      return this;
    }

    /** See {@link SandboxOptions#processingTime()}. */
    public Builder processingTime(Duration time) {
      this.processingTime = nonNegative(time, "processingTime");
      return this;
    }

    /** See {@link SandboxOptions#concurrencyLimit()}; at least 1. */
    public Builder concurrencyLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("concurrencyLimit must be at least 1, got " + limit);
      }
      this.concurrencyLimit = limit;
      return this;
    }

    /** See {@link SandboxOptions#credits()}; not negative. */
    public Builder credits(long credits) {
      if (credits < 0) {
        throw new IllegalArgumentException("credits must not be negative, got " + credits);
      }
      this.credits = credits;
      return this;
    }

    /** See {@link SandboxOptions#resultUrlTtl()}. */
    public Builder resultUrlTtl(Duration ttl) {
      this.resultUrlTtl = nonNegative(ttl, "resultUrlTtl");
      return this;
    }

    /** See {@link SandboxOptions#callbackRetries()}; 0 to 10. */
    public Builder callbackRetries(int retries) {
      if (retries < 0 || retries > 10) {
        throw new IllegalArgumentException("callbackRetries must be 0..10, got " + retries);
      }
      this.callbackRetries = retries;
      return this;
    }

    /** See {@link SandboxOptions#callbackRetryDelay()}. */
    public Builder callbackRetryDelay(Duration delay) {
      this.callbackRetryDelay = nonNegative(delay, "callbackRetryDelay");
      return this;
    }

    /** See {@link SandboxOptions#callbackTimeout()}; positive. */
    public Builder callbackTimeout(Duration timeout) {
      if (nonNegative(timeout, "callbackTimeout").isZero()) {
        throw new IllegalArgumentException("callbackTimeout must be positive");
      }
      this.callbackTimeout = timeout;
      return this;
    }

    /** See {@link SandboxOptions#recordLimit()}; at least 1, default 1,000. */
    public Builder recordLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("recordLimit must be at least 1, got " + limit);
      }
      this.recordLimit = limit;
      return this;
    }

    /** See {@link SandboxOptions#maxRequestBodyBytes()}; at least 1, default 21,000,000. */
    public Builder maxRequestBodyBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxRequestBodyBytes must be at least 1, got " + bytes);
      }
      this.maxRequestBodyBytes = bytes;
      return this;
    }

    /** See {@link SandboxOptions#requestReadTimeout()}; positive, default 30 s. */
    public Builder requestReadTimeout(Duration timeout) {
      if (nonNegative(timeout, "requestReadTimeout").isZero()) {
        throw new IllegalArgumentException("requestReadTimeout must be positive");
      }
      this.requestReadTimeout = timeout;
      return this;
    }

    /** See {@link SandboxOptions#httpThreads()}; 1 to 1,000, default 32. */
    public Builder httpThreads(int threads) {
      if (threads < 1 || threads > 1_000) {
        throw new IllegalArgumentException("httpThreads must be 1..1000, got " + threads);
      }
      this.httpThreads = threads;
      return this;
    }

    /** See {@link SandboxOptions#httpQueue()}; 0 to 100,000, default 64. */
    public Builder httpQueue(int queue) {
      if (queue < 0 || queue > 100_000) {
        throw new IllegalArgumentException("httpQueue must be 0..100000, got " + queue);
      }
      this.httpQueue = queue;
      return this;
    }

    /** See {@link SandboxOptions#maxResultSide()}; 0 (the default) or 16 to 10,000. */
    public Builder maxResultSide(int pixels) {
      if (pixels != 0 && (pixels < 16 || pixels > 10_000)) {
        throw new IllegalArgumentException("maxResultSide must be 0 or 16..10000, got " + pixels);
      }
      this.maxResultSide = pixels;
      return this;
    }

    /**
     * See {@link SandboxOptions#failTasks()}: every task ends {@code failed} with {@code errCode}
     * (for example {@code CreationPolicyViolation}); {@code null} to succeed again (the default).
     *
     * @throws IllegalArgumentException if {@code errCode} is blank or holds other than letters,
     *     digits, '_', '-' and '.'
     */
    public Builder failTasks(@Nullable String errCode) {
      if (errCode != null && !errCode.matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException(
            "failTasks needs an err_code such as CreationPolicyViolation (letters, digits, '_', '-', '.'), got '"
                + errCode
                + "'");
      }
      this.failTasks = errCode;
      return this;
    }

    /** The options. */
    public SandboxOptions build() {
      return new SandboxOptions(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }
  }
}
