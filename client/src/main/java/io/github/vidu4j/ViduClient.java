package io.github.vidu4j;

import io.github.vidu4j.core.PrivateAddressException;
import io.github.vidu4j.core.Sleeper;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.internal.OkHttpVersionCheck;
import io.github.vidu4j.internal.SystemLoggerListener;
import io.github.vidu4j.model.Credits;
import io.github.vidu4j.validation.RequestValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * The entry point to Vidu's enterprise image API. Immutable and thread-safe: build one and share
 * it; {@link #close()} it when done.
 *
 * <pre>{@code
 * try (ViduClient client = ViduClient.fromEnv()) {                       // VIDU_API_KEY
 *   ReferenceToImageRequest request = new ReferenceToImageRequest()
 *       .model("viduq2").prompt("a red fox in the snow").resolution("2K");
 *   TaskCreations done = client.images().createAndAwait(request, AwaitOptions.defaults());
 *   client.downloads().toFile(done.getCreations().get(0).getUrl(), Path.of("fox.png"));
 * }
 * }</pre>
 *
 * <p>Every request is validated before it is sent ({@link Images#create}); every failure is a
 * {@link ViduException}: {@link ViduApiException} for HTTP errors, {@link ViduTransportException}
 * for network failures, {@link TaskFailedException} when a task ends {@code failed}, {@link
 * TaskTimeoutException} when waiting runs out of time.
 *
 * <p>Retries: reads are retried on network failures, 408, 429 and 5xx; a task creation only when
 * Vidu cannot have started a task (no connection was made, or 429 {@code TooManyRequests} / {@code
 * SystemThrottling}), so a paid task is never created twice by a retry.
 *
 * <p>Redirects: an API call follows a redirect only for a GET to the same scheme, host and port, at
 * most 5 times; any other (a POST's, or one to another host, which would carry the request
 * elsewhere) fails with a {@link ViduApiException} carrying the redirect's status and naming its
 * target without query values. Downloads follow OkHttp's redirects: up to 20, to any host, without
 * {@code Authorization} once the host changes; a longer chain fails and is not retried. A 2xx
 * answer is read up to {@link Builder#maxResponseBytes}; one that cannot be used is a {@link
 * ViduResponseException}.
 */
public final class ViduClient implements AutoCloseable {
  private final ClientSettings settings;
  private final ClientComponents parts;

  private ViduClient(ClientSettings settings) {
    this.settings = settings;
    this.parts = new ClientComponents(settings, settings.requireApiKey());
  }

  /** A builder; {@link Builder#apiKey} is required. */
  public static Builder builder() {
    return new Builder(new ClientSettings());
  }

  /**
   * A builder holding this client's settings, to build a client that differs in a few: {@code
   * client.newBuilder().readTimeout(Duration.ofMinutes(2)).build()}. The new client shares this
   * one's {@link Builder#httpClient} and {@link Builder#asyncExecutor} if they were given, and
   * otherwise makes its own; closing either client leaves the other working.
   */
  public Builder newBuilder() {
    return new Builder(new ClientSettings(settings));
  }

  /**
   * A client configured from the environment: {@code VIDU_API_KEY} (required) and {@code
   * VIDU_BASE_URL} (optional, default {@link Region#GLOBAL}).
   *
   * @throws ViduException if {@code VIDU_API_KEY} is not set
   */
  public static ViduClient fromEnv() {
    return builder().fromEnvironment(System.getenv()).build();
  }

  /** Creating reference-to-image (and text-to-image) tasks. */
  public Images images() {
    return parts.images;
  }

  /**
   * Creating a task of any generation operation of the spec by name, with its body as JSON: the one
   * create path the typed methods ({@link #videos()}) use.
   */
  public Generations generations() {
    return parts.generations;
  }

  /**
   * The asynchronous calls in one place, each returning a future: creating any generation
   * operation's task, awaiting it, reading, listing and cancelling tasks, credits, downloads and
   * callback confirmation.
   */
  public Async async() {
    return parts.async;
  }

  /** Creating video tasks: text, image, start-end and reference to video. */
  public Videos videos() {
    return parts.videos;
  }

  /** Reading, listing, cancelling and awaiting tasks. */
  public Tasks tasks() {
    return parts.tasks;
  }

  /** Downloading result files. */
  public Downloads downloads() {
    return parts.downloads;
  }

  /** Verifying a callback and then confirming it by reading the task from Vidu. */
  public Callbacks callbacks() {
    return parts.callbacks;
  }

  /** The organisation's remaining credits ({@code GET /ent/v2/credits}), without package detail. */
  public Credits credits() {
    return credits(false);
  }

  /** The remaining credits; {@code showDetail} adds the purchased packages. */
  public Credits credits(boolean showDetail) {
    return parts.credits(showDetail);
  }

  /**
   * {@code text} with this client's API key replaced by {@code <redacted>}, as every message of
   * vidu4j has it: for text from the server before it is logged, shown or stored (a hostile or
   * broken server can echo the key anywhere, even as a task id).
   */
  public String redact(String text) {
    return parts.executor.errors().redact(Objects.requireNonNull(text, "text == null"));
  }

  /** The base URL requests go to, with a trailing slash. */
  public String baseUrl() {
    return settings.baseUrl.toString();
  }

  /**
   * Fails every async call not yet done with a {@link ViduException} saying the client is closed
   * (later ones fail the same way), stops the client's own async threads (a {@link
   * Builder#asyncExecutor} given to it is left running) and, if the client created its own OkHttp
   * client, its connection pool (a shared {@link Builder#httpClient} is left running).
   */
  @Override
  public void close() {
    parts.asyncRunner.close();
    if (settings.httpClient == null) {
      // Calls are synchronous, so OkHttp's dispatcher never started its executor (asking for it
      // would create one just to shut it down); the pool's idle connections are all there is.
      parts.apiHttp.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "ViduClient{baseUrl=" + settings.baseUrl + ", apiKey=<redacted>}";
  }

  /**
   * Configures a {@link ViduClient}. Not thread-safe; every option has a documented default.
   *
   * <p>Fixed, not options: the redirect rules the {@link ViduClient} class documents, and error
   * bodies read up to 64 KiB.
   */
  public static final class Builder {
    private final ClientSettings s;

    private Builder(ClientSettings settings) {
      this.s = settings;
    }

    /**
     * The API key, sent as {@code Authorization: Token <key>}. Required. It must not be blank or
     * contain whitespace or control characters (a common copy-paste accident); it never appears in
     * {@code toString()}, logs or exception messages.
     */
    public Builder apiKey(String apiKey) {
      s.apiKey(apiKey);
      return this;
    }

    /**
     * Where requests go, for example a proxy or {@code ViduSandbox}; default {@link Region#GLOBAL}.
     * It must be an absolute http(s) URL with no user name or password (give proxy credentials to
     * an OkHttp client's authenticator and pass it to {@link #httpClient}), query or fragment.
     */
    public Builder baseUrl(String baseUrl) {
      s.baseUrl(baseUrl);
      return this;
    }

    /** The region's base URL; default {@link Region#GLOBAL}. */
    public Builder region(Region region) {
      return baseUrl(Objects.requireNonNull(region, "region == null").baseUrl());
    }

    /**
     * Sets the key from {@code VIDU_API_KEY} and the base URL from {@code VIDU_BASE_URL} when
     * {@code environment} has them (pass {@code System.getenv()}).
     *
     * @throws ViduException if there is no key in the environment and none was set before
     */
    public Builder fromEnvironment(Map<String, String> environment) {
      s.fromEnvironment(environment);
      return this;
    }

    /** Time to establish a connection; default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      s.connectTimeout = PositiveDurations.require(timeout, "connectTimeout");
      return this;
    }

    /** Longest silence while reading a response; default 60 s. */
    public Builder readTimeout(Duration timeout) {
      s.readTimeout = PositiveDurations.require(timeout, "readTimeout");
      return this;
    }

    /** Longest stall while writing a request; default 60 s. */
    public Builder writeTimeout(Duration timeout) {
      s.writeTimeout = PositiveDurations.require(timeout, "writeTimeout");
      return this;
    }

    /** Time for one attempt of an API call, connect to last byte; default 2 min. */
    public Builder callTimeout(Duration timeout) {
      s.callTimeout = PositiveDurations.require(timeout, "callTimeout");
      return this;
    }

    /** Time for downloading one result file; default 5 min. */
    public Builder downloadTimeout(Duration timeout) {
      s.downloadTimeout = PositiveDurations.require(timeout, "downloadTimeout");
      return this;
    }

    /**
     * The longest 2xx API answer read, in bytes, 1024 to {@link Integer#MAX_VALUE}; default 16 MiB
     * (16,777,216 bytes, eight times a full list page at the spec's limits). A longer one fails
     * with {@link ViduResponseException} (with {@code limitBytes()}) after at most this many bytes
     * were read, whatever its {@code Content-Length} says, and is not retried. Error bodies are
     * read up to 64 KiB whatever this says; downloads of result files are not bounded by it.
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      s.maxResponseBytes(maxResponseBytes);
      return this;
    }

    /**
     * The largest result file downloaded, in bytes, counted after decoding (gzip), from 1024 up;
     * default 64 MiB (67,108,864 bytes, a few times the largest image Vidu makes). A {@code
     * Content-Length} beyond it is refused before the body is read; a body going beyond it is
     * stopped there; either is a {@link ViduResponseException} (with {@code limitBytes()}) and is
     * not retried.
     */
    public Builder maxDownloadBytes(long maxDownloadBytes) {
      s.maxDownloadBytes(maxDownloadBytes);
      return this;
    }

    /**
     * Whether downloads may reach loopback, private and link-local addresses (10/8, 172.16/12,
     * 192.168/16, 169.254/16, 100.64/10, 127/8, fc00::/7, fe80::/10, ::1); default false, refusing
     * them with {@link PrivateAddressException} (result URLs and redirects come from the server,
     * and must not make this process fetch what only its network serves). The default already
     * allows them when the {@link #baseUrl} itself is such an address or {@code localhost} (a
     * sandbox, a test server); set this when Vidu is reached through an internal host name and
     * result files are served inside too.
     */
    public Builder allowPrivateDownloadAddresses(boolean allow) {
      s.allowPrivateDownloadAddresses = allow;
      return this;
    }

    /** Retries after the first attempt, 0 to 10, 0 disabling them; default 2. */
    public Builder maxRetries(int maxRetries) {
      s.maxRetries(maxRetries);
      return this;
    }

    /**
     * The longest single wait before a retry, even if {@code Retry-After} asks for more; default 30
     * s.
     */
    public Builder maxRetryWait(Duration wait) {
      s.maxRetryWait = PositiveDurations.require(wait, "maxRetryWait");
      return this;
    }

    /**
     * Total time from the first attempt within which retries may start: no retry starts that would
     * end later; default 1 min.
     */
    public Builder retryBudget(Duration budget) {
      s.retryBudget = PositiveDurations.require(budget, "retryBudget");
      return this;
    }

    /**
     * An OkHttp client to share connection pools and dispatchers with; the client derives its own
     * from it (timeouts, interceptors) and does not shut it down. Default: a private one. Its
     * {@link okhttp3.EventListener} (set with {@code eventListenerFactory}) sees every API call and
     * download: that is where HTTP-level telemetry goes.
     */
    public Builder httpClient(OkHttpClient httpClient) {
      s.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /**
     * The clock for retry budgets, await deadlines and {@code Retry-After} dates; default UTC
     * system clock.
     */
    public Builder clock(Clock clock) {
      s.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * How the client waits between retries and between the polls of a blocking {@link Tasks#await};
     * default {@link Thread#sleep}. {@link Async#await} schedules its polls on the {@link
     * #asyncExecutor} instead and does not use it.
     */
    public Builder sleeper(Sleeper sleeper) {
      s.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Appended to the {@code User-Agent}, for example {@code "my-app/1.2"}; default none. */
    public Builder userAgentSuffix(String suffix) {
      s.userAgentSuffix(suffix);
      return this;
    }

    /**
     * The checks run on every request before it is sent; default {@link RequestValidator#strict()}.
     * {@link RequestValidator#allowingUnknownModels()} lets a model this release does not know
     * through with only model-independent checks.
     */
    public Builder validator(RequestValidator validator) {
      s.validator = Objects.requireNonNull(validator, "validator == null");
      return this;
    }

    /**
     * Receives the client's events: retries, the states a wait reads and downloads, each with its
     * call's handle ({@link ViduEventListener}); default {@link ViduEventListener#NONE}, which adds
     * nothing to a call. {@link #logEvents(System.Logger)} logs them. HTTP requests and responses
     * are OkHttp's events: pass {@code new OkHttpClient.Builder().eventListenerFactory(...)} built
     * to {@link #httpClient}.
     */
    public Builder eventListener(ViduEventListener listener) {
      s.eventListener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Writes each event as one line to {@code logger}, starting with its call's handle ({@code
     * #12}): states and downloads at {@code DEBUG}, retries at {@code WARNING}. Replaces the {@link
     * #eventListener}; the {@code vidu4j-slf4j} artifact has an SLF4J listener.
     */
    public Builder logEvents(System.Logger logger) {
      return eventListener(
          new SystemLoggerListener(Objects.requireNonNull(logger, "logger == null")));
    }

    /**
     * Where the calls of {@link ViduClient#async()} run and waits between polls are scheduled. Each
     * poll or call is one short task (a request and its retries); nothing waits on a thread between
     * polls. The caller owns the executor: {@link ViduClient#close()} does not shut it down.
     * Default: the client's own, of at most 4 daemon threads named {@code vidu4j-async-<n>}, which
     * end when idle for 10 s and at {@code close()}.
     */
    public Builder asyncExecutor(ScheduledExecutorService executor) {
      s.asyncExecutor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * The client.
     *
     * @throws ViduException if no API key was set, as {@link #fromEnvironment} does
     * @throws ViduException if OkHttp 4 is on the classpath, alone or beside the OkHttp 5 this
     *     client needs (README, "Using vidu4j in your build")
     */
    public ViduClient build() {
      OkHttpVersionCheck.requireOkHttp5();
      s.requireApiKey();
      return new ViduClient(new ClientSettings(s));
    }

    @Override
    public String toString() {
      return "ViduClient.Builder{baseUrl="
          + s.baseUrl
          + ", apiKey="
          + (s.apiKey == null ? "unset" : "<redacted>")
          + "}";
    }
  }
}
