package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ErrorMetadata;
import io.github.vidu4j.model.ErrorResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Vidu's answers that are not an operation's result: its error body (or object storage's XML for
 * result URLs), the answer to a bug in the sandbox, and a scripted fault's reshaping of a success.
 */
final class Replies {
  private final SecureRandom random = new SecureRandom();

  Reply error(ApiError e, @Nullable Fault fault) {
    if (e.status == 403 || e.reason.equals("NoSuchKey")) {
      // Result URLs live on object storage in Vidu's deployment, which answers in XML.
      String xml =
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
              + e.reason
              + "</Code><Message>"
              + e.getMessage()
              + "</Message></Error>";
      return new Reply(e.status, "application/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
    }
    ErrorResponse body =
        new ErrorResponse()
            .code(e.status)
            .reason(e.reason)
            .message(e.getMessage())
            .metadata(new ErrorMetadata().traceId(traceId()));
    Map<String, String> headers =
        fault != null && fault.kind == Fault.Kind.ERROR && fault.duration != null
            ? Map.of("Retry-After", Long.toString(fault.duration.toSeconds()))
            : Map.of();
    return new Reply(
        e.status,
        "application/json",
        ViduJson.write(body).getBytes(StandardCharsets.UTF_8),
        headers);
  }

  /**
   * Vidu's answer to a failure inside it; the body names the sandbox, the stack trace goes to the
   * log only.
   */
  Reply sandboxBug(RuntimeException e) {
    String cause =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    ErrorResponse body =
        new ErrorResponse()
            .code(500)
            .reason("InternalServiceFailure")
            .message(
                "internal service failure: a bug in the vidu4j sandbox, not Vidu's behaviour ("
                    + cause
                    + ")")
            .metadata(new ErrorMetadata().traceId(traceId()));
    return Reply.json(500, ViduJson.write(body));
  }

  static Reply reshape(Reply reply, Fault fault) {
    JsonElement json = JsonParser.parseString(new String(reply.body(), StandardCharsets.UTF_8));
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
        object
            .getAsJsonArray("tasks")
            .forEach(t -> t.getAsJsonObject().addProperty("state", fault.text));
      }
    } else {
      return reply;
    }
    return Reply.json(reply.status(), object.toString());
  }

  static String messageFor(@Nullable String reason) {
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
}
