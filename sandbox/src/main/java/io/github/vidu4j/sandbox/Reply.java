package io.github.vidu4j.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An answer: status, content type, body and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  static Reply json(int status, String json) {
    return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
