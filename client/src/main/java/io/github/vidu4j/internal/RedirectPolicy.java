package io.github.vidu4j.internal;

import io.github.vidu4j.core.SafeUrl;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The redirects an API call follows, in place of OkHttp's (which follows any, to any host, up to
 * 20, and turns a POST answered 301, 302 or 303 into a GET): only a GET, only to the same scheme,
 * host and port (the request carries the API key), at most {@value #MAX_REDIRECTS} times. A
 * redirect of a POST is never followed: re-sending a create elsewhere could create, and charge, a
 * task there. The OkHttp client must have {@code followRedirects(false)}; a redirect this refuses
 * is a {@link RedirectRefusedException}. Downloads use OkHttp's own redirects, which drop {@code
 * Authorization} across hosts (they carry none anyway).
 */
final class RedirectPolicy implements Interceptor {
  /** Redirects followed per request at most; a longer chain is refused as a loop. */
  public static final int MAX_REDIRECTS = 5;

  private RedirectPolicy() {}

  /** Same-origin GET redirects only. */
  public static RedirectPolicy forApi() {
    return new RedirectPolicy();
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
      response = chain.proceed(response.request().newBuilder().url(target).build());
    }
    return response;
  }

  private @Nullable String refusal(String method, HttpUrl from, HttpUrl target, int followed) {
    if (!method.equals("GET")) {
      return "a " + method + " is never re-sent to a redirect's target";
    }
    if (!sameOrigin(from, target)) {
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
