package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.vidu4j.ViduException;
import io.github.vidu4j.ViduJson;
import io.github.vidu4j.model.ErrorMetadata;
import io.github.vidu4j.model.ErrorResponse;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.RequestValidator;
import io.github.vidu4j.validation.ViduRules;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Routes requests, checks them as Vidu does, applies scripted faults and records the most recent
 * {@link SandboxOptions#recordLimit()} exchanges.
 */
final class SandboxHttp implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(SandboxHttp.class.getName());
  private static final Pattern TASK_PATH = Pattern.compile("/ent/v2/tasks/([^/]+)/(creations|cancel)");
  private static final Pattern RESULT_PATH = Pattern.compile("/results/([0-9A-Za-z-]+)\\.png");
  /** The request's fields, read from the generated model: a new field in the spec needs no change here. */
  private static final Set<String> REQUEST_FIELDS = serializedNames(ReferenceToImageRequest.class);
  private static final RequestValidator VALIDATOR = RequestValidator.strict();
  private static final ViduRules RULES = ViduRules.spec();

  private final SandboxOptions options;
  private final Faults faults;
  private final TaskEngine engine;
  private final Deque<RecordedExchange> recorded = new ArrayDeque<>();
  private final SecureRandom random = new SecureRandom();

  SandboxHttp(SandboxOptions options, Faults faults, TaskEngine engine) {
    this.options = options;
    this.faults = faults;
    this.engine = engine;
  }

  /** An answer: status, content type, body and extra headers. */
  private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Reply json(int status, String json) {
      return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
    Matcher task = TASK_PATH.matcher(path);
    Matcher result = RESULT_PATH.matcher(path);
    Operation operation;
    String id = "";
    if (path.equals("/ent/v2/reference2image") && method.equals("POST")) {
      operation = Operation.CREATE_TASK;
    } else if (task.matches() && task.group(2).equals("creations") && method.equals("GET")) {
      operation = Operation.GET_TASK;
      id = decode(task.group(1));
    } else if (task.matches() && task.group(2).equals("cancel") && method.equals("POST")) {
      operation = Operation.CANCEL_TASK;
      id = decode(task.group(1));
    } else if (path.equals("/ent/v2/tasks") && method.equals("GET")) {
      operation = Operation.LIST_TASKS;
    } else if (path.equals("/ent/v2/credits") && method.equals("GET")) {
      operation = Operation.GET_CREDITS;
    } else if (result.matches() && method.equals("GET")) {
      operation = Operation.DOWNLOAD_RESULT;
      id = result.group(1);
    } else {
      operation = Operation.UNKNOWN;
    }

    Fault fault = faults.take(operation, id);
    if (fault != null && fault.kind == Fault.Kind.DROP_BEFORE_READING) {
      record(operation, exchange, query, "", -1, "", "", fault);
      exchange.close(); // before any response header: the JDK server closes the connection
      return;
    }
    byte[] requestBody;
    try (InputStream in = exchange.getRequestBody()) {
      requestBody = in.readAllBytes();
    }
    Reply reply;
    try {
      reply = answer(operation, id, query, requestBody, exchange, fault);
    } catch (RuntimeException e) {
      // A bug in the sandbox (or a task started while it closes): still answer, and record it,
      // rather than drop the connection and leave the client guessing.
      LOG.log(System.Logger.Level.WARNING, "vidu sandbox bug answering " + method + " " + path, e);
      reply = sandboxBug(e);
    }
    String requestText = new String(requestBody, StandardCharsets.UTF_8);
    String responseText = reply.contentType.equals("image/png") ? "<" + reply.body.length + " bytes of PNG>" : new String(reply.body, StandardCharsets.UTF_8);
    if (fault != null && fault.kind == Fault.Kind.DROP_AFTER_PROCESSING) {
      record(operation, exchange, query, requestText, -1, "", "", fault);
      exchange.close();
      return;
    }
    record(operation, exchange, query, requestText, reply.status, reply.contentType, responseText, fault);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType.startsWith("application/json") ? reply.contentType + "; charset=utf-8" : reply.contentType);
    reply.headers.forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(reply.body);
    }
  }

  private Reply answer(Operation operation, String id, String query, byte[] requestBody, HttpExchange exchange,
      @Nullable Fault fault) {
    Reply reply;
    try {
      if (fault != null && fault.kind == Fault.Kind.DELAY) {
        sleep(fault);
      }
      if (operation != Operation.DOWNLOAD_RESULT && operation != Operation.UNKNOWN) {
        authorize(exchange);
      }
      if (fault != null && fault.kind == Fault.Kind.ERROR) {
        throw new ApiError(fault.status, fault.text == null ? "Unknown" : fault.text, messageFor(fault.text));
      }
      reply = process(operation, id, query, requestBody, exchange);
    } catch (ApiError e) {
      reply = error(e, fault);
    }
    if (fault != null && reply.status == 200 && reply.contentType.equals("application/json")) {
      reply = reshape(reply, fault);
    }
    if (reply.contentType.equals("application/json") && reply.body.length > 0 && !options.extraFields().isEmpty()) {
      String json = ExtraFields.addTo(new String(reply.body, StandardCharsets.UTF_8), options.extraFields());
      reply = new Reply(reply.status, reply.contentType, json.getBytes(StandardCharsets.UTF_8), reply.headers);
    }
    return reply;
  }

  /** Vidu's answer to a failure inside it; the body names the sandbox, the stack trace goes to the log only. */
  private Reply sandboxBug(RuntimeException e) {
    String cause = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    ErrorResponse body = new ErrorResponse()
        .code(500)
        .reason("InternalServiceFailure")
        .message("internal service failure: a bug in the vidu4j sandbox, not Vidu's behaviour (" + cause + ")")
        .metadata(new ErrorMetadata().traceId(traceId()));
    return Reply.json(500, ViduJson.write(body));
  }

  List<RecordedExchange> recorded() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  void clearRecords() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  // ---- operations -------------------------------------------------------------------------

  private Reply process(Operation operation, String id, String query, byte[] body, HttpExchange exchange) {
    return switch (operation) {
      case CREATE_TASK -> {
        JsonObject accepted = new JsonObject();
        ReferenceToImageRequest request = parseCreate(body, options.acceptedRequestFields(), accepted);
        JsonObject task = JsonParser.parseString(ViduJson.write(engine.create(apiKey(exchange), request))).getAsJsonObject();
        accepted.entrySet().forEach(e -> task.add(e.getKey(), e.getValue()));
        yield Reply.json(200, task.toString());
      }
      case GET_TASK -> Reply.json(200, ViduJson.write(engine.get(id)));
      case CANCEL_TASK -> {
        engine.cancel(id);
        yield Reply.json(200, "{}");
      }
      case LIST_TASKS -> list(parseQuery(query));
      case GET_CREDITS -> Reply.json(200, ViduJson.write(engine.credits("true".equals(first(parseQuery(query), "show_detail")))));
      case DOWNLOAD_RESULT -> {
        Map<String, List<String>> q = parseQuery(query);
        String expires = first(q, "expires");
        String sig = first(q, "sig");
        byte[] png = engine.result(id, expires == null ? "" : expires, sig == null ? "" : sig);
        yield new Reply(200, "image/png", png, Map.of("Cache-Control", "private, max-age=3600"));
      }
      case UNKNOWN -> throw new ApiError(404, "NotFound", "not found: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
    };
  }

  /**
   * Vidu's checks, in its order: JSON, unwanted fields, missing fields, types, then the model's
   * rules. Fields of {@code acceptedExtras} the spec does not know are moved into {@code extras}.
   */
  private static ReferenceToImageRequest parseCreate(byte[] body, Set<String> acceptedExtras, JsonObject extras) {
    JsonObject json;
    try {
      JsonElement parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
      if (!parsed.isJsonObject()) {
        throw new ApiError(400, "BadRequest", "bad request: the body must be a JSON object");
      }
      json = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new ApiError(400, "BadRequest", "bad request: the body is not JSON");
    }
    Set<String> unwanted = new LinkedHashSet<>(json.keySet());
    unwanted.removeAll(REQUEST_FIELDS);
    for (String name : unwanted) {
      if (acceptedExtras.contains(name)) {
        extras.add(name, json.remove(name));
      }
    }
    unwanted.removeAll(acceptedExtras);
    if (!unwanted.isEmpty()) {
      throw new ApiError(400, "FieldUnwanted", "unwanted field: " + String.join(", ", unwanted));
    }
    List<String> lacking = new ArrayList<>();
    for (String required : List.of(ReferenceToImageRequest.SERIALIZED_NAME_MODEL, ReferenceToImageRequest.SERIALIZED_NAME_PROMPT)) {
      JsonElement value = json.get(required);
      if (value == null || value.isJsonNull() || (value.isJsonPrimitive() && value.getAsString().isBlank())) {
        lacking.add(required);
      }
    }
    if (!lacking.isEmpty()) {
      throw new ApiError(400, "FieldLacking", "field is missing or empty: " + String.join(", ", lacking));
    }
    ReferenceToImageRequest request;
    try {
      request = ViduJson.read(json.toString(), ReferenceToImageRequest.class);
    } catch (ViduException e) {
      throw new ApiError(400, "FieldInvalid", "invalid field: " + e.getMessage());
    }
    TaskEngine.withVidusDefaults(request);
    try {
      VALIDATOR.validate(request);
    } catch (ViduValidationException e) {
      boolean countOnly = e.violations().stream().allMatch(v -> v.field().equals("images"));
      String fields = e.violations().stream().map(Violation::field).distinct().collect(Collectors.joining(", "));
      String details = e.violations().stream().map(Violation::toString).collect(Collectors.joining("; "));
      if (countOnly) {
        throw new ApiError(400, "FieldItemCountOutOfRange", "field item count out of range: " + fields + " (" + details + ")");
      }
      throw new ApiError(400, "FieldInvalid", "invalid field: " + fields + " (" + details + ")");
    }
    return request;
  }

  private Reply list(Map<String, List<String>> q) {
    OffsetDateTime now = OffsetDateTime.now(options.clock());
    OffsetDateTime from = dateParam(q, "created_at.from", now.minusDays(7));
    OffsetDateTime to = dateParam(q, "created_at.to", now.plus(1, ChronoUnit.MINUTES));
    Set<String> ids = values(q, "task_ids");
    Set<String> models = values(q, "model_versions").stream().map(m -> m.startsWith("vidu") ? m : "vidu" + m).collect(Collectors.toSet());
    Set<String> resolutions = values(q, "resolutions");
    Set<String> states = values(q, "states");
    int pageSize = intParam(q, "pager.pagesz", RULES.defaultPageSize());
    if (pageSize < 1 || pageSize > RULES.maxPageSize()) {
      throw new ApiError(400, "PageSizeOutOfRange", "page size out of range: " + pageSize + " (1 to " + RULES.maxPageSize() + ")");
    }
    String token = first(q, "pager.page_token");
    int offset = token != null && !token.isEmpty() ? TaskEngine.pageOf(token) * pageSize : intParam(q, "pager.page", 0) * pageSize;
    if (offset < 0) {
      throw new ApiError(400, "FieldInvalid", "invalid field: pager.page");
    }
    Predicate<SandboxTask> filter = t -> {
      OffsetDateTime created = t.createdAt.atOffset(now.getOffset());
      return !created.isBefore(from) && !created.isAfter(to)
          && (ids.isEmpty() || ids.contains(t.id))
          && (models.isEmpty() || models.contains(t.request.getModel()))
          && (resolutions.isEmpty() || resolutions.contains(t.request.getResolution()))
          && (states.isEmpty() || states.contains(t.state.getValue()));
    };
    return Reply.json(200, ViduJson.write(engine.list(filter, offset, pageSize)));
  }

  // ---- helpers ------------------------------------------------------------------------------

  private void authorize(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null) {
      throw new ApiError(401, "Unauthorized", "unauthorized: no Authorization header (expected: Token <api key>)");
    }
    if (!header.startsWith("Token ")) {
      throw new ApiError(401, "Unauthorized", "unauthorized: the Authorization scheme must be Token, as in \"Token <api key>\"");
    }
    if (!options.apiKeys().contains(header.substring(6))) {
      throw new ApiError(401, "Unauthorized", "unauthorized: the API key is not accepted by this sandbox");
    }
  }

  private static String apiKey(HttpExchange exchange) {
    return exchange.getRequestHeaders().getFirst("Authorization").substring(6);
  }

  private Reply error(ApiError e, @Nullable Fault fault) {
    if (e.status == 403 || e.reason.equals("NoSuchKey")) {
      // Result URLs live on object storage in Vidu's deployment, which answers in XML.
      String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + e.reason + "</Code><Message>" + e.getMessage()
          + "</Message></Error>";
      return new Reply(e.status, "application/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
    }
    ErrorResponse body = new ErrorResponse()
        .code(e.status)
        .reason(e.reason)
        .message(e.getMessage())
        .metadata(new ErrorMetadata().traceId(traceId()));
    Map<String, String> headers = fault != null && fault.kind == Fault.Kind.ERROR && fault.duration != null
        ? Map.of("Retry-After", Long.toString(fault.duration.toSeconds()))
        : Map.of();
    return new Reply(e.status, "application/json", ViduJson.write(body).getBytes(StandardCharsets.UTF_8), headers);
  }

  private static Reply reshape(Reply reply, Fault fault) {
    JsonElement json = JsonParser.parseString(new String(reply.body, StandardCharsets.UTF_8));
    if (!json.isJsonObject()) {
      return reply;
    }
    JsonObject object = json.getAsJsonObject();
    if (fault.kind == Fault.Kind.EXTRA_FIELD && fault.text != null && fault.json != null) {
      object.add(fault.text, JsonParser.parseString(fault.json));
    } else if (fault.kind == Fault.Kind.STATE && fault.text != null) {
      if (object.has("state")) {
        object.addProperty("state", fault.text);
      }
      if (object.has("tasks") && object.get("tasks").isJsonArray()) {
        object.getAsJsonArray("tasks").forEach(t -> t.getAsJsonObject().addProperty("state", fault.text));
      }
    } else {
      return reply;
    }
    return Reply.json(reply.status, object.toString());
  }

  private static String messageFor(@Nullable String reason) {
    if (reason == null) {
      return "unknown";
    }
    return switch (reason) {
      case "TooManyRequests" -> "too many requests";
      case "SystemThrottling" -> "system is throttling";
      case "QuotaExceeded" -> "quota exceeded";
      case "InternalServiceFailure" -> "internal service failure";
      case "OperationInProcess" -> "operation in process, please retry later";
      default -> reason;
    };
  }

  private String traceId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void sleep(Fault fault) {
    try {
      Thread.sleep(fault.duration == null ? 0 : fault.duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void record(Operation operation, HttpExchange exchange, String query, String body, int status, String contentType,
      String responseBody, @Nullable Fault fault) {
    RecordedExchange entry = new RecordedExchange(operation, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), query,
        exchange.getRequestHeaders(), body, status, contentType, responseBody, fault);
    synchronized (recorded) {
      if (recorded.size() >= options.recordLimit()) {
        recorded.removeFirst();
      }
      recorded.addLast(entry);
    }
  }

  static Map<String, List<String>> parseQuery(String query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static @Nullable String first(Map<String, List<String>> q, String name) {
    List<String> values = q.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Repeated parameters and comma-separated values both count. */
  private static Set<String> values(Map<String, List<String>> q, String name) {
    Set<String> values = new LinkedHashSet<>();
    for (String value : q.getOrDefault(name, List.of())) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return values;
  }

  private static int intParam(Map<String, List<String>> q, String name, int fallback) {
    String value = first(q, name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ApiError(400, "FieldInvalid", "invalid field: " + name + " (" + value + " is not an integer)");
    }
  }

  private static OffsetDateTime dateParam(Map<String, List<String>> q, String name, OffsetDateTime fallback) {
    String value = first(q, name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new ApiError(400, "FieldInvalid", "invalid field: " + name + " (" + value + " is not RFC 3339)");
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static Set<String> serializedNames(Class<?> model) {
    Set<String> names = new LinkedHashSet<>();
    for (Field field : model.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getName().startsWith("SERIALIZED_NAME_") && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Set.copyOf(names);
  }
}
