package io.github.vidu4j.callback;

import io.github.vidu4j.core.SafeUrl;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A received callback, framework-free, for receivers (and the server adapters of {@code
 * vidu4j-callback-servers}) to hand to {@link CallbackVerifier}: the method, the callback URL
 * <em>as registered with the task</em>, the headers (names compared case-insensitively) and the raw
 * body bytes. Immutable.
 *
 * <p>Use the URL you sent as {@code callback_url}, not the request line: proxies and load balancers
 * rewrite hosts, paths and query encodings, and Vidu signed the URL it was given. {@code
 * JdkHttpServerCallbackRequests} and {@code ServletCallbackRequests} in {@code
 * vidu4j-callback-servers} read one from a server's request.
 */
public final class CallbackRequest {
  private final String method;
  private final String callbackUrl;
  private final HeaderEntries headers;
  private final byte[] body;

  private CallbackRequest(String method, String callbackUrl, HeaderEntries headers, byte[] body) {
    this.method = method;
    this.callbackUrl = callbackUrl;
    this.headers = headers;
    this.body = body;
  }

  /**
   * A callback from its parts; {@code headers} may use any name case and hold several values per
   * name. The body is copied. A {@code null} name or value list is ignored; a {@code null} among a
   * header's values is left out of {@link #headers(String)} and makes that header unreadable:
   * {@link CallbackVerifier#verify} refuses it as {@code MALFORMED_HEADER} if it is one the
   * signature depends on.
   */
  public static CallbackRequest of(
      String method, String callbackUrl, Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(callbackUrl, "callbackUrl == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    return new CallbackRequest(method, callbackUrl, HeaderEntries.of(headers), body.clone());
  }

  /** The HTTP method, as received. */
  public String method() {
    return method;
  }

  /** The callback URL as registered with the task. */
  public String callbackUrl() {
    return callbackUrl;
  }

  /** Every value of header {@code name} (any case), in order; empty if absent. */
  public List<String> headers(String name) {
    Objects.requireNonNull(name, "name == null");
    return headers.values(name);
  }

  /**
   * All headers, names case-insensitive (a new map on each call; the names are lower-cased: headers
   * differing only in case were merged).
   */
  public Map<String, List<String>> headers() {
    return headers.all();
  }

  /** A copy of the raw body bytes. */
  public byte[] body() {
    return body.clone();
  }

  HeaderEntries entries() {
    return headers;
  }

  byte[] bodyUnsafe() {
    return body;
  }

  @Override
  public String toString() {
    // The query may carry the receiver's own tokens: names only.
    return "CallbackRequest{"
        + method
        + " "
        + SafeUrl.of(callbackUrl)
        + ", "
        + headers.count()
        + " headers, "
        + body.length
        + "-byte body}";
  }
}
