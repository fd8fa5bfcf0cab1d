package io.github.vidu4j;

import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.PrivateAddressException;
import io.github.vidu4j.core.SafeUrl;
import io.github.vidu4j.core.Sleeper;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.internal.EmptyBodyConverterFactory;
import io.github.vidu4j.internal.ErrorMapper;
import io.github.vidu4j.internal.HttpClients;
import io.github.vidu4j.internal.JsonConverterFactory;
import io.github.vidu4j.internal.OkHttpVersionCheck;
import io.github.vidu4j.internal.RetryingExecutor;
import io.github.vidu4j.internal.SystemLoggerListener;
import io.github.vidu4j.internal.api.AccountApi;
import io.github.vidu4j.internal.api.TasksApi;
import io.github.vidu4j.model.Credits;
import io.github.vidu4j.validation.RequestValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

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
  /** Default {@link Builder#connectTimeout}: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default {@link Builder#readTimeout}: 60 s. Vidu answers a create in about a second. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

  /** Default {@link Builder#writeTimeout}: 60 s, enough for a 20 MB body at about 3 Mbit/s. */
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);

  /** Default {@link Builder#callTimeout}: 2 min for one attempt, connect to last byte. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);

  /**
   * Not a public constant: javac would copy its value into callers, and a new default would not
   * reach them.
   */
  private static final int DEFAULT_MAX_RETRIES = 2;

  /**
   * Default {@link Builder#maxRetryWait}: 30 s, the longest single wait, even if Retry-After asks
   * for more.
   */
  public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(30);

  /**
   * Default {@link Builder#retryBudget}: 1 min; no retry starts that would end later than this
   * after the first attempt.
   */
  public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofMinutes(1);

  /** Default {@link Builder#downloadTimeout}: 5 min for one result file. */
  public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);

  // A full list page (100 tasks, the spec's maximum) of the spec's example task is 58 KB; with
  // 2,000-character prompts written as JSON escapes, 7 image URLs and 4 presigned result URLs per
  // task it is about 2 MB: the default leaves eight times that.
  private static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  // Vidu's result images are at most tens of MB (a 4K PNG of noise is about 25 MB).
  private static final long DEFAULT_MAX_DOWNLOAD_BYTES = 64L * 1024 * 1024;

  private final HttpUrl baseUrl;
  private final boolean ownsHttpClient;
  private final OkHttpClient apiHttp;
  private final AsyncRunner async;

  /** What this client was built from, for {@link #newBuilder()}. */
  private final Builder settings;

  private final Images images;
  private final Generations generations;
  private final Videos videos;
  private final Async asyncSide;
  private final Tasks tasks;
  private final Downloads downloads;
  private final Callbacks callbacks;
  private final AccountApi accountApi;
  private final RetryingExecutor executor;

  private ViduClient(Builder b) {
    this.settings = new Builder(b);
    this.baseUrl = b.baseUrl;
    this.ownsHttpClient = b.httpClient == null;
    HttpClients http =
        new HttpClients(
            b.httpClient,
            Objects.requireNonNull(b.apiKey),
            b.userAgentSuffix,
            b.connectTimeout,
            b.readTimeout,
            b.writeTimeout,
            b.callTimeout,
            b.downloadTimeout,
            b.baseUrl,
            b.allowPrivateDownloadAddresses);
    this.apiHttp = http.api();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(apiHttp)
            .addConverterFactory(new EmptyBodyConverterFactory())
            .addConverterFactory(new JsonConverterFactory(b.maxResponseBytes))
            .build();
    this.executor =
        new RetryingExecutor(
            b.maxRetries,
            b.maxRetryWait,
            b.retryBudget,
            b.clock,
            b.sleeper,
            new ErrorMapper(Objects.requireNonNull(b.apiKey), b.clock),
            b.eventListener);
    this.async =
        b.asyncExecutor == null ? AsyncRunner.ofOwnExecutor() : AsyncRunner.on(b.asyncExecutor);
    this.tasks =
        new Tasks(retrofit.create(TasksApi.class), executor, b.clock, b.sleeper, b.eventListener);
    this.generations =
        new Generations(
            retrofit.create(io.github.vidu4j.internal.OperationApi.class),
            executor,
            b.validator,
            tasks,
            b.clock);
    this.images = new Images(generations);
    this.videos = new Videos(generations);
    this.downloads = new Downloads(http.downloads(), executor, b.eventListener, b.maxDownloadBytes);
    this.callbacks = new Callbacks(tasks);
    this.accountApi = retrofit.create(AccountApi.class);
    this.asyncSide = new Async(generations, tasks, downloads, this::credits, async);
  }

  /** A builder; {@link Builder#apiKey} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this client's settings, to build a client that differs in a few: {@code
   * client.newBuilder().readTimeout(Duration.ofMinutes(2)).build()}. The new client shares this
   * one's {@link Builder#httpClient} and {@link Builder#asyncExecutor} if they were given, and
   * otherwise makes its own; closing either client leaves the other working.
   */
  public Builder newBuilder() {
    return new Builder(settings);
  }

  /**
   * Default {@link Builder#maxResponseBytes}: 16 MiB (16,777,216 bytes), eight times a full list
   * page at the spec's limits.
   */
  public static long defaultMaxResponseBytes() {
    return DEFAULT_MAX_RESPONSE_BYTES;
  }

  /**
   * Default {@link Builder#maxDownloadBytes}: 64 MiB (67,108,864 bytes) per result file, a few
   * times the largest image Vidu makes.
   */
  public static long defaultMaxDownloadBytes() {
    return DEFAULT_MAX_DOWNLOAD_BYTES;
  }

  /** Default {@link Builder#maxRetries}: 2 retries after the first attempt. */
  public static int defaultMaxRetries() {
    return DEFAULT_MAX_RETRIES;
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
    return images;
  }

  /**
   * Creating a task of any generation operation of the spec by name, with its body as JSON: the one
   * create path the typed methods ({@link #videos()}) use.
   */
  public Generations generations() {
    return generations;
  }

  /**
   * The asynchronous calls in one place, each returning a future: creating any generation
   * operation's task, awaiting it, reading, listing and cancelling tasks, credits, downloads and
   * callback confirmation.
   */
  public Async async() {
    return asyncSide;
  }

  /** Creating video tasks: text, image, start-end and reference to video. */
  public Videos videos() {
    return videos;
  }

  /** Reading, listing, cancelling and awaiting tasks. */
  public Tasks tasks() {
    return tasks;
  }

  /** Downloading result files. */
  public Downloads downloads() {
    return downloads;
  }

  /** Verifying a callback and then confirming it by reading the task from Vidu. */
  public Callbacks callbacks() {
    return callbacks;
  }

  /** The organisation's remaining credits ({@code GET /ent/v2/credits}), without package detail. */
  public Credits credits() {
    return credits(false);
  }

  /** The remaining credits; {@code showDetail} adds the purchased packages. */
  public Credits credits(boolean showDetail) {
    return executor.execute(
        accountApi.getCredits(showDetail), RetryingExecutor.Mode.IDEMPOTENT, "GET /ent/v2/credits");
  }

  /**
   * {@code text} with this client's API key replaced by {@code <redacted>}, as every message of
   * vidu4j has it: for text from the server before it is logged, shown or stored (a hostile or
   * broken server can echo the key anywhere, even as a task id).
   */
  public String redact(String text) {
    return executor.errors().redact(Objects.requireNonNull(text, "text == null"));
  }

  /** The base URL requests go to, with a trailing slash. */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /**
   * Fails every async call not yet done with a {@link ViduException} saying the client is closed
   * (later ones fail the same way), stops the client's own async threads (a {@link
   * Builder#asyncExecutor} given to it is left running) and, if the client created its own OkHttp
   * client, its connection pool (a shared {@link Builder#httpClient} is left running).
   */
  @Override
  public void close() {
    async.close();
    if (ownsHttpClient) {
      // Calls are synchronous, so OkHttp's dispatcher never started its executor (asking for it
      // would create one just to shut it down); the pool's idle connections are all there is.
      apiHttp.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "ViduClient{baseUrl=" + baseUrl + ", apiKey=<redacted>}";
  }

  /**
   * Configures a {@link ViduClient}. Not thread-safe; every option has a documented default.
   *
   * <p>Fixed, not options: API calls follow a redirect only for a GET to the same scheme, host and
   * port, at most 5 times (a POST's redirect, or one to another host, is a {@link ViduApiException}
   * with the 3xx status, naming the target without query values; nothing is re-sent there);
   * downloads follow OkHttp's redirects, up to 20 to any host, dropping {@code Authorization} when
   * the host changes; error bodies are read up to 64 KiB.
   */
  public static final class Builder {
    private @Nullable String apiKey;
    private HttpUrl baseUrl = HttpUrl.get(Region.GLOBAL.baseUrl());
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private Duration downloadTimeout = DEFAULT_DOWNLOAD_TIMEOUT;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private long maxDownloadBytes = DEFAULT_MAX_DOWNLOAD_BYTES;
    private boolean allowPrivateDownloadAddresses;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration maxRetryWait = DEFAULT_MAX_RETRY_WAIT;
    private Duration retryBudget = DEFAULT_RETRY_BUDGET;
    private @Nullable OkHttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
    private @Nullable String userAgentSuffix;
    private RequestValidator validator = RequestValidator.strict();
    private ViduEventListener eventListener = ViduEventListener.NONE;
    private @Nullable ScheduledExecutorService asyncExecutor;

    private Builder() {}

    private Builder(Builder other) {
      this.apiKey = other.apiKey;
      this.baseUrl = other.baseUrl;
      this.connectTimeout = other.connectTimeout;
      this.readTimeout = other.readTimeout;
      this.writeTimeout = other.writeTimeout;
      this.callTimeout = other.callTimeout;
      this.downloadTimeout = other.downloadTimeout;
      this.maxResponseBytes = other.maxResponseBytes;
      this.maxDownloadBytes = other.maxDownloadBytes;
      this.allowPrivateDownloadAddresses = other.allowPrivateDownloadAddresses;
      this.maxRetries = other.maxRetries;
      this.maxRetryWait = other.maxRetryWait;
      this.retryBudget = other.retryBudget;
      this.httpClient = other.httpClient;
      this.clock = other.clock;
      this.sleeper = other.sleeper;
      this.userAgentSuffix = other.userAgentSuffix;
      this.validator = other.validator;
      this.eventListener = other.eventListener;
      this.asyncExecutor = other.asyncExecutor;
    }

    /**
     * The API key, sent as {@code Authorization: Token <key>}. Required. It must not be blank or
     * contain whitespace or control characters (a common copy-paste accident); it never appears in
     * {@code toString()}, logs or exception messages.
     */
    public Builder apiKey(String apiKey) {
      Objects.requireNonNull(apiKey, "apiKey == null");
      if (apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey is blank");
      }
      for (int i = 0; i < apiKey.length(); i++) {
        char c = apiKey.charAt(i);
        if (Character.isWhitespace(c) || Character.isISOControl(c) || c > 0x7e) {
          throw new IllegalArgumentException(
              "apiKey contains "
                  + (Character.isWhitespace(c) ? "whitespace" : "a control or non-ASCII character")
                  + " at index "
                  + i
                  + " of "
                  + apiKey.length()
                  + "; copy the key again without it");
        }
      }
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Where requests go, for example a proxy or {@code ViduSandbox}; default {@link Region#GLOBAL}.
     * It must be an absolute http(s) URL with no user name or password (give proxy credentials to
     * an OkHttp client's authenticator and pass it to {@link #httpClient}), query or fragment.
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      // A password here would be printed by toString() and every message naming the URL, so
      // it is refused, and never echoed. Checked on the raw text: the parse below may fail
      // for other reasons and its message quotes the text.
      if (hasUserInfo(baseUrl)) {
        throw new InvalidSettingException(
            "baseUrl",
            "must not contain a user name or password (user:password@host); give credentials to an"
                + " OkHttp client's authenticator and pass it to httpClient(...)");
      }
      HttpUrl url = HttpUrl.parse(baseUrl);
      if (url == null) {
        throw new InvalidSettingException("baseUrl", "is not an absolute http(s) URL: " + baseUrl);
      }
      if (url.query() != null || url.fragment() != null) {
        throw new InvalidSettingException(
            "baseUrl", "must have no query or fragment: " + SafeUrl.of(url));
      }
      this.baseUrl =
          url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
      return this;
    }

    /** Whether the authority part ({@code //...} up to the path) has a {@code @}. */
    private static boolean hasUserInfo(String url) {
      int slashes = url.indexOf("//");
      String rest = slashes < 0 ? url : url.substring(slashes + 2);
      int end = rest.length();
      for (char c : new char[] {'/', '\\', '?', '#'}) {
        int i = rest.indexOf(c);
        if (i >= 0 && i < end) {
          end = i;
        }
      }
      return rest.substring(0, end).indexOf('@') >= 0;
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
      String key = environment.get("VIDU_API_KEY");
      if (key != null && !key.isBlank()) {
        apiKey(key.trim());
      } else if (apiKey == null) {
        throw new ViduException(
            "VIDU_API_KEY is not set: create a key at https://platform.vidu.com and export VIDU_API_KEY=<your key>");
      }
      String url = environment.get("VIDU_BASE_URL");
      if (url != null && !url.isBlank()) {
        baseUrl(url.trim());
      }
      return this;
    }

    /** Time to establish a connection; default {@link #DEFAULT_CONNECT_TIMEOUT}. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = PositiveDurations.require(timeout, "connectTimeout");
      return this;
    }

    /** Longest silence while reading a response; default {@link #DEFAULT_READ_TIMEOUT}. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = PositiveDurations.require(timeout, "readTimeout");
      return this;
    }

    /** Longest stall while writing a request; default {@link #DEFAULT_WRITE_TIMEOUT}. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = PositiveDurations.require(timeout, "writeTimeout");
      return this;
    }

    /** Time for one attempt of an API call, end to end; default {@link #DEFAULT_CALL_TIMEOUT}. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = PositiveDurations.require(timeout, "callTimeout");
      return this;
    }

    /** Time for downloading one result file; default {@link #DEFAULT_DOWNLOAD_TIMEOUT}. */
    public Builder downloadTimeout(Duration timeout) {
      this.downloadTimeout = PositiveDurations.require(timeout, "downloadTimeout");
      return this;
    }

    /**
     * The longest 2xx API answer read, in bytes; default {@link
     * ViduClient#defaultMaxResponseBytes()} (16 MiB). A longer one fails with {@link
     * ViduResponseException} (with {@code limitBytes()}) after at most this many bytes were read,
     * whatever its {@code Content-Length} says, and is not retried. Error bodies are read up to 64
     * KiB whatever this says; downloads of result files are not bounded by it.
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1024 || maxResponseBytes > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be 1024 to "
                + Integer.MAX_VALUE
                + " bytes, got "
                + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * The largest result file downloaded, in bytes, counted after decoding (gzip); default {@link
     * ViduClient#defaultMaxDownloadBytes()} (64 MiB), from 1024 up. A {@code Content-Length} beyond
     * it is refused before the body is read; a body going beyond it is stopped there; either is a
     * {@link ViduResponseException} (with {@code limitBytes()}) and is not retried.
     */
    public Builder maxDownloadBytes(long maxDownloadBytes) {
      if (maxDownloadBytes < 1024) {
        throw new InvalidSettingException(
            "maxDownloadBytes", "must be at least 1024 bytes, got " + maxDownloadBytes);
      }
      this.maxDownloadBytes = maxDownloadBytes;
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
      this.allowPrivateDownloadAddresses = allow;
      return this;
    }

    /**
     * Retries after the first attempt, 0 to disable; default {@link ViduClient#defaultMaxRetries()}
     * (2).
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be 0 to 10, got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The longest single wait before a retry, capping {@code Retry-After}; default {@link
     * #DEFAULT_MAX_RETRY_WAIT}.
     */
    public Builder maxRetryWait(Duration wait) {
      this.maxRetryWait = PositiveDurations.require(wait, "maxRetryWait");
      return this;
    }

    /**
     * Total time from the first attempt within which retries may start; default {@link
     * #DEFAULT_RETRY_BUDGET}.
     */
    public Builder retryBudget(Duration budget) {
      this.retryBudget = PositiveDurations.require(budget, "retryBudget");
      return this;
    }

    /**
     * An OkHttp client to share connection pools and dispatchers with; the client derives its own
     * from it (timeouts, interceptors) and does not shut it down. Default: a private one. Its
     * {@link okhttp3.EventListener} (set with {@code eventListenerFactory}) sees every API call and
     * download: that is where HTTP-level telemetry goes.
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /**
     * The clock for retry budgets, await deadlines and {@code Retry-After} dates; default UTC
     * system clock.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * How the client waits between retries and between the polls of a blocking {@link Tasks#await};
     * default {@link Thread#sleep}. {@link Async#await} schedules its polls on the {@link
     * #asyncExecutor} instead and does not use it.
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Appended to the {@code User-Agent}, for example {@code "my-app/1.2"}; default none. */
    public Builder userAgentSuffix(String suffix) {
      Objects.requireNonNull(suffix, "suffix == null");
      if (suffix.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException("userAgentSuffix must be printable ASCII: " + suffix);
      }
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * The checks run on every request before it is sent; default {@link RequestValidator#strict()}.
     * {@link RequestValidator#allowingUnknownModels()} lets a model this release does not know
     * through with only model-independent checks.
     */
    public Builder validator(RequestValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator == null");
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
      this.eventListener = Objects.requireNonNull(listener, "listener == null");
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
      this.asyncExecutor = Objects.requireNonNull(executor, "executor == null");
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
      if (apiKey == null) {
        throw new ViduException(
            "apiKey is required: ViduClient.builder().apiKey(...) or set VIDU_API_KEY");
      }
      return new ViduClient(this);
    }

    @Override
    public String toString() {
      return "ViduClient.Builder{baseUrl="
          + baseUrl
          + ", apiKey="
          + (apiKey == null ? "unset" : "<redacted>")
          + "}";
    }
  }
}
