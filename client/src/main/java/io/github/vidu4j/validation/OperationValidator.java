package io.github.vidu4j.validation;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.vidu4j.validation.GenerationOperation.Field;
import io.github.vidu4j.validation.Violation.Code;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks a create request's JSON body against its {@link GenerationOperation}'s rules before
 * anything is sent, and reports every problem at once: fields the schema does not have, types,
 * lengths and ranges from the schema; the model's durations, resolutions (per duration), aspect
 * ratios and image counts from {@code x-vidu-model-rules}; images (URL or data URI, format, size,
 * dimensions), prompt, payload and body size from {@code x-vidu-image-rules}; the start/end pixel
 * ratio when the spec has one and both images are data URIs. Nothing is read from the network.
 * Immutable and thread-safe.
 */
public final class OperationValidator {
  private static final OperationValidator STRICT = new OperationValidator(false);
  private static final OperationValidator ALLOWING_UNKNOWN_MODELS = new OperationValidator(true);

  private final boolean allowUnknownModels;

  private OperationValidator(boolean allowUnknownModels) {
    this.allowUnknownModels = allowUnknownModels;
  }

  /** The default: a model the operation's rules do not name is refused. */
  public static OperationValidator strict() {
    return STRICT;
  }

  /** An unknown model is checked only against the schema and the model-independent limits. */
  public static OperationValidator allowingUnknownModels() {
    return ALLOWING_UNKNOWN_MODELS;
  }

  /**
   * Checks {@code body}, the JSON object to send to {@code operation} (extra fields excluded).
   *
   * @throws ViduValidationException listing every broken rule
   */
  public void validate(GenerationOperation operation, JsonObject body) {
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(body, "body == null");
    List<Violation> violations = new ArrayList<>();
    for (String name : body.keySet()) {
      Field field = operation.fields().get(name);
      if (field == null) {
        violations.add(
            Violation.stated(
                Code.FIELD_UNKNOWN,
                name,
                body.get(name),
                name
                    + ": "
                    + operation.name()
                    + " has no field "
                    + name
                    + " (its fields: "
                    + String.join(", ", operation.fields().keySet())
                    + ")"));
      } else {
        checkField(operation, field, body.get(name), violations);
      }
    }
    for (String name : operation.required()) {
      JsonElement value = body.get(name);
      if (value == null || value.isJsonNull()) {
        violations.add(
            Violation.stated(
                name.equals("model")
                    ? Code.MODEL_REQUIRED
                    : name.equals("prompt") ? Code.PROMPT_REQUIRED : Code.FIELD_TYPE,
                name,
                "null",
                name + " is required by " + operation.name()));
      }
    }
    String model = string(body, "model");
    OperationModel rules = model == null ? null : operation.models().get(model);
    if (model != null && rules == null && !allowUnknownModels) {
      violations.add(
          new Violation(
              Code.MODEL_UNKNOWN,
              "model",
              model,
              "unknown model for "
                  + operation.name()
                  + "; known: "
                  + String.join(", ", operation.models().keySet())));
    }
    if (rules != null) {
      checkModelRules(operation, rules, body, violations);
    }
    OperationImages.checkPair(operation, body, violations);
    long bodyBytes = body.toString().getBytes(StandardCharsets.UTF_8).length;
    if (bodyBytes > operation.limits().maxBodyBytes()) {
      violations.add(
          Violation.stated(
              Code.BODY_SIZE,
              "request",
              bodyBytes + " bytes",
              String.format(
                  Locale.ROOT,
                  "the JSON body would be %,d bytes, over Vidu's %s limit; pass large images as URLs",
                  bodyBytes,
                  operation.limits().maxBodySize())));
    }
    if (!violations.isEmpty()) {
      throw new ViduValidationException(violations);
    }
  }

