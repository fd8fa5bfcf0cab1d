package io.github.vidu4j.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** Whether a string is an absolute http(s) URL Vidu can use: image URLs and the callback URL. */
final class HttpUrlCheck {
  private HttpUrlCheck() {}

  /** Why {@code url} is not an absolute http(s) URL with a host, or null if it is one. */
  static @Nullable String problem(String url) {
    // Two parsers, each for what it gets right. java.net.URI is strict about syntax (it refuses a
    // raw space or "|", and Vidu receives the string verbatim), but it has no host for names with
    // "_" or non-ASCII letters (my_bucket.s3..., 例え.jp), which are valid. HttpUrl reads hosts as
    // browsers do, but silently repairs bad syntax and reads "https:/a.png" as host "a.png".
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "not a valid URL (" + e.getReason() + ")";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "must be an absolute http(s) URL";
    }
    if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
      return "must be an absolute http(s) URL with a host";
    }
    if (plainHost(uri)) {
      return null; // HttpUrl would read this host and port alike: no second parse
    }
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null || parsed.host().isEmpty()) {
      return "not a valid URL (bad host or port)";
    }
    return null;
  }

  /**
   * Whether {@code uri}'s host is an ASCII name or address {@code URI} parsed itself (so no {@code
   * _}, no IDN), within DNS's lengths, with no port or a valid one: hosts HttpUrl accepts.
   */
  private static boolean plainHost(URI uri) {
    String host = uri.getHost();
    int port = uri.getPort();
    if (host == null || host.isEmpty() || host.length() > 253 || port == 0 || port > 65535) {
      return false;
    }
    if (host.startsWith("[")) {
      return true;
    }
    int label = 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.') {
        label = 0;
      } else if (++label > 63 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
