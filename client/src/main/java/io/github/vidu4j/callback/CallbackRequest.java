package io.github.vidu4j.callback;

import io.github.vidu4j.internal.SafeUrl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A received callback, framework-free: the method, the callback URL <em>as registered with the
 * task</em>, the headers (names compared case-insensitively) and the raw body bytes. Immutable.
 *
 * <p>Use the URL you sent as {@code callback_url}, not the request line: proxies and load
 * balancers rewrite hosts, paths and query encodings, and Vidu signed the URL it was given.
 * {@link JdkHttpServerCallbackRequests} and {@link ServletCallbackRequests} read one from a server's request.
 */
public final class CallbackRequest {
  private final String method;
  private final String callbackUrl;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private CallbackRequest(String method, String callbackUrl, Map<String, List<String>> headers, byte[] body) {
    this.method = method;
    this.callbackUrl = callbackUrl;
    this.headers = headers;
    this.body = body;
  }

  /**
   * A callback from its parts; {@code headers} may use any name case and hold several values
   * per name. The body is copied.
   */
  public static CallbackRequest of(String method, String callbackUrl, Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(body, "body == null");
    return owning(method, callbackUrl, headers, body.clone());
  }

  /** {@link #of} for a body array nobody else holds, so it is not copied again. */
  static CallbackRequest owning(String method, String callbackUrl, Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(callbackUrl, "callbackUrl == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    TreeMap<String, List<String>> normalized = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> {
      if (name != null && values != null) {
        List<String> before = normalized.get(name);
        if (before == null) {
          normalized.put(name, List.copyOf(values));
        } else {
          // The same name in another case: one header, values in order.
          List<String> merged = new ArrayList<>(before);
          merged.addAll(values);
          normalized.put(name, List.copyOf(merged));
        }
      }
    });
    return new CallbackRequest(method, callbackUrl, Collections.unmodifiableMap(normalized), body);
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
    return headers.getOrDefault(name, List.of());
  }

  /** All headers, names case-insensitive. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** A copy of the raw body bytes. */
  public byte[] body() {
    return body.clone();
  }

  byte[] bodyUnsafe() {
    return body;
  }

  @Override
  public String toString() {
    // The query may carry the receiver's own tokens: names only.
    return "CallbackRequest{" + method + " " + SafeUrl.of(callbackUrl) + ", " + headers.size() + " headers, "
        + body.length + "-byte body}";
  }
}
