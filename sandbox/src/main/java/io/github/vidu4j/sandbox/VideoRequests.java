package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.RequestValidator;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A create request's body for a video operation (or any generation operation of the spec other than
 * {@code reference2image}), checked as Vidu checks it, by the operation's rules in the spec.
 */
final class VideoRequests {
  private VideoRequests() {}

  /**
   * Vidu's checks in its order: JSON, unwanted fields, missing fields, then types and the model's
   * rules. Fields of {@code acceptedExtras} the spec does not know are moved into {@code extras}.
   */
  static JsonObject parse(
      GenerationOperation operation, byte[] body, Set<String> acceptedExtras, JsonObject extras) {
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
    unwanted.removeAll(operation.fields().keySet());
    for (String name : unwanted) {
      if (acceptedExtras.contains(name)) {
        extras.add(name, json.remove(name));
      }
    }
    unwanted.removeAll(acceptedExtras);
    if (!unwanted.isEmpty()) {
      throw new ApiError(400, "FieldUnwanted", "unwanted field: " + String.join(", ", unwanted));
    }
    List<String> lacking =
        operation.required().stream()
            .filter(
                name -> {
                  JsonElement value = json.get(name);
                  return value == null
                      || value.isJsonNull()
                      || (value.isJsonPrimitive() && value.getAsString().isBlank());
                })
            .toList();
    if (!lacking.isEmpty()) {
      throw new ApiError(
          400, "FieldLacking", "field is missing or empty: " + String.join(", ", lacking));
    }
    try {
      RequestValidator.strict().validate(operation, json);
    } catch (ViduValidationException e) {
      String fields =
          e.violations().stream()
              .map(Violation::field)
              .distinct()
              .collect(Collectors.joining(", "));
      String details =
          e.violations().stream().map(Violation::toString).collect(Collectors.joining("; "));
      boolean countOnly =
          e.violations().stream().allMatch(v -> v.code() == Violation.Code.IMAGE_COUNT);
      throw new ApiError(
          400,
          countOnly ? "FieldItemCountOutOfRange" : "FieldInvalid",
          (countOnly ? "field item count out of range: " : "invalid field: ")
              + fields
              + " ("
              + details
              + ")");
    }
    return json;
  }
}
