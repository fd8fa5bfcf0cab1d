package io.github.vidu4j.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.ViduRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Answers requests as Vidu does: refuses the overloaded, the unauthenticated and the too large
 * before reading a body, reads the rest within {@link SandboxOptions#maxRequestBodyBytes()},
 * applies scripted faults, runs the operation and records the exchange.
 */
final class SandboxHttp implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(SandboxHttp.class.getName());
  private static final ViduRules RULES = ViduRules.spec();
  private static final byte[] NO_BODY = new byte[0];

  private final SandboxOptions options;
  private final Faults faults;
  private final TaskEngine engine;
  private final ExchangeRecorder recorder;
  private final Replies replies = new Replies();

  SandboxHttp(SandboxOptions options, Faults faults, TaskEngine engine) {
    this.options = options;
    this.faults = faults;
    this.engine = engine;
    this.recorder = new ExchangeRecorder(options.recordLimit());
  }

  /** An answer: status, content type, body and extra headers. */
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
      reply = process(route, query, requestBody, exchange);
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

  // ---- operations -------------------------------------------------------------------------

  private Reply process(Route route, String query, byte[] body, HttpExchange exchange) {
    return switch (route.operation()) {
      case CREATE_TASK -> {
        SpecOperation operation = SpecRules.named(route.id());
        JsonObject accepted = new JsonObject();
        JsonObject request =
            CreateRequests.parse(operation, body, options.acceptedRequestFields(), accepted);
        String apiKey = Authentication.apiKey(exchange.getRequestHeaders());
        JsonObject task =
            operation.name().equals("reference2image")
                ? JsonParser.parseString(
                        ViduJson.write(
                            engine.create(
                                apiKey,
                                ViduJson.read(request.toString(), ReferenceToImageRequest.class))))
                    .getAsJsonObject()
                : engine.createVideo(apiKey, operation, request);
        accepted.entrySet().forEach(e -> task.add(e.getKey(), e.getValue()));
        yield Reply.json(200, task.toString());
      }
      case GET_TASK -> Reply.json(200, ViduJson.write(engine.get(route.id())));
      case CANCEL_TASK -> {
        engine.cancel(route.id());
        yield Reply.json(200, "{}");
      }
      case LIST_TASKS -> list(QueryParams.parse(query));
      case GET_CREDITS ->
          Reply.json(
              200,
              ViduJson.write(
                  engine.credits("true".equals(QueryParams.parse(query).first("show_detail")))));
      case DOWNLOAD_RESULT -> {
        QueryParams q = QueryParams.parse(query);
        String expires = q.first("expires");
        String sig = q.first("sig");
        String creation = route.id().substring(0, route.id().lastIndexOf('.'));
        String extension = route.id().substring(route.id().lastIndexOf('.') + 1);
        byte[] file =
            engine.result(
                creation, extension, expires == null ? "" : expires, sig == null ? "" : sig);
        yield new Reply(
            200,
            extension.equals("mp4") ? "video/mp4" : "image/png",
            file,
            Map.of("Cache-Control", "private, max-age=3600"));
      }
      case UNKNOWN ->
          throw new ApiError(
              404,
              "NotFound",
              "not found: " + exchange.getRequestMethod() + " " + receivedPath(exchange));
    };
  }

  private Reply list(QueryParams q) {
    OffsetDateTime now = OffsetDateTime.now(options.clock());
    OffsetDateTime from = q.dateParam("created_at.from", now.minusDays(7));
    OffsetDateTime to = q.dateParam("created_at.to", now.plus(1, ChronoUnit.MINUTES));
    Set<String> ids = q.values("task_ids");
    Set<String> models =
        q.values("model_versions").stream()
            .map(m -> m.startsWith("vidu") ? m : "vidu" + m)
            .collect(Collectors.toSet());
    Set<String> resolutions = q.values("resolutions");
    Set<String> states = q.values("states");
    int pageSize = q.intParam("pager.pagesz", RULES.defaultPageSize());
    if (pageSize < 1 || pageSize > RULES.maxPageSize()) {
      throw new ApiError(
          400,
          "PageSizeOutOfRange",
          "page size out of range: " + pageSize + " (1 to " + RULES.maxPageSize() + ")");
    }
    String token = q.first("pager.page_token");
    int offset =
        token != null && !token.isEmpty()
            ? PageTokens.pageOf(token) * pageSize
            : q.intParam("pager.page", 0) * pageSize;
    if (offset < 0) {
      throw new ApiError(400, "FieldInvalid", "invalid field: pager.page");
    }
    Predicate<SandboxTask> filter =
        t -> {
          OffsetDateTime created = t.createdAt.atOffset(now.getOffset());
          return !created.isBefore(from)
              && !created.isAfter(to)
              && (ids.isEmpty() || ids.contains(t.id))
              && (models.isEmpty() || models.contains(t.text("model")))
              && (resolutions.isEmpty() || resolutions.contains(t.text("resolution")))
              && (states.isEmpty() || states.contains(t.state.getValue()));
        };
    return Reply.json(200, ViduJson.write(engine.list(filter, offset, pageSize)));
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static void sleep(Fault fault) {
    try {
      Thread.sleep(fault.duration == null ? 0 : fault.duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The path as the client sent it. A path starting {@code //} (a base URL ending in "/" with
   * {@code /ent/v2/...} appended) reads as an authority in {@link java.net.URI}, so the path alone
   * would name one the client never sent. What Vidu answers to {@code //ent/v2/...} is not known;
   * the sandbox answers 404 and says so (assumed).
   */
  private static String receivedPath(HttpExchange exchange) {
    java.net.URI uri = exchange.getRequestURI();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (uri.getScheme() == null && uri.getRawAuthority() != null) {
      return "//"
          + uri.getRawAuthority()
          + path
          + " (a doubled slash: a base URL that ends in \"/\" followed by \"/ent/v2/...\"?)";
    }
    return path;
  }
}
