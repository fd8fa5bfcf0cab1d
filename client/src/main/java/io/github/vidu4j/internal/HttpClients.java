package io.github.vidu4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The two OkHttp clients a {@code ViduClient} runs on: one for the API (its key, its redirect rule,
 * no hidden re-send) and one for result downloads derived from it (sharing its pool and dispatcher,
 * without the key). Nothing is built only to be copied.
 */
public final class HttpClients {
  private final OkHttpClient api;
  private final OkHttpClient downloads;

  /**
   * @param base the caller's client to derive from, or null for a private one
   * @param allowPrivateDownloadAddresses whether downloads may reach loopback, private and
   *     link-local addresses even when {@code baseUrl} is a public one
   */
  public HttpClients(
      @Nullable OkHttpClient base,
      String apiKey,
      @Nullable String userAgentSuffix,
      Duration connectTimeout,
      Duration readTimeout,
      Duration writeTimeout,
      Duration callTimeout,
      Duration downloadTimeout,
      HttpUrl baseUrl,
      boolean allowPrivateDownloadAddresses) {
    OkHttpClient.Builder api = base != null ? base.newBuilder() : new OkHttpClient.Builder();
    api.connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(writeTimeout)
        .callTimeout(callTimeout)
        // OkHttp would silently re-send a POST on some connection failures; retries are ours.
        .retryOnConnectionFailure(false)
        // OkHttp follows any redirect to any host, re-sending a POST's body on 307/308: ours are
        // narrower.
        .followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(new AuthInterceptor(apiKey, userAgent(userAgentSuffix)))
        .addInterceptor(RedirectPolicy.forApi())
        .addInterceptor(new ErrorBodyLimit())
        .addNetworkInterceptor(new SendTracker())
        .addNetworkInterceptor(new NoHiddenResend());
    this.api = api.build();
    // Downloads share the base's interceptors but not the API key's.
    OkHttpClient.Builder download = base != null ? base.newBuilder() : this.api.newBuilder();
    if (base == null) {
      download.interceptors().clear();
      download.networkInterceptors().clear();
    }
    download
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .callTimeout(downloadTimeout)
        .retryOnConnectionFailure(true)
        // Result files live on storage hosts behind CDNs: OkHttp's own redirects (any host, at
        // most 20, Authorization dropped across hosts), each hop checked by the address guard.
        .followRedirects(true)
        .followSslRedirects(true)
        .addNetworkInterceptor(new SendTracker());
    if (!allowPrivateDownloadAddresses && !PrivateAddressGuard.isInternalHost(baseUrl)) {
      download.addNetworkInterceptor(PrivateAddressGuard.internalAddresses());
    }
    this.downloads = download.build();
  }

  public OkHttpClient api() {
    return api;
  }

  public OkHttpClient downloads() {
    return downloads;
  }

  static String userAgent(@Nullable String suffix) {
    String agent =
        "vidu4j/"
            + Version.VALUE
            + " (Java "
            + System.getProperty("java.version")
            + "; "
            + System.getProperty("os.name")
            + ")";
    return suffix == null ? agent : agent + " " + suffix;
  }

  /** Read once, on first use: every client has the same version. */
  private static final class Version {
    static final String VALUE = read();

    private static String read() {
      Properties properties = new Properties();
      try (InputStream in = HttpClients.class.getResourceAsStream("vidu4j.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return properties.getProperty("version", "unknown");
    }
  }
}
