package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A create request's body for any generation operation, checked as Vidu checks it: with the spec's
 * rules ({@link SpecRules}, {@link SpecChecks}), never the client's validator.
 */
final class CreateRequests {
  private CreateRequests() {}

  /**
   * Vidu's checks, in its order: JSON, unwanted fields, missing fields, then the fields' types and
   * limits and the model's and images' rules of the spec. Fields of {@code acceptedExtras} the spec
   * does not know are moved into {@code extras}.
   *
   * @return the request, checked
   * @throws ApiError Vidu's 400 answer for the first kind of problem found
   */
  static JsonObject parse(
      SpecOperation operation, byte[] body, Set<String> acceptedExtras, JsonObject extras) {
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
    List<SpecChecks.Problem> problems = SpecChecks.check(operation, json, body.length);
    if (!problems.isEmpty()) {
      String fields =
          problems.stream()
              .map(SpecChecks.Problem::field)
              .distinct()
              .collect(Collectors.joining(", "));
      String details =
          problems.stream().map(SpecChecks.Problem::toString).collect(Collectors.joining("; "));
      if (problems.stream().allMatch(SpecChecks.Problem::count)) {
        throw new ApiError(
            400,
            "FieldItemCountOutOfRange",
            "field item count out of range: " + fields + " (" + details + ")");
      }
      throw new ApiError(400, "FieldInvalid", "invalid field: " + fields + " (" + details + ")");
    }
    return json;
  }
}
