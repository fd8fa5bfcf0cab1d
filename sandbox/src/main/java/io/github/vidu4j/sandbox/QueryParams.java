package io.github.vidu4j.sandbox;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A request's query parameters, read as Vidu reads them; a malformed value is Vidu's {@code 400
 * FieldInvalid}.
 */
final class QueryParams {
  private final Map<String, List<String>> params;

  private QueryParams(Map<String, List<String>> params) {
    this.params = params;
  }

  static QueryParams parse(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (!rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = Route.decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : Route.decode(pair.substring(eq + 1));
        params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    return new QueryParams(params);
  }

  @Nullable String first(String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Repeated parameters and comma-separated values both count. */
  Set<String> values(String name) {
    Set<String> values = new LinkedHashSet<>();
    for (String value : params.getOrDefault(name, List.of())) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return values;
  }

  int intParam(String name, int fallback) {
    String value = first(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ApiError(
          400, "FieldInvalid", "invalid field: " + name + " (" + value + " is not an integer)");
    }
  }

  OffsetDateTime dateParam(String name, OffsetDateTime fallback) {
    String value = first(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new ApiError(
          400, "FieldInvalid", "invalid field: " + name + " (" + value + " is not RFC 3339)");
    }
  }
}