  private static void checkField(
      GenerationOperation operation, Field field, JsonElement value, List<Violation> violations) {
    String name = field.name();
    if (value.isJsonNull() || field.type().isEmpty()) {
      return;
    }
    boolean typed =
        switch (field.type()) {
          case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
          case "integer" -> isInteger(value);
          case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
          case "boolean" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
          case "array" -> value.isJsonArray();
          case "object" -> value.isJsonObject();
          default -> true;
        };
    if (!typed) {
      violations.add(new Violation(Code.FIELD_TYPE, name, value, "must be " + field.type()));
      return;
    }
    if (field.type().equals("string")) {
      String text = value.getAsString();
      int length = text.codePointCount(0, text.length());
      if (name.equals("prompt") && RequestValidator.isBlank(text)) {
        violations.add(
            new Violation(Code.PROMPT_BLANK, name, "\"" + text + "\"", "must not be blank"));
      }
      int max =
          name.equals("prompt")
              ? operation.limits().promptMaxCodePoints()
              : name.equals("payload")
                  ? operation.limits().payloadMaxChars()
                  : field.maxLength() == null ? Integer.MAX_VALUE : field.maxLength();
      if (length > max) {
        violations.add(
            new Violation(
                name.equals("prompt")
                    ? Code.PROMPT_LENGTH
                    : name.equals("payload") ? Code.PAYLOAD_LENGTH : Code.FIELD_RANGE,
                name,
                length + " characters",
                "at most " + max + " characters"));
      }
      if (name.equals("callback_url")) {
        String problem = ImageInput.urlProblem(text);
        if (problem != null) {
          violations.add(new Violation(Code.CALLBACK_URL, name, text, problem));
        }
      }
    } else if (field.type().equals("integer")) {
      long number = value.getAsLong();
      if ((field.minimum() != null && number < field.minimum())
          || (field.maximum() != null && number > field.maximum())) {
        violations.add(
            new Violation(
                name.equals("duration") ? Code.DURATION : Code.FIELD_RANGE,
                name,
                number,
                "must be "
                    + (field.minimum() == null ? "at most" : field.minimum() + " to")
                    + " "
                    + (field.maximum() == null ? "any" : field.maximum())));
      }
    } else if (field.type().equals("array")) {
      JsonArray items = value.getAsJsonArray();
      if ((field.maxItems() != null && items.size() > field.maxItems())
          || (field.minItems() != null && items.size() < field.minItems())) {
        violations.add(
            new Violation(
                name.equals("images") ? Code.IMAGE_COUNT : Code.FIELD_RANGE,
                name,
                items.size(),
                operation.name()
                    + " takes "
                    + (Objects.equals(field.minItems(), field.maxItems())
                        ? "exactly " + field.maxItems()
                        : (field.minItems() == null ? 0 : field.minItems())
                            + " to "
                            + (field.maxItems() == null ? "any number of" : field.maxItems()))
                    + " "
                    + name));
      }
      if (name.equals("images")) {
        for (int i = 0; i < items.size(); i++) {
          OperationImages.check(operation.limits(), "images[" + i + "]", items.get(i), violations);
        }
      }
    }
  }

  private static void checkModelRules(
      GenerationOperation operation,
      OperationModel rules,
      JsonObject body,
      List<Violation> violations) {
    String model = rules.model();
    Integer duration = isInteger(body.get("duration")) ? body.get("duration").getAsInt() : null;
    if (duration != null && !rules.takesDuration(duration)) {
      violations.add(
          new Violation(
              Code.DURATION,
              "duration",
              duration,
              model + " on " + operation.name() + " takes " + rules.durationRule()));
    }
    String resolution = string(body, "resolution");
    List<String> resolutions = rules.resolutionsAt(duration);
    if (resolution != null && !resolutions.isEmpty() && !resolutions.contains(resolution)) {
      violations.add(
          new Violation(
              Code.RESOLUTION,
              "resolution",
              resolution,
              model
                  + (duration == null && rules.resolutionsByDuration().isEmpty()
                      ? ""
                      : " at " + (duration == null ? rules.defaultDuration() : duration) + " s")
                  + " supports "
                  + String.join(", ", resolutions)
                  + (resolutions.stream().anyMatch(r -> r.equalsIgnoreCase(resolution))
                      ? " (case as written)"
                      : "")));
    }
    String aspectRatio = string(body, "aspect_ratio");
    if (aspectRatio != null
        && !rules.aspectRatios().isEmpty()
        && !rules.aspectRatios().contains(aspectRatio)) {
      violations.add(
          new Violation(
              Code.ASPECT_RATIO,
              "aspect_ratio",
              aspectRatio,
              model + " supports " + String.join(", ", rules.aspectRatios())));
    }
    JsonElement images = body.get("images");
    int count = images != null && images.isJsonArray() ? images.getAsJsonArray().size() : 0;
    if ((rules.minImages() != null && count < rules.minImages())
        || (rules.maxImages() != null && count > rules.maxImages())) {
      violations.add(
          new Violation(
              Code.IMAGE_COUNT,
              "images",
              count,
              model
                  + " on "
                  + operation.name()
                  + " needs "
                  + (Objects.equals(rules.minImages(), rules.maxImages())
                      ? "exactly " + rules.maxImages()
                      : rules.minImages() + " to " + rules.maxImages())
                  + " images"));
    }
  }

  private static boolean isInteger(@Nullable JsonElement value) {
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      return false;
    }
    double number = value.getAsDouble();
    return number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE;
  }

  private static @Nullable String string(JsonObject body, String name) {
    JsonElement value = body.get(name);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
        ? value.getAsString()
        : null;
  }

  @Override
  public String toString() {
    return allowUnknownModels
        ? "OperationValidator.allowingUnknownModels()"
        : "OperationValidator.strict()";
  }
}
