package io.github.vidu4j.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Answers requests as Vidu does: refuses the overloaded, the unauthenticated and the too large
 * before reading a body, reads the rest within {@link SandboxOptions#maxRequestBodyBytes()},
 * applies scripted faults, runs the operation and records the exchange.
 */
final class SandboxHttp implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(SandboxHttp.class.getName());
  private static final byte[] NO_BODY = new byte[0];

  private final SandboxOptions options;
  private final Faults faults;
  private final ExchangeRecorder recorder;
  private final Replies replies = new Replies();
  private final Endpoints endpoints;

  SandboxHttp(SandboxOptions options, Faults faults, TaskEngine engine) {
    this.options = options;
    this.faults = faults;
    this.recorder = new ExchangeRecorder(options.recordLimit());
    this.endpoints = new Endpoints(options, engine);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Route route = Route.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
    String query =
        exchange.getRequestURI().getRawQuery() == null
            ? ""
            : exchange.getRequestURI().getRawQuery();
    HttpWorkers.Deadline deadline = HttpWorkers.current();
    if (deadline != null) {
      deadline.headersRead();
    }
    if (deadline != null && deadline.overloaded()) {
      // Every worker is busy and the queue full: answer at once, unread, and leave scripted faults
      // for served requests.
      ApiError busy =
          new ApiError(
              503,
              "ServiceUnavailable",
              "service unavailable: the sandbox is serving as many requests as it can; retry later");
      send(exchange, route, query, NO_BODY, 0, replies.error(busy, null), null, true);
      return;
    }
    Fault fault = faults.take(route.operation(), route.id());
    if (fault != null && fault.kind == Fault.Kind.DROP_BEFORE_READING) {
      recorder.recordUnanswered(route, exchange, query, 0, fault);
      exchange.close(); // before any response header: the JDK server closes the connection
      return;
    }
    Headers headers = exchange.getRequestHeaders();
    long limit = options.maxRequestBodyBytes();
    @Nullable ApiError refusal =
        route.needsApiKey() ? Authentication.refusal(headers, options.apiKeys()) : null;
    if (refusal == null && RequestBodies.declaredOver(headers, limit)) {
      refusal = RequestBodies.tooLarge(limit);
    }
    byte[] body = NO_BODY;
    long bodyLength = 0;
    if (refusal == null) {
      try {
        body = RequestBodies.read(exchange.getRequestBody(), limit);
        bodyLength = body.length;
        if (deadline != null) {
          deadline.requestRead();
        }
      } catch (RequestBodies.TooLarge e) {
        refusal = RequestBodies.tooLarge(limit);
        bodyLength = e.bytesRead;
      } catch (IOException e) {
        // Slower than the read deadline, or gone: there is nobody left to answer.
        recorder.recordUnanswered(route, exchange, query, 0, fault);
        exchange.close();
        return;
      }
    }
    Reply reply;
    try {
      reply = answer(route, query, body, exchange, fault, refusal);
    } catch (RuntimeException e) {
      // A bug in the sandbox (or a task started while it closes): still answer, and record it,
      // rather than drop the connection and leave the client guessing.
      LOG.log(
          System.Logger.Level.WARNING,
          "vidu sandbox bug answering "
              + exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI().getRawPath(),
          e);
      reply = replies.sandboxBug(e);
    }
    if (fault != null && fault.kind == Fault.Kind.DROP_AFTER_PROCESSING) {
      recorder.record(route, exchange, query, body, bodyLength, -1, "", "", fault);
      exchange.close();
      return;
    }
    send(
        exchange,
        route,
        query,
        body,
        bodyLength,
        reply,
        fault,
        refusal != null && RequestBodies.announced(headers));
  }

  /**
   * Records and sends {@code reply}; {@code unreadBody} says the client is told the connection
   * closes after it.
   */
  private void send(
      HttpExchange exchange,
      Route route,
      String query,
      byte[] body,
      long bodyLength,
      Reply reply,
      @Nullable Fault fault,
      boolean unreadBody)
      throws IOException {
    String responseText =
        reply.contentType().equals("image/png") || reply.contentType().equals("video/mp4")
            ? "<"
                + reply.body().length
                + " bytes of "
                + (reply.contentType().equals("video/mp4") ? "MP4>" : "PNG>")
            : new String(reply.body(), StandardCharsets.UTF_8);
    recorder.record(
        route,
        exchange,
        query,
        body,
        bodyLength,
        reply.status(),
        reply.contentType(),
        responseText,
        fault);
    exchange
        .getResponseHeaders()
        .set(
            "Content-Type",
            reply.contentType().startsWith("application/json")
                ? reply.contentType() + "; charset=utf-8"
                : reply.contentType());
    reply.headers().forEach(exchange.getResponseHeaders()::set);
    if (unreadBody) {
      // The JDK server drains only a little of an unread body, then drops the connection.
      exchange.getResponseHeaders().set("Connection", "close");
    }
    exchange.sendResponseHeaders(
        reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    var out = exchange.getResponseBody();
    out.write(reply.body());
    if (unreadBody) {
      out.flush();
      HttpWorkers.closeUnread(exchange);
    } else {
      out.close();
    }
  }

  private Reply answer(
      Route route,
      String query,
      byte[] requestBody,
      HttpExchange exchange,
      @Nullable Fault fault,
      @Nullable ApiError refusal) {
    Reply reply;
    try {
      if (refusal != null) {
        throw refusal;
      }
      if (fault != null && fault.kind == Fault.Kind.DELAY) {
        sleep(fault);
      }
      if (fault != null && fault.kind == Fault.Kind.ERROR) {
        throw new ApiError(
            fault.status,
            fault.text == null ? "Unknown" : fault.text,
            Replies.messageFor(fault.text));
      }
      reply = endpoints.answer(route, query, requestBody, exchange);
    } catch (ApiError e) {
      reply = replies.error(e, fault);
    }
    if (fault != null && reply.status() == 200 && reply.contentType().equals("application/json")) {
      reply = Replies.reshape(reply, fault);
    }
    if (reply.contentType().equals("application/json")
        && reply.body().length > 0
        && !options.extraFields().isEmpty()) {
      String json =
          ExtraFields.addTo(
              new String(reply.body(), StandardCharsets.UTF_8), options.extraFields());
      reply =
          new Reply(
              reply.status(),
              reply.contentType(),
              json.getBytes(StandardCharsets.UTF_8),
              reply.headers());
    }
    return reply;
  }

  List<RecordedExchange> recorded() {
    return recorder.recorded();
  }

  void clearRecords() {
    recorder.clear();
  }

  private static void sleep(Fault fault) {
    try {
      Thread.sleep(fault.duration == null ? 0 : fault.duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
