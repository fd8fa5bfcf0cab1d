package io.github.vidu4j.internal;

import com.google.gson.JsonParseException;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.internal.ViduGson;
import io.github.vidu4j.model.ErrorResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Turns a non-2xx response into a {@link ViduApiException}: Vidu's error JSON when the body is one,
 * a clear description of the body when it is not (an HTML page from a proxy, an empty body).
 * Anything quoted from a body has the API key removed, in case a proxy echoes request headers.
 */
public final class ErrorMapper {
  /** Error bodies are read up to this size; Vidu's are a few hundred bytes. */
  static final long MAX_ERROR_BODY_BYTES = 64 * 1024;

  private static final int SNIPPET_CHARS = 200;

  private final String apiKey;
  private final Clock clock;

  public ErrorMapper(String apiKey, Clock clock) {
    this.apiKey = apiKey;
    this.clock = clock;
  }

  /** The exception for a response with status {@code code}, reading (and closing) its body. */
  public ViduApiException toException(
      String operation,
      int code,
      Headers headers,
      @Nullable ResponseBody body,
      @Nullable String advice) {
    String text = readCapped(body);
    MediaType type = body == null ? null : body.contentType();
    Duration retryAfter = retryAfter(headers.get("Retry-After"), clock.instant());
    ErrorResponse error = parse(text);
    StringBuilder message = new StringBuilder(operation).append(": HTTP ").append(code);
    String reason = null;
    String apiMessage = null;
    String traceId = null;
    String errorJson = null;
    if (error != null) {
      errorJson = redact(text.strip());
      // Redacted once, here: the getters hand these out as freely as the message.
      reason = redactNullable(error.getReason());
      apiMessage = redactNullable(error.getMessage());
      traceId =
          error.getMetadata() == null ? null : redactNullable(error.getMetadata().getTraceId());
      if (reason != null) {
        message.append(' ').append(reason);
      }
      if (apiMessage != null) {
        message.append(": ").append(apiMessage);
      }
      if (traceId != null) {
        message.append(" (trace_id ").append(traceId).append(')');
      }
    } else if (text.isEmpty()) {
      message.append(" with an empty body");
    } else {
      message
          .append(" with a body that is not Vidu's error JSON (")
          .append(type == null ? "no content type" : type.toString())
          .append("): ")
          .append(snippet(redact(text)));
    }
    if (advice != null) {
      message.append(". ").append(advice);
    }
    return new ViduApiException(
        message.toString(), code, reason, apiMessage, traceId, retryAfter, errorJson);
  }

  private @Nullable String redactNullable(@Nullable String text) {
    return text == null ? null : redact(text);
  }

  /**
   * {@code text} with the API key replaced by {@code <redacted>}: the one redaction for everything
   * quoted from a response.
   */
  public String redact(String text) {
    return apiKey.isEmpty() ? text : text.replace(apiKey, "<redacted>");
  }

