package io.github.vidu4j.sandbox;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request the sandbox received and what it answered. Immutable. {@link #toString()} leaves
 * header values out, so the API key in {@code Authorization} is never printed.
 */
public final class RecordedExchange {
  /**
   * The most of each request and response body kept, in bytes (16 KiB): enough for any request
   * without images, while 1,000 records of 20 MB bodies stay a few tens of megabytes.
   */
  public static final int MAX_RECORDED_BODY_BYTES = 16 * 1024;

  private final Operation operation;
  private final String method;
  private final String path;
  private final String rawQuery;
  private final Map<String, List<String>> requestHeaders;
  private final String requestBody;
  private final long requestBodyLength;
  private final int status;
  private final String responseContentType;
  private final String responseBody;
  private final @Nullable Fault fault;

  RecordedExchange(
      Operation operation,
      String method,
      String path,
      String rawQuery,
      Map<String, List<String>> requestHeaders,
      String requestBody,
      long requestBodyLength,
      int status,
      String responseContentType,
      String responseBody,
      @Nullable Fault fault) {
    this.operation = operation;
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    requestHeaders.forEach((name, values) -> headers.put(name, List.copyOf(values)));
    this.requestHeaders = Collections.unmodifiableMap(headers);
    this.requestBody = requestBody;
    this.requestBodyLength = requestBodyLength;
    this.status = status;
    this.responseContentType = responseContentType;
    this.responseBody = responseBody;
    this.fault = fault;
  }

  /** Which operation the request was routed to. */
  public Operation operation() {
    return operation;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The path, for example {@code /ent/v2/tasks/123/creations}. */
  public String path() {
    return path;
  }

  /** The raw query string without {@code ?}; empty if none. */
  public String rawQuery() {
    return rawQuery;
  }

  /** The request headers, names case-insensitive. */
  public Map<String, List<String>> requestHeaders() {
    return requestHeaders;
  }

  /** The first value of request header {@code name}, if present. */
  public Optional<String> requestHeader(String name) {
    List<String> values = requestHeaders.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The request body as UTF-8 text: its first {@link #MAX_RECORDED_BODY_BYTES} bytes, the rest cut
   * off; empty if none, or if the request was refused (401, 413, 503) or dropped before its body
   * was read.
   */
  public String requestBody() {
    return requestBody;
  }

  /**
   * How many body bytes the sandbox read: the whole length when it read the body, a count just over
   * {@link SandboxOptions#maxRequestBodyBytes()} when it stopped reading a body too large, 0 when
   * it did not read it (refused first, dropped, or the connection lost while reading).
   */
  public long requestBodyLength() {
    return requestBodyLength;
  }

  /** The status answered; -1 if the connection was dropped without an answer. */
  public int status() {
    return status;
  }

  /** The answer's content type; empty for dropped connections. */
  public String responseContentType() {
    return responseContentType;
  }

  /**
   * The answer's body as text (JSON for the API; a summary for PNG downloads), at most its first
   * {@link #MAX_RECORDED_BODY_BYTES} characters; empty for dropped connections.
   */
  public String responseBody() {
    return responseBody;
  }

  /** The scripted fault this request met, if any. */
  public Optional<Fault> fault() {
    return Optional.ofNullable(fault);
  }

  @Override
  public String toString() {
    return method
        + " "
        + path
        + (rawQuery.isEmpty() ? "" : "?" + rawQuery)
        + " -> "
        + (status < 0 ? "dropped" : status)
        + (fault != null ? " (" + fault + ")" : "");
  }
}
