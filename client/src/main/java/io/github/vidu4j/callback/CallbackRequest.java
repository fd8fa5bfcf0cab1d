package io.github.vidu4j.callback;

import io.github.vidu4j.core.SafeUrl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A received callback, framework-free: the method, the callback URL <em>as registered with the
 * task</em>, the headers (names compared case-insensitively) and the raw body bytes. Immutable.
 *
 * <p>Use the URL you sent as {@code callback_url}, not the request line: proxies and load balancers
 * rewrite hosts, paths and query encodings, and Vidu signed the URL it was given. {@code
 * JdkHttpServerCallbackRequests} and {@code ServletCallbackRequests} in {@code
 * vidu4j-callback-servers} read one from a server's request.
 */
public final class CallbackRequest {
  /**
   * Above this many headers, lookups go through an index built on first use instead of a scan: a
   * receiver's request has a dozen headers, and a scan of those is cheaper than hashing a
   * lower-cased copy of each name.
   */
  private static final int SCAN_LIMIT = 16;

  private final String method;
  private final String callbackUrl;

  /** The names as given, in the caller's order; duplicates in other cases are kept apart. */
  private final String[] names;

  /** Each name's values without {@code null}s: the caller's own list when it is immutable. */
  private final List<String>[] values;

  /**
   * Whether each name's value list held a {@code null} ({@code null} if none did): no HTTP stack
   * sends one, so such a header is unreadable.
   */
  private final boolean @Nullable [] hadNull;

  private final byte[] body;

  /** Lookups by lower-cased name, for requests with more than {@link #SCAN_LIMIT} headers. */
  private volatile @Nullable Index index;

  /** Values and unreadable names, keyed by the lower-cased name. */
  private record Index(Map<String, List<String>> values, Set<String> withNull) {}

  private CallbackRequest(
      String method,
      String callbackUrl,
      String[] names,
      List<String>[] values,
      boolean @Nullable [] hadNull,
      byte[] body) {
    this.method = method;
    this.callbackUrl = callbackUrl;
    this.names = names;
    this.values = values;
    this.hadNull = hadNull;
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

  /** {@link #of} for a body array nobody else holds, so it is not copied again. */
  @SuppressWarnings({
    "unchecked",
    "rawtypes"
  }) // a generic array of List<String>, filled only with those
  static CallbackRequest owning(
      String method, String callbackUrl, Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(callbackUrl, "callbackUrl == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    // The entries as given, not a case-insensitive map: the verifier reads its six headers in one
    // pass over these, and a map would hash or compare every name on insert and again on lookup.
    int size = headers.size();
    String[] names = new String[size];
    List<String>[] values = new List[size];
    boolean[] hadNull = null;
    int n = 0;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      List<String> given = header.getValue();
      if (name == null || given == null || n == size) {
        continue; // n == size: a map that grew while it was read; its extra entries are left out
      }
      boolean withNull = false;
      for (String value : given) {
        withNull |= value == null;
      }
      if (withNull) {
        if (hadNull == null) {
          hadNull = new boolean[size];
        }
        hadNull[n] = true;
        List<String> present = new ArrayList<>(given.size());
        for (String value : given) {
          if (value != null) {
            present.add(value);
          }
        }
        values[n] = List.copyOf(present);
      } else {
        // Free for the immutable lists servers and List.of hand over; a copy of any other.
        values[n] = List.copyOf(given);
      }
      names[n++] = name;
    }
    if (n < size) {
      names = Arrays.copyOf(names, n);
      values = Arrays.copyOf(values, n);
      hadNull = hadNull == null ? null : Arrays.copyOf(hadNull, n);
    }
    return new CallbackRequest(method, callbackUrl, names, values, hadNull, body);
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
    if (names.length > SCAN_LIMIT) {
      return index().values().getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
    List<String> found = List.of();
    boolean merged = false;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        if (found.isEmpty()) {
          found = values[i];
        } else {
          // The same name in another case: one header, values in order.
          List<String> all = merged ? found : new ArrayList<>(found);
          all.addAll(values[i]);
          found = all;
          merged = true;
        }
      }
    }
    return merged ? List.copyOf(found) : found;
  }

  /** The number of header entries as given (names differing only in case counted apart). */
  int headerCount() {
    return names.length;
  }

  /** The name of entry {@code i}, as given. */
  String nameAt(int i) {
    return names[i];
  }

  /** The values of entry {@code i}, without {@code null}s. */
  List<String> valuesAt(int i) {
    return values[i];
  }

  /** Whether entry {@code i}'s values held a {@code null}. */
  boolean hadNullAt(int i) {
    return hadNull != null && hadNull[i];
  }

  private Index index() {
    Index built = index;
    if (built == null) {
      Map<String, List<String>> byName = new HashMap<>(names.length * 2);
      Set<String> withNull = new HashSet<>();
      for (int i = 0; i < names.length; i++) {
        String key = names[i].toLowerCase(Locale.ROOT);
        if (hadNullAt(i)) {
          withNull.add(key);
        }
        List<String> before = byName.get(key);
        if (before == null) {
          byName.put(key, values[i]);
        } else {
          List<String> merged = new ArrayList<>(before);
          merged.addAll(values[i]);
          byName.put(key, List.copyOf(merged));
        }
      }
      built = new Index(byName, withNull);
      // Two threads may both build it; the maps are equal and either may be kept.
      index = built;
    }
    return built;
  }

  /**
   * All headers, names case-insensitive (a new map on each call; the names are lower-cased: headers
   * differing only in case were merged).
   */
  public Map<String, List<String>> headers() {
    TreeMap<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < names.length; i++) {
      all.merge(
          names[i].toLowerCase(Locale.ROOT),
          values[i],
          (before, more) -> {
            List<String> merged = new ArrayList<>(before);
            merged.addAll(more);
            return List.copyOf(merged);
          });
    }
    return Collections.unmodifiableMap(all);
  }

  /** A copy of the raw body bytes. */
  public byte[] body() {
    return body.clone();
  }

  /** Whether header {@code name} (any case) had a {@code null} among its values. */
  boolean hasNullValue(String name) {
    if (hadNull == null) {
      return false;
    }
    if (names.length > SCAN_LIMIT) {
      return index().withNull().contains(name.toLowerCase(Locale.ROOT));
    }
    for (int i = 0; i < names.length; i++) {
      if (hadNull[i] && names[i].equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
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
        + names.length
        + " headers, "
        + body.length
        + "-byte body}";
  }
}
