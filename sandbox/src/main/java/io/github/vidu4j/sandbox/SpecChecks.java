package io.github.vidu4j.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Vidu's server-side checks of a create request's fields, for any generation operation, from the
 * spec's rules alone ({@link SpecOperation}, read by {@link SpecRules}): the schema's types,
 * formats, lengths, item counts and ranges, the model's rules and the image rules. The sandbox
 * shares no validation code with the client, so the two can disagree, and a client rule made wrong
 * shows up as a request the sandbox refuses.
 */
final class SpecChecks {
  /**
   * A refused field: its name and why; {@code count} for a wrong number of items (Vidu's {@code
   * FieldItemCountOutOfRange}).
   */
  record Problem(String field, String detail, boolean count) {
    Problem(String field, String detail) {
      this(field, detail, false);
    }

    @Override
    public String toString() {
      return field + ": " + detail;
    }
  }

  private SpecChecks() {}

  /**
   * Every problem of {@code json}, a create request for {@code operation} whose fields the schema
   * all has and whose required fields are present, sent as {@code bodyBytes} bytes.
   */
  static List<Problem> check(SpecOperation operation, JsonObject json, long bodyBytes) {
    List<Problem> problems = new ArrayList<>();
    String modelName = string(json, "model");
    SpecModel model = modelName == null ? null : operation.models().get(modelName);
    if (modelName != null && model == null && !operation.models().isEmpty()) {
      problems.add(
          new Problem(
              "model",
              "unknown model "
                  + modelName
                  + " for "
                  + operation.name()
                  + "; known: "
                  + String.join(", ", operation.models().keySet())));
    }
    for (SpecOperation.Field field : operation.fields().values()) {
      JsonElement value = json.get(field.name());
      if (value != null && !value.isJsonNull()) {
        checkField(operation, field, value, problems);
      }
    }
    if (model != null) {
      checkModel(operation, model, json, problems);
    }
    JsonElement images = json.get("images");
    String pair =
        images != null && images.isJsonArray()
            ? ImageChecks.pairProblem(images.getAsJsonArray(), operation.limits())
            : null;
    if (pair != null) {
      problems.add(new Problem("images", pair));
    }
    if (bodyBytes > operation.limits().maxBodyBytes()) {
      problems.add(
          new Problem(
              "request",
              bodyBytes + " bytes; at most " + operation.limits().maxBodyBytes() + " bytes"));
    }
    return problems;
  }

  private static void checkField(
      SpecOperation operation,
      SpecOperation.Field field,
      JsonElement value,
      List<Problem> problems) {
    String name = field.name();
    if (!hasType(value, field.type())) {
      problems.add(new Problem(name, "must be " + field.type()));
      return;
    }
    switch (field.type()) {
      case "string" -> checkString(operation, field, value.getAsString(), problems);
      case "integer" -> {
        long number = value.getAsLong();
        if ((field.minimum() != null && number < field.minimum())
            || (field.maximum() != null && number > field.maximum())) {
          problems.add(
              new Problem(
                  name,
                  number
                      + "; must be "
                      + (field.minimum() == null ? "any" : field.minimum())
                      + " to "
                      + (field.maximum() == null ? "any" : field.maximum())));
        }
      }
      case "array" -> {
        JsonArray items = value.getAsJsonArray();
        if ((field.minItems() != null && items.size() < field.minItems())
            || (field.maxItems() != null && items.size() > field.maxItems())) {
          problems.add(
              new Problem(
                  name,
                  items.size()
                      + " items; "
                      + operation.name()
                      + " takes "
                      + (field.minItems() == null ? 0 : field.minItems())
                      + " to "
                      + (field.maxItems() == null ? "any" : field.maxItems()),
                  true));
        }
        if (name.equals("images")) {
          for (int i = 0; i < items.size(); i++) {
            JsonElement image = items.get(i);
            String problem =
                image.isJsonPrimitive() && image.getAsJsonPrimitive().isString()
                    ? ImageChecks.problem(image.getAsString(), operation.limits())
                    : "must be a string";
            if (problem != null) {
              problems.add(new Problem(name + "[" + i + "]", problem));
            }
          }
        }
      }
      default -> {
        // booleans, numbers, objects: the type is the whole rule
      }
    }
  }

