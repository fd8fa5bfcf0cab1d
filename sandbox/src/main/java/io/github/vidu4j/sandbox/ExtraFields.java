package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.Objects;

/** Adds {@link SandboxOptions#extraFields()} to JSON text, in every object at any depth. */
final class ExtraFields {
  private ExtraFields() {}

  /**
   * Checks an extra field before it is used: found bad only when an answer meets it, it would break
   * that answer.
   */
  static void check(String name, String jsonValue) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(jsonValue, "jsonValue == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("extraField name must not be blank");
    }
    try {
      var unused = JsonParser.parseString(jsonValue);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("extraField " + name + ": not JSON: " + jsonValue, e);
    }
  }

  static String addTo(String json, Map<String, String> fields) {
    if (fields.isEmpty()) {
      return json;
    }
    JsonElement root = JsonParser.parseString(json);
    add(root, fields);
    return root.toString();
  }

  private static void add(JsonElement element, Map<String, String> fields) {
    if (element.isJsonArray()) {
      element.getAsJsonArray().forEach(e -> add(e, fields));
    } else if (element.isJsonObject()) {
      JsonObject object = element.getAsJsonObject();
      object.entrySet().forEach(e -> add(e.getValue(), fields));
      fields.forEach((name, value) -> object.add(name, JsonParser.parseString(value)));
    }
  }
}
