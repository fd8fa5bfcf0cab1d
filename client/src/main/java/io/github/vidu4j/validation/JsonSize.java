package io.github.vidu4j.validation;

import com.google.gson.annotations.SerializedName;
import io.github.vidu4j.core.ViduJson;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The UTF-8 size of a model's JSON as the client will send it, computed from its fields without
 * building the JSON: checking a request that carries 20 MB of data URIs must not make another 20 MB
 * copy of it. Fields are found through their {@code @SerializedName}, so a field the spec adds is
 * counted with no change here. Matches Gson's output byte for byte (a test checks).
 */
final class JsonSize {
  private JsonSize() {}

  /** Each class's serialised fields with their JSON names, looked up and made accessible once. */
  private static final ClassValue<List<Map.Entry<String, Field>>> FIELDS =
      new ClassValue<>() {
        @Override
        protected List<Map.Entry<String, Field>> computeValue(Class<?> type) {
          List<Map.Entry<String, Field>> fields = new ArrayList<>();
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
              SerializedName name = field.getAnnotation(SerializedName.class);
              if (name == null
                  || Modifier.isStatic(field.getModifiers())
                  || Modifier.isTransient(field.getModifiers())) {
                continue;
              }
              field.setAccessible(true);
              fields.add(Map.entry(name.value(), field));
            }
          }
          return List.copyOf(fields);
        }
      };

  static long of(Object model) {
    long size = 2; // { }
    int fields = 0;
    for (Map.Entry<String, Field> entry : FIELDS.get(model.getClass())) {
      Object value = read(entry.getValue(), model);
      if (value == null) {
        continue;
      }
      size += (fields++ > 0 ? 1 : 0) + string(entry.getKey()) + 1 + value(value);
    }
    return size;
  }

  private static long value(Object value) {
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return ViduJson.write(value).length();
    }
    if (value instanceof Collection<?> items) {
      long size = 2;
      int i = 0;
      for (Object item : items) {
        size += (i++ > 0 ? 1 : 0) + (item == null ? 4 : value(item));
      }
      return size;
    }
    return ViduJson.write(value).getBytes(StandardCharsets.UTF_8).length;
  }

  /** A JSON string literal's UTF-8 size, with Gson's escapes (HTML escaping off). */
  static long string(String s) {
    long size = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
        size += 2;
      } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
        size += 6;
      } else if (c < 0x80) {
        size += 1;
      } else if (c < 0x800) {
        size += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        size += 4;
        i++;
      } else {
        size += 3;
      }
    }
    return size;
  }

  private static Object read(Field field, Object model) {
    try {
      return field.get(model);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + field + " to size the request", e);
    }
  }
}