  private static void checkString(
      SpecOperation operation, SpecOperation.Field field, String text, List<Problem> problems) {
    String name = field.name();
    int length = text.codePointCount(0, text.length());
    Integer max =
        name.equals("prompt") && operation.limits().promptMaxCodePoints() != null
            ? operation.limits().promptMaxCodePoints()
            : name.equals("payload") && operation.limits().payloadMaxChars() != null
                ? operation.limits().payloadMaxChars()
                : field.maxLength();
    if (name.equals("prompt") && isBlank(text)) {
      problems.add(new Problem(name, "must not be blank"));
    } else if (field.minLength() != null && length < field.minLength()) {
      problems.add(new Problem(name, "at least " + field.minLength() + " characters"));
    } else if (max != null && length > max) {
      problems.add(new Problem(name, "at most " + max + " characters"));
    }
    if ("uri".equals(field.format()) && !ImageChecks.isHttpUrl(text)) {
      problems.add(new Problem(name, "must be an absolute http(s) URL"));
    }
  }

  private static void checkModel(
      SpecOperation operation, SpecModel model, JsonObject json, List<Problem> problems) {
    JsonElement durationValue = json.get("duration");
    Integer duration =
        operation.fields().containsKey("duration") && hasType(durationValue, "integer")
            ? durationValue.getAsInt()
            : null;
    if (duration != null && !model.acceptsDuration(duration)) {
      problems.add(
          new Problem(
              "duration",
              duration
                  + "; "
                  + model.name()
                  + " on "
                  + operation.name()
                  + " takes "
                  + model.durationsInWords()));
    }
    List<String> resolutions = model.resolutionsAt(duration);
    String resolution = string(json, "resolution");
    if (resolution != null && !resolutions.isEmpty() && !resolutions.contains(resolution)) {
      problems.add(
          new Problem(
              "resolution",
              resolution
                  + "; "
                  + model.name()
                  + (model.resolutionsByDuration().isEmpty()
                      ? ""
                      : " at " + (duration == null ? model.defaultDuration() : duration) + " s")
                  + " supports "
                  + String.join(", ", resolutions)));
    }
    String aspectRatio = string(json, "aspect_ratio");
    if (aspectRatio != null
        && !model.aspectRatios().isEmpty()
        && !model.aspectRatios().contains(aspectRatio)) {
      problems.add(
          new Problem(
              "aspect_ratio",
              aspectRatio
                  + "; "
                  + model.name()
                  + " supports "
                  + String.join(", ", model.aspectRatios())));
    }
    JsonElement images = json.get("images");
    int count = images != null && images.isJsonArray() ? images.getAsJsonArray().size() : 0;
    if ((model.minImages() != null && count < model.minImages())
        || (model.maxImages() != null && count > model.maxImages())) {
      problems.add(
          new Problem(
              "images",
              count
                  + " images; "
                  + model.name()
                  + " on "
                  + operation.name()
                  + " needs "
                  + (Objects.equals(model.minImages(), model.maxImages())
                      ? "exactly " + model.maxImages()
                      : (model.minImages() == null ? 0 : model.minImages())
                          + " to "
                          + (model.maxImages() == null ? "any" : model.maxImages()))
                  + " images",
              true));
    }
  }

  private static boolean hasType(@Nullable JsonElement value, String type) {
    if (value == null) {
      return false;
    }
    return switch (type) {
      case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
      case "integer" -> {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
          yield false;
        }
        double number = value.getAsDouble();
        yield number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE;
      }
      case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
      case "boolean" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
      case "array" -> value.isJsonArray();
      case "object" -> value.isJsonObject();
      default -> true;
    };
  }

  static boolean isBlank(String text) {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  private static @Nullable String string(JsonObject json, String field) {
    JsonElement value = json.get(field);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
        ? value.getAsString()
        : null;
  }
}
