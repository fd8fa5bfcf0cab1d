package io.github.vidu4j.core;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Vidu answered with a non-2xx status. Carries the HTTP status and, when the body was Vidu's error
 * JSON, its {@code reason} (for example {@code FieldInvalid}, {@code TaskNotFound}, {@code
 * TooManyRequests}), its {@code message} and its {@code trace_id}, which Vidu support asks for.
 *
 * <p>A body that is not Vidu's error JSON (an HTML 502 page from a proxy, an empty body) still
 * gives this exception: {@link #reason()} is then empty and the message describes the body. {@code
 * vidu4j-batch} (whether a create may be repeated) and the CLI (exit codes) read it.
 */
public final class ViduApiException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final @Nullable String reason;
  private final @Nullable String apiMessage;
  private final @Nullable String traceId;
  private final @Nullable Duration retryAfter;
  private final @Nullable String errorJson;

  /**
   * Creates the exception; vidu4j builds these from responses, users need this only in tests.
   *
   * @param retryAfter the server's {@code Retry-After}, if it sent one
   * @param errorJson the body, if it was Vidu's error JSON (with the API key removed)
   */
  public ViduApiException(
      String message,
      int statusCode,
      @Nullable String reason,
      @Nullable String apiMessage,
      @Nullable String traceId,
      @Nullable Duration retryAfter,
      @Nullable String errorJson) {
    super(message);
    this.statusCode = statusCode;
    this.reason = reason;
    this.apiMessage = apiMessage;
    this.traceId = traceId;
    this.retryAfter = retryAfter;
    this.errorJson = errorJson;
  }

  /**
   * The error body as Vidu sent it (every field, unknown ones included; the API key removed should
   * a proxy echo it), when it was Vidu's error JSON; empty for any other body.
   */
  public Optional<String> errorJson() {
    return Optional.ofNullable(errorJson);
  }

  /** The HTTP status code, for example 400 or 429. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Vidu's {@code reason} code, as sent (the spec lists the known ones; new ones are passed
   * through). Empty when the body was not Vidu's error JSON.
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** Vidu's human-readable {@code message}, if the body had one. */
  public Optional<String> apiMessage() {
    return Optional.ofNullable(apiMessage);
  }

  /** Vidu's {@code metadata.trace_id}: quote it to Vidu support. */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /**
   * The {@code Retry-After} the server sent, if any (not capped; the client caps what it honours).
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Whether sending the same request again later may succeed: 408, 429 and 5xx except 501 (Not
   * Implemented will not change). Exactly the statuses the client itself retries for reads and
   * downloads, so an exception with {@code true} here has already been retried up to {@code
   * maxRetries}. This says nothing about safety: the client never re-sends a task creation or
   * cancel that may have reached Vidu, and neither should callers without checking first.
   */
  public boolean isRetryable() {
    return statusCode == 408 || statusCode == 429 || (statusCode >= 500 && statusCode != 501);
  }
}
