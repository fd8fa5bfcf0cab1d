package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;

/** Adds {@link SandboxOptions#extraFields()} to JSON text, in every object at any depth. */
final class ExtraFields {
  private ExtraFields() {}

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
