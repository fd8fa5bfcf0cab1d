package io.github.vidu4j.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.ViduRules;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What each endpoint does once a request is admitted (authenticated, read, past the scripted
 * faults): create a task of any generation operation, get, cancel and list tasks, the credits, the
 * result files.
 */
final class Endpoints {
  private static final ViduRules RULES = ViduRules.spec();

  private final SandboxOptions options;
  private final TaskEngine engine;

  Endpoints(SandboxOptions options, TaskEngine engine) {
    this.options = options;
    this.engine = engine;
  }

  /**
   * Runs the operation {@code route} names and answers as Vidu does.
   *
   * @throws ApiError Vidu's error answer
   */
  Reply answer(Route route, String query, byte[] body, HttpExchange exchange) {
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
