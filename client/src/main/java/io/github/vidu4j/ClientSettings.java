package io.github.vidu4j;

import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.SafeUrl;
import io.github.vidu4j.core.Sleeper;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.validation.RequestValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The settings behind {@link ViduClient.Builder}: the defaults its Javadoc documents and each
 * setting's check. A client keeps a copy that nothing changes, for {@link ViduClient#newBuilder()}.
 */
final class ClientSettings {
  @Nullable String apiKey;
  HttpUrl baseUrl = HttpUrl.get(Region.GLOBAL.baseUrl());
  Duration connectTimeout = Duration.ofSeconds(10);
  // Vidu answers a create in about a second.
  Duration readTimeout = Duration.ofSeconds(60);
  // Enough for a 20 MB body at about 3 Mbit/s.
  Duration writeTimeout = Duration.ofSeconds(60);
  Duration callTimeout = Duration.ofMinutes(2);
  Duration downloadTimeout = Duration.ofMinutes(5);
  // A full list page (100 tasks, the spec's maximum) of the spec's example task is 58 KB; with
  // 2,000-character prompts written as JSON escapes, 7 image URLs and 4 presigned result URLs per
  // task it is about 2 MB: the default leaves eight times that.
  long maxResponseBytes = 16L * 1024 * 1024;
  // Vidu's result images are at most tens of MB (a 4K PNG of noise is about 25 MB).
  long maxDownloadBytes = 64L * 1024 * 1024;
  boolean allowPrivateDownloadAddresses;
  int maxRetries = 2;
  Duration maxRetryWait = Duration.ofSeconds(30);
  Duration retryBudget = Duration.ofMinutes(1);
  @Nullable OkHttpClient httpClient;
  Clock clock = Clock.systemUTC();
  Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
  @Nullable String userAgentSuffix;
  RequestValidator validator = RequestValidator.strict();
  ViduEventListener eventListener = ViduEventListener.NONE;
  @Nullable ScheduledExecutorService asyncExecutor;

  ClientSettings() {}

  ClientSettings(ClientSettings other) {
    apiKey = other.apiKey;
    baseUrl = other.baseUrl;
    connectTimeout = other.connectTimeout;
    readTimeout = other.readTimeout;
    writeTimeout = other.writeTimeout;
    callTimeout = other.callTimeout;
    downloadTimeout = other.downloadTimeout;
    maxResponseBytes = other.maxResponseBytes;
    maxDownloadBytes = other.maxDownloadBytes;
    allowPrivateDownloadAddresses = other.allowPrivateDownloadAddresses;
    maxRetries = other.maxRetries;
    maxRetryWait = other.maxRetryWait;
    retryBudget = other.retryBudget;
    httpClient = other.httpClient;
    clock = other.clock;
    sleeper = other.sleeper;
    userAgentSuffix = other.userAgentSuffix;
    validator = other.validator;
    eventListener = other.eventListener;
    asyncExecutor = other.asyncExecutor;
  }

  void apiKey(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey == null");
    if (apiKey.isBlank()) {
      throw new InvalidSettingException("apiKey", "is blank");
    }
    for (int i = 0; i < apiKey.length(); i++) {
      char c = apiKey.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || c > 0x7e) {
        throw new InvalidSettingException(
            "apiKey",
            "contains "
                + (Character.isWhitespace(c) ? "whitespace" : "a control or non-ASCII character")
                + " at index "
                + i
                + " of "
                + apiKey.length()
                + "; copy the key again without it");
      }
    }
    this.apiKey = apiKey;
  }

  void baseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    // A password here would be printed by toString() and every message naming the URL, so it is
    // refused, and never echoed. Checked on the raw text: the parse below may fail for other
    // reasons and its message quotes the text.
    if (hasUserInfo(baseUrl)) {
      throw new InvalidSettingException(
          "baseUrl",
          "must not contain a user name or password (user:password@host); give credentials to an"
              + " OkHttp client's authenticator and pass it to httpClient(...)");
    }
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new InvalidSettingException(
          "baseUrl", "is not an absolute http(s) URL: " + SafeUrl.of(baseUrl));
    }
    if (url.query() != null || url.fragment() != null) {
      throw new InvalidSettingException(
          "baseUrl", "must have no query or fragment: " + SafeUrl.of(url));
    }
    this.baseUrl =
        url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
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

  void fromEnvironment(Map<String, String> environment) {
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
  }

  void maxResponseBytes(long maxResponseBytes) {
    if (maxResponseBytes < 1024 || maxResponseBytes > Integer.MAX_VALUE) {
      throw new InvalidSettingException(
          "maxResponseBytes",
          "must be 1024 to " + Integer.MAX_VALUE + " bytes, got " + maxResponseBytes);
    }
    this.maxResponseBytes = maxResponseBytes;
  }

  void maxDownloadBytes(long maxDownloadBytes) {
    if (maxDownloadBytes < 1024) {
      throw new InvalidSettingException(
          "maxDownloadBytes", "must be at least 1024 bytes, got " + maxDownloadBytes);
    }
    this.maxDownloadBytes = maxDownloadBytes;
  }

  void maxRetries(int maxRetries) {
    if (maxRetries < 0 || maxRetries > 10) {
      throw new InvalidSettingException("maxRetries", "must be 0 to 10, got " + maxRetries);
    }
    this.maxRetries = maxRetries;
  }

  void userAgentSuffix(String suffix) {
    Objects.requireNonNull(suffix, "suffix == null");
    if (suffix.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      throw new InvalidSettingException("userAgentSuffix", "must be printable ASCII: " + suffix);
    }
    this.userAgentSuffix = suffix;
  }

  /** The key, once a client may be built from these settings. */
  String requireApiKey() {
    if (apiKey == null) {
      throw new ViduException(
          "apiKey is required: ViduClient.builder().apiKey(...) or set VIDU_API_KEY");
    }
    return apiKey;
  }
}
