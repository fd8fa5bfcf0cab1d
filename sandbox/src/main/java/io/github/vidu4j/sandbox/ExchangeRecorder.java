package io.github.vidu4j.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The most recent {@link SandboxOptions#recordLimit()} exchanges, each with at most {@link
 * RecordedExchange#MAX_RECORDED_BODY_BYTES} of its bodies: what a long-running sandbox holds stays
 * bounded.
 */
final class ExchangeRecorder {
  private final int limit;
  private final Deque<RecordedExchange> recorded = new ArrayDeque<>();

  ExchangeRecorder(int limit) {
    this.limit = limit;
  }

  void record(
      Route route,
      HttpExchange exchange,
      String query,
      byte[] requestBody,
      long requestBodyLength,
      int status,
      String contentType,
      String responseBody,
      @Nullable Fault fault) {
    RecordedExchange entry =
        new RecordedExchange(
            route.operation(),
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            query,
            exchange.getRequestHeaders(),
            prefix(requestBody),
            requestBodyLength,
            status,
            contentType,
            prefix(responseBody),
            fault);
    synchronized (recorded) {
      if (recorded.size() >= limit) {
        recorded.removeFirst();
      }
      recorded.addLast(entry);
    }
  }

  /** A request that ended before an answer: refused unread, or dropped. */
  void recordUnanswered(
      Route route,
      HttpExchange exchange,
      String query,
      long requestBodyLength,
      @Nullable Fault fault) {
    record(route, exchange, query, new byte[0], requestBodyLength, -1, "", "", fault);
  }

  List<RecordedExchange> recorded() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  void clear() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  private static String prefix(byte[] body) {
    int kept = Math.min(body.length, RecordedExchange.MAX_RECORDED_BODY_BYTES);
    return new String(
        kept == body.length ? body : Arrays.copyOf(body, kept), StandardCharsets.UTF_8);
  }

  private static String prefix(String body) {
    return body.length() <= RecordedExchange.MAX_RECORDED_BODY_BYTES
        ? body
        : body.substring(0, RecordedExchange.MAX_RECORDED_BODY_BYTES);
  }
}