  /**
   * A short value from Vidu (a task id) as a message quotes it: the key redacted first (so a cut
   * never leaves part of it), then at most 64 characters, control characters escaped.
   */
  public String quote(String text) {
    String redacted = redact(text);
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < redacted.length() && i < 64; i++) {
      char c = redacted.charAt(i);
      shown.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c);
    }
    return redacted.length() > 64 ? shown + "..." : shown.toString();
  }

  /**
   * What went wrong reading a 2xx body, as a message may show it: the kind of failure and where
   * (Gson's JSON path), never the value found there. Gson quotes the value it could not convert
   * ("Expected an int but was ..."), and a server echoing request headers may have put the key
   * there; a token name such as {@code STRING} is kept, since it is not data.
   */
  public String describeUnreadable(Throwable failure) {
    // Gson wraps what went wrong (JsonSyntaxException around NumberFormatException...): the kind is
    // the first failure not Gson's own, the place the first message that has one.
    Throwable kind = null;
    String text = "";
    int depth = 0;
    for (Throwable t = failure;
        t != null && depth < MAX_CAUSES;
        t = t.getCause() == t ? null : t.getCause(), depth++) {
      if (kind == null && !t.getClass().getName().startsWith("com.google.gson.")) {
        kind = t;
      }
      if (text.isEmpty() && t.getMessage() != null && GSON_PLACE.matcher(t.getMessage()).find()) {
        text = t.getMessage();
      }
    }
    StringBuilder description =
        new StringBuilder((kind == null ? failure : kind).getClass().getSimpleName());
    Matcher expected = GSON_EXPECTED.matcher(text);
    if (expected.find()) {
      description.append(": expected ").append(expected.group(1));
      if (GSON_TOKEN.matcher(expected.group(2)).matches()) {
        description.append(" but was ").append(expected.group(2));
      }
    }
    Matcher place = GSON_PLACE.matcher(text);
    if (place.find()) {
      description
          .append(" at line ")
          .append(place.group(1))
          .append(" column ")
          .append(place.group(2))
          .append(" path ")
          .append(place.group(3));
    }
    return snippet(redact(description.toString()));
  }

  /**
   * A copy of {@code failure}'s cause chain with every message redacted, to attach as a cause: the
   * stack traces are kept, the original classes are named in each message.
   */
  public Throwable redactedCopy(Throwable failure) {
    return redactedCopy(failure, 0);
  }

  private Throwable redactedCopy(Throwable failure, int depth) {
    Throwable cause = failure.getCause();
    Throwable copiedCause =
        cause == null || cause == failure || depth >= MAX_CAUSES
            ? null
            : redactedCopy(cause, depth + 1);
    String message = failure.getMessage() == null ? null : redact(failure.getMessage());
    RedactedFailure copy = new RedactedFailure(failure.getClass().getName(), message, copiedCause);
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  /** A failure of a library vidu4j uses, its message redacted; it prints as the original would. */
  static final class RedactedFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final String originalClass;

    RedactedFailure(String originalClass, @Nullable String message, @Nullable Throwable cause) {
      super(message, cause, false, true);
      this.originalClass = originalClass;
    }

    @Override
    @SuppressWarnings(
        "OverrideThrowableToString") // a stand-in printed as the class it replaces; getMessage()
    // stays the message
    public String toString() {
      return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
    }
  }

  private static final int MAX_CAUSES = 16;
  private static final Pattern GSON_EXPECTED =
      Pattern.compile("Expected (.{1,40}?) but was (\\S*)");
  private static final Pattern GSON_TOKEN = Pattern.compile("[A-Z_]{3,20}");
  private static final Pattern GSON_PLACE =
      Pattern.compile("at line (\\d+) column (\\d+) path (\\S+)");

  private static @Nullable ErrorResponse parse(String text) {
    String trimmed = text.trim();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      ErrorResponse error = ViduGson.gson().fromJson(trimmed, ErrorResponse.class);
      return error != null && (error.getReason() != null || error.getMessage() != null)
          ? error
          : null;
    } catch (JsonParseException | IllegalStateException e) {
      return null;
    }
  }

  private static String readCapped(@Nullable ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body) {
      BufferedSource source = body.source();
      source.request(MAX_ERROR_BODY_BYTES);
      Buffer buffer = source.getBuffer().clone();
      long size = Math.min(buffer.size(), MAX_ERROR_BODY_BYTES);
      return buffer.readUtf8(size);
    } catch (IOException | RuntimeException e) {
      // A broken body (cut short, or framed with a negative Content-Length, which OkHttp meets
      // with an IllegalArgumentException) must not hide the status: it reads as empty.
      return "";
    }
  }

  private static String snippet(String text) {
    String collapsed = text.replaceAll("\\s+", " ").trim();
    return collapsed.length() <= SNIPPET_CHARS
        ? collapsed
        : collapsed.substring(0, SNIPPET_CHARS) + "...";
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
  static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    try {
      long seconds = Long.parseLong(trimmed);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration delta = Duration.between(now, at);
        return delta.isNegative() ? Duration.ZERO : delta;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
