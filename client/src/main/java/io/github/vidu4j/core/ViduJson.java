package io.github.vidu4j.core;

import com.google.gson.JsonParseException;
import io.github.vidu4j.core.internal.ViduGson;
import java.util.Objects;

/**
 * Reads and writes the generated models as Vidu's JSON, with the same rules the client uses:
 * unknown fields are kept (see {@link RawJson}), unknown enum values never throw, {@code date-time}
 * values are read leniently. For receivers, emulators and tools that handle Vidu JSON outside a
 * {@code ViduClient} call.
 */
public final class ViduJson {
  private ViduJson() {}

  /** {@code model} as compact JSON. */
  public static String write(Object model) {
    Objects.requireNonNull(model, "model == null");
    return ViduGson.gson().toJson(model);
  }

  /**
   * {@code json} read into {@code type}, a class from {@code io.github.vidu4j.model}.
   *
   * @throws ViduException if {@code json} is not JSON of that shape; the message names the type,
   *     not the content
   */
  public static <T> T read(String json, Class<T> type) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(type, "type == null");
    try {
      T value = ViduGson.read(json, type);
      if (value == null) {
        throw new ViduException("empty JSON where a " + type.getSimpleName() + " was expected");
      }
      return value;
    } catch (JsonParseException | IllegalStateException e) {
      throw new ViduException(
          "not a valid " + type.getSimpleName() + " JSON document: " + e.getMessage(), e);
    }
  }
}
