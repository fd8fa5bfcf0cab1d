package io.github.vidu4j.core;

import okhttp3.HttpUrl;

/**
 * A URL as logs and exception messages may show it: query parameter names kept, their values
 * replaced by {@code …}, user name, password and fragment left out. Used by event listeners and
 * tools that print URLs: {@code vidu4j-batch}, the CLI's {@code --verbose}, an OkHttp {@code
 * EventListener} given to {@code ViduClient.Builder#httpClient}.
 *
 * <p>One rule for every host, because result URLs are presigned: their query values ({@code
 * X-Amz-Signature}, {@code Expires}, {@code OSSAccessKeyId}...) are a credential to the file, and
 * the logger cannot tell a storage host from a proxy in front of the API. The names stay, since
 * "the URL carried an expiry" is what one needs when a download answers 403.
 */
public final class SafeUrl {
  private SafeUrl() {}

  /** {@code url} without query values, user info or fragment. */
  public static String of(HttpUrl url) {
    if (url.encodedQuery() == null
        && url.fragment() == null
        && url.encodedUsername().isEmpty()
        && url.encodedPassword().isEmpty()) {
      return url.toString(); // nothing to hide, and no copy: an API call's usual URL
    }
    String base =
        url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
    String query = url.encodedQuery();
    if (query == null) {
      return base;
    }
    StringBuilder safe = new StringBuilder(base).append('?');
    String[] parts = query.split("&", -1);
    for (int i = 0; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      safe.append(i == 0 ? "" : "&")
          .append(equals < 0 ? parts[i] : parts[i].substring(0, equals) + "=\u2026");
    }
    return safe.toString();
  }

  /**
   * {@code url} made safe by {@link #of(HttpUrl)}, or its text up to any query when it does not
   * parse.
   */
  public static String of(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed != null) {
      return of(parsed);
    }
    int cut = url.indexOf('?');
    return cut < 0 ? url : url.substring(0, cut) + "?\u2026";
  }
}
