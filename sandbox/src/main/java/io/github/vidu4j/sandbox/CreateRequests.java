package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.RequestValidator;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A create request's body, checked as Vidu checks it. */
final class CreateRequests {
  /**
   * The request's fields, read from the generated model: a new field in the spec needs no change
   * here.
   */
  private static final Set<String> REQUEST_FIELDS = serializedNames(ReferenceToImageRequest.class);

  private static final RequestValidator VALIDATOR = RequestValidator.strict();

  private CreateRequests() {}

  /**
   * Vidu's checks, in its order: JSON, unwanted fields, missing fields, types, then the model's
   * rules. Fields of {@code acceptedExtras} the spec does not know are moved into {@code extras}.
   */
  static ReferenceToImageRequest parse(byte[] body, Set<String> acceptedExtras, JsonObject extras) {
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
    unwanted.removeAll(REQUEST_FIELDS);
    for (String name : unwanted) {
      if (acceptedExtras.contains(name)) {
        extras.add(name, json.remove(name));
      }
    }
    unwanted.removeAll(acceptedExtras);
    if (!unwanted.isEmpty()) {
      throw new ApiError(400, "FieldUnwanted", "unwanted field: " + String.join(", ", unwanted));
    }
    List<String> lacking = new ArrayList<>();
    for (String required :
        List.of(
            ReferenceToImageRequest.SERIALIZED_NAME_MODEL,
            ReferenceToImageRequest.SERIALIZED_NAME_PROMPT)) {
      JsonElement value = json.get(required);
      if (value == null
          || value.isJsonNull()
          || (value.isJsonPrimitive() && value.getAsString().isBlank())) {
        lacking.add(required);
      }
    }
    if (!lacking.isEmpty()) {
      throw new ApiError(
          400, "FieldLacking", "field is missing or empty: " + String.join(", ", lacking));
    }
    ReferenceToImageRequest request;
    try {
      request = ViduJson.read(json.toString(), ReferenceToImageRequest.class);
    } catch (ViduException e) {
      throw new ApiError(400, "FieldInvalid", "invalid field: " + e.getMessage());
    }
    TaskEngine.withVidusDefaults(request);
    try {
      VALIDATOR.validate(request);
    } catch (ViduValidationException e) {
      boolean countOnly = e.violations().stream().allMatch(v -> v.field().equals("images"));
      String fields =
          e.violations().stream()
              .map(Violation::field)
              .distinct()
              .collect(Collectors.joining(", "));
      String details =
          e.violations().stream().map(Violation::toString).collect(Collectors.joining("; "));
      if (countOnly) {
        throw new ApiError(
            400,
            "FieldItemCountOutOfRange",
            "field item count out of range: " + fields + " (" + details + ")");
      }
      throw new ApiError(400, "FieldInvalid", "invalid field: " + fields + " (" + details + ")");
    }
    return request;
  }

  private static Set<String> serializedNames(Class<?> model) {
    Set<String> names = new LinkedHashSet<>();
    for (Field field : model.getFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getName().startsWith("SERIALIZED_NAME_")
          && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Set.copyOf(names);
  }
}
