package io.github.vidu4j.validation;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.vidu4j.validation.GenerationOperation.Field;
import io.github.vidu4j.validation.Violation.Code;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@link RequestValidator}'s checks of the request schema (unknown fields, types, lengths, ranges,
 * counts) and of a model's rules (durations, image counts, aspect ratios, resolutions).
 */
final class OperationChecks {
  private OperationChecks() {}

  /** Reports unknown and wrongly typed fields; returns the names whose values have their type. */
  static Set<String> unknownAndTyped(
      GenerationOperation operation, JsonObject body, List<Violation> violations) {
    Set<String> typed = new HashSet<>();
    for (String name : body.keySet()) {
      Field field = operation.fields().get(name);
      JsonElement value = body.get(name);
      if (field == null) {
        violations.add(
            Violation.stated(
                Code.FIELD_UNKNOWN,
                name,
                value,
                name
                    + ": "
                    + operation.name()
                    + " has no field "
                    + name
                    + " (its fields: "
                    + String.join(", ", operation.fields().keySet())
                    + ")"));
      } else if (hasType(field.type(), value)) {
        typed.add(name);
      } else if (!value.isJsonNull()) {
        violations.add(new Violation(Code.FIELD_TYPE, name, value, "must be " + field.type()));
      }
    }
    return typed;
  }

  private static boolean hasType(String type, JsonElement value) {
    return switch (type) {
      case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
      case "integer" -> isInteger(value);
      case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
      case "boolean" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
      case "array" -> value.isJsonArray();
      case "object" -> value.isJsonObject();
      default -> true;
    };
  }

  /** Lengths, ranges and counts of the typed fields but model, prompt and images. */
  static void otherFields(
      GenerationOperation operation,
      JsonObject body,
      Set<String> typed,
      List<Violation> violations) {
    for (String name : body.keySet()) {
      Field field = operation.fields().get(name);
      if (!typed.contains(name) || Set.of("model", "prompt", "images").contains(name)) {
        continue;
      }
      JsonElement value = body.get(name);
      switch (field.type()) {
        case "string" -> string(operation, field, value.getAsString(), violations);
        case "integer" -> range(field, value.getAsLong(), violations);
        case "array" -> count(operation, field, value.getAsJsonArray().size(), violations);
        default -> {}
      }
    }
  }

  private static void string(
      GenerationOperation operation, Field field, String text, List<Violation> violations) {
    String name = field.name();
    boolean payload = name.equals("payload");
    int max =
        payload
            ? operation.limits().payloadMaxChars()
            : field.maxLength() == null ? Integer.MAX_VALUE : field.maxLength();
    int length = text.codePointCount(0, text.length());
    if (length > max) {
      violations.add(
          new Violation(
              payload ? Code.PAYLOAD_LENGTH : Code.FIELD_RANGE,
              name,
              length + " characters",
              "at most " + max + " characters"));
    }
    if (name.equals("callback_url")) {
      String problem = HttpUrlCheck.problem(text);
      if (problem != null) {
        violations.add(new Violation(Code.CALLBACK_URL, name, text, problem));
      }
    }
  }

  private static void range(Field field, long number, List<Violation> violations) {
    if ((field.minimum() != null && number < field.minimum())
        || (field.maximum() != null && number > field.maximum())) {
      violations.add(
          new Violation(
              field.name().equals("duration") ? Code.DURATION : Code.FIELD_RANGE,
              field.name(),
              number,
              "must be "
                  + (field.minimum() == null ? "at most" : field.minimum() + " to")
                  + " "
                  + (field.maximum() == null ? "any" : field.maximum())));
    }
  }

  /** The schema's item count of an array field ({@code field} null: none). */
  static void count(
      GenerationOperation operation, @Nullable Field field, int size, List<Violation> violations) {
    if (field == null
        || ((field.maxItems() == null || size <= field.maxItems())
            && (field.minItems() == null || size >= field.minItems()))) {
      return;
    }
    violations.add(
        new Violation(
            field.name().equals("images") ? Code.IMAGE_COUNT : Code.FIELD_RANGE,
            field.name(),
            size,
            operation.name()
                + " takes "
                + between(field.minItems(), field.maxItems(), "any number of")
                + " "
                + field.name()));
  }

  /**
   * The model's image count; returns whether the model has a rule for it (else the schema's
   * applies).
   */
  static boolean imageCount(
      GenerationOperation operation,
      @Nullable OperationModel rules,
      int count,
      List<Violation> violations) {
    if (rules == null || (rules.minImages() == null && rules.maxImages() == null)) {
      return false;
    }
    int min = rules.minImages() == null ? 0 : rules.minImages();
    if (count < min || (rules.maxImages() != null && count > rules.maxImages())) {
      violations.add(
          new Violation(
              Code.IMAGE_COUNT,
              "images",
              count,
              rules.model()
                  + " needs "
                  + between(rules.minImages(), rules.maxImages(), "any")
                  + " images"));
    }
    return true;
  }

  /** The model's durations, aspect ratios and resolutions. */
  static void check(
      GenerationOperation operation,
      OperationModel rules,
      JsonObject body,
      Set<String> typed,
      int imageCount,
      List<Violation> violations) {
    String model = rules.model();
    Integer duration = typed.contains("duration") ? body.get("duration").getAsInt() : null;
    if (duration != null && !rules.takesDuration(duration)) {
      violations.add(
          new Violation(
              Code.DURATION,
              "duration",
              duration,
              model + " on " + operation.name() + " takes " + rules.durationRule()));
    }
    String aspectRatio =
        typed.contains("aspect_ratio") ? body.get("aspect_ratio").getAsString() : null;
    if (aspectRatio != null && !rules.aspectRatios().isEmpty()) {
      if (!rules.aspectRatios().contains(aspectRatio)) {
        violations.add(
            new Violation(
                Code.ASPECT_RATIO,
                "aspect_ratio",
                aspectRatio,
                model + " supports " + String.join(", ", rules.aspectRatios())));
      } else if (aspectRatio.equals("auto") && imageCount == 0) {
        // Vidu documents auto as following the first image but no error without one: warn, send.
        RequestValidator.warnAutoWithoutImage();
      }
    }
    String resolution = typed.contains("resolution") ? body.get("resolution").getAsString() : null;
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
  }

  /** {@code exactly 2}, {@code 0 to 7}, {@code 1 to <unbounded>}. */
  private static String between(@Nullable Integer min, @Nullable Integer max, String unbounded) {
    return Objects.equals(min, max)
        ? "exactly " + max
        : (min == null ? 0 : min) + " to " + (max == null ? unbounded : max);
  }

  private static boolean isInteger(JsonElement value) {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      return false;
    }
    double number = value.getAsDouble();
    return number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE;
  }
}
