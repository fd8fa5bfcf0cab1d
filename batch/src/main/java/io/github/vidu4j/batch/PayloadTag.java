package io.github.vidu4j.batch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.vidu4j.model.ReferenceToImageRequest;
import org.jspecify.annotations.Nullable;

/**
 * The tag each create carries in {@code payload}, unique to the batch, the line and the attempt:
 * Vidu returns it with the task, so a task whose create answer was lost can be found again by
 * listing recent tasks. A line's own payload follows the tag after a newline.
 */
final class PayloadTag {
  private static final String PREFIX = "vidu4j-batch:";

  /** As long as any real tag: a batch id is a UUID, line and attempt numbers fit in an int. */
  static final String LONGEST =
      PREFIX + "00000000-0000-0000-0000-000000000000:2147483647:2147483647";

  private PayloadTag() {}

  static String of(String batchId, int line, int attempt) {
    return PREFIX + batchId + ":" + line + ":" + attempt;
  }

  /** The line's request with the tag in front of its payload. */
  static ReferenceToImageRequest tagged(BatchLine line, String tag) {
    ReferenceToImageRequest request = line.request();
    String own = request.getPayload();
    request.setPayload(own == null ? tag : tag + "\n" + own);
    return request;
  }

  /**
   * The line's request body (any operation) with the tag in front of its payload. A payload that is
   * not a string is left as it is, for the validator to name.
   */
  static JsonObject taggedBody(BatchLine line, String tag) {
    JsonObject body = line.body();
    JsonElement own = body.get("payload");
    if (own == null || own.isJsonNull()) {
      body.addProperty("payload", tag);
    } else if (own.isJsonPrimitive() && own.getAsJsonPrimitive().isString()) {
      body.addProperty("payload", tag + "\n" + own.getAsString());
    }
    return body;
  }

  /**
   * The line number of a tag of batch {@code batchId} at the start of {@code payload} (any
   * attempt), or -1.
   */
  static int lineOf(@Nullable String payload, String batchId) {
    String start = PREFIX + batchId + ":";
    if (payload == null || !payload.startsWith(start)) {
      return -1;
    }
    int end = payload.indexOf('\n');
    String rest = payload.substring(start.length(), end < 0 ? payload.length() : end);
    int colon = rest.indexOf(':');
    if (colon <= 0 || colon == rest.length() - 1) {
      return -1;
    }
    try {
      int line = Integer.parseInt(rest.substring(0, colon));
      int attempt = Integer.parseInt(rest.substring(colon + 1));
      return line > 0 && attempt > 0 ? line : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static boolean matches(@Nullable String payload, String tag) {
    return payload != null && (payload.equals(tag) || payload.startsWith(tag + "\n"));
  }
}
