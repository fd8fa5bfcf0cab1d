package io.github.vidu4j.callback;

import io.github.vidu4j.core.SafeUrl;
import io.github.vidu4j.core.ViduException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A received callback, framework-free: the method, the callback URL <em>as registered with the
 * task</em>, the headers (names compared case-insensitively) and the raw body bytes. Immutable.
 *
 * <p>Use the URL you sent as {@code callback_url}, not the request line: proxies and load balancers
 * rewrite hosts, paths and query encodings, and Vidu signed the URL it was given. {@link
 * JdkHttpServerCallbackRequests} and {@link ServletCallbackRequests} read one from a server's
 * request.
 */
public final class CallbackRequest {
  private final String method;
  private final String callbackUrl;
  private final Map<String, List<String>> headers;

  /**
   * Names whose value list held a {@code null}: no HTTP stack sends one, so such a header is
   * unreadable.
   */
  private final Set<String> namesWithNullValues;

  private final byte[] body;

  private CallbackRequest(
      String method,
      String callbackUrl,
      Map<String, List<String>> headers,
      Set<String> namesWithNullValues,
      byte[] body) {
    this.method = method;
    this.callbackUrl = callbackUrl;
    this.headers = headers;
    this.namesWithNullValues = namesWithNullValues;
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
    Objects.requireNonNull(body, "body == null");
    return owning(method, callbackUrl, headers, body.clone());
  }

  /**
   * The longest callback body the server adapters read: 1 MiB. A callback carries one task (its
   * prompt, up to 7 image URLs and the result URLs), a few KB; the bound keeps an unauthenticated
   * sender from making a receiver buffer what it likes before the signature is checked.
   */
  static final int MAX_ADAPTER_BODY_BYTES = 1024 * 1024;

  /**
   * The whole body from a server adapter's stream, bounded and typed like everything vidu4j throws.
   */
  static byte[] readAdapterBody(InputStream in) {
    try (in) {
      byte[] body = in.readNBytes(MAX_ADAPTER_BODY_BYTES + 1);
      if (body.length > MAX_ADAPTER_BODY_BYTES) {
        throw new ViduException(
            "the callback body is over " + MAX_ADAPTER_BODY_BYTES + " bytes: not a Vidu callback");
      }
      return body;
    } catch (IOException e) {
      // The sender went away mid-body: nothing to verify.
      throw new ViduException("cannot read the callback body: " + e.getClass().getSimpleName(), e);
    }
  }

  /** {@link #of} for a body array nobody else holds, so it is not copied again. */
  static CallbackRequest owning(
      String method, String callbackUrl, Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(callbackUrl, "callbackUrl == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    // Keyed by the lower-case name, so each lookup is one hash probe: a case-insensitive TreeMap
    // compared names character by character on every insert and on each of the verifier's lookups.
    Map<String, List<String>> byName = new HashMap<>(headers.size() * 2);
    Set<String> namesWithNullValues = new HashSet<>(4);
    headers.forEach(
        (name, values) -> {
          if (name != null && values != null) {
            String key = name.toLowerCase(Locale.ROOT);
            List<String> present = new ArrayList<>(values.size());
            for (String value : values) {
              if (value == null) {
                namesWithNullValues.add(key);
              } else {
                present.add(value);
              }
            }
            List<String> before = byName.get(key);
            if (before == null) {
              byName.put(key, List.copyOf(present));
            } else {
              // The same name in another case: one header, values in order.
              List<String> merged = new ArrayList<>(before);
              merged.addAll(present);
              byName.put(key, List.copyOf(merged));
            }
          }
        });
    return new CallbackRequest(
        method,
        callbackUrl,
        Collections.unmodifiableMap(byName),
        namesWithNullValues.isEmpty() ? Set.of() : Collections.unmodifiableSet(namesWithNullValues),
        body);
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
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /**
   * All headers, names case-insensitive (a new map on each call; the names are lower-cased: headers
   * differing only in case were merged).
   */
  public Map<String, List<String>> headers() {
    TreeMap<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    all.putAll(headers);
    return Collections.unmodifiableMap(all);
  }

  /** A copy of the raw body bytes. */
  public byte[] body() {
    return body.clone();
  }

  /** Whether header {@code name} (any case) had a {@code null} among its values. */
  boolean hasNullValue(String name) {
    return !namesWithNullValues.isEmpty()
        && namesWithNullValues.contains(name.toLowerCase(Locale.ROOT));
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
        + headers.size()
        + " headers, "
        + body.length
        + "-byte body}";
  }
}
