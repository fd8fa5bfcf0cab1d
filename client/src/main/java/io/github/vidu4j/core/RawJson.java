package io.github.vidu4j.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import io.github.vidu4j.core.internal.RawJsonStore;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON a model was read from, exactly as the server sent it. Vidu adds fields and values over
 * time; the generated models ignore fields they do not know (a state they do not know is kept:
 * {@code TaskState.getValue()}), and this class keeps them reachable:
 *
 * <pre>{@code
 * TaskCreations task = client.tasks().get(id);
 * if (!task.getState().isKnown()) {
 *   String actual = task.getState().getValue();                // e.g. "paused"
 * }
 * Map<String, String> extra = RawJson.unknownFields(task);        // fields the spec lacks
 * }</pre>
 *
 * <p>Models built in code (requests, or responses constructed by hand) have no raw JSON. Used by
 * callers who read what the spec does not know yet: the CLI's {@code --json} output and its {@code
 * callback} command do.
 */
public final class RawJson {
  private RawJson() {}

  /** The whole JSON text {@code model} was read from, if it was read from JSON. */
  public static Optional<String> of(Object model) {
    return Optional.ofNullable(RawJsonStore.rawOf(model)).map(JsonElement::toString);
  }

  /**
   * One top-level field of the raw JSON, by its JSON name ({@code "state"}, not {@code
   * "getState"}): a string as its value, anything else as JSON text. Empty when the field is absent
   * or {@code null}, or the model was not read from JSON.
   */
  public static Optional<String> field(Object model, String jsonName) {
    JsonElement raw = RawJsonStore.rawOf(model);
    if (raw == null || !raw.isJsonObject()) {
      return Optional.empty();
    }
    JsonElement value = raw.getAsJsonObject().get(jsonName);
    if (value == null || value.isJsonNull()) {
      return Optional.empty();
    }
    if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
      return Optional.of(value.getAsString());
    }
    return Optional.of(value.toString());
  }

  /**
   * The top-level fields the server sent that {@code model}'s class does not declare, by JSON name,
   * each value as JSON text, in the order received.
   */
  public static Map<String, String> unknownFields(Object model) {
    JsonElement raw = RawJsonStore.rawOf(model);
    Map<String, String> unknown = new LinkedHashMap<>();
    if (raw == null || !raw.isJsonObject()) {
      return unknown;
    }
    Set<String> known = declaredJsonNames(model.getClass());
    JsonObject object = raw.getAsJsonObject();
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      if (!known.contains(entry.getKey())) {
        unknown.put(entry.getKey(), entry.getValue().toString());
      }
    }
    return Collections.unmodifiableMap(unknown);
  }

  private static Set<String> declaredJsonNames(Class<?> type) {
    Set<String> names = new LinkedHashSet<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        SerializedName name = field.getAnnotation(SerializedName.class);
        if (name != null) {
          names.add(name.value());
          names.addAll(List.of(name.alternate()));
        }
      }
    }
    return names;
  }
}
