package io.github.vidu4j.internal;

import io.github.vidu4j.core.SafeUrl;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Which redirects a client follows, in place of OkHttp's (which follows any, to any host, up to 20,
 * and re-sends a POST's body on 307 and 308). The OkHttp client must have {@code
 * followRedirects(false)}; this interceptor then follows what its rule allows and refuses the rest
 * with a {@link RedirectRefusedException}:
 *
 * <ul>
 *   <li>{@link #forApi()}: only a GET, only to the same scheme, host and port (the request carries
 *       the API key), at most {@value #MAX_REDIRECTS} times. A redirect of a POST is never
 *       followed: re-sending a create elsewhere could create, and charge, a task there.
 *   <li>{@link #forDownloads()}: a GET to any host (result files live on storage hosts behind
 *       CDNs), at most {@value #MAX_REDIRECTS} times, without any {@code Authorization} header once
 *       the host changes.
 * </ul>
 */
public final class RedirectPolicy implements Interceptor {
  /** Redirects followed per request at most; a longer chain is refused as a loop. */
  public static final int MAX_REDIRECTS = 5;

  private final boolean crossHost;

  private RedirectPolicy(boolean crossHost) {
    this.crossHost = crossHost;
  }

  /** Same-origin GET redirects only. */
  public static RedirectPolicy forApi() {
    return new RedirectPolicy(false);
  }

  /** GET redirects to any host. */
  public static RedirectPolicy forDownloads() {
    return new RedirectPolicy(true);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    for (int followed = 0; isRedirect(response.code()); followed++) {
      String location = response.header("Location");
      HttpUrl target = location == null ? null : response.request().url().resolve(location);
      if (target == null) {
        // Nothing to follow: the 3xx itself is the answer, mapped like any other status.
        return response;
      }
      HttpUrl from = response.request().url();
      String refusal = refusal(response.request().method(), from, target, followed);
      int status = response.code();
      response.close();
      if (refusal != null) {
        throw new RedirectRefusedException(
            status,
            "HTTP "
                + status
                + " redirect to "
                + SafeUrl.of(target)
                + " (host "
                + target.host()
                + ") not followed: "
                + refusal);
      }
      Request.Builder next = response.request().newBuilder().url(target);
      if (!sameOrigin(from, target)) {
        next.removeHeader("Authorization");
      }
      response = chain.proceed(next.build());
    }
    return response;
  }

  private @Nullable String refusal(String method, HttpUrl from, HttpUrl target, int followed) {
    if (!method.equals("GET")) {
      return "a " + method + " is never re-sent to a redirect's target";
    }
    if (!crossHost && !sameOrigin(from, target)) {
      return "API calls follow redirects only on the same host ("
          + from.scheme()
          + "://"
          + from.host()
          + ":"
          + from.port()
          + ")";
    }
    if (followed >= MAX_REDIRECTS) {
      return "already followed " + MAX_REDIRECTS + " redirects (a loop?)";
    }
    return null;
  }

  private static boolean isRedirect(int code) {
    return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }
}
