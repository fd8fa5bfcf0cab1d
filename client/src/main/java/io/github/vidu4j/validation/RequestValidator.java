package io.github.vidu4j.validation;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.internal.ViduGson;
import io.github.vidu4j.validation.Violation.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a create request against its {@link GenerationOperation}'s rules before anything is sent,
 * and reports every problem at once. {@code ViduClient} runs it on every create; call {@link
 * #validate(Object)} to check early (for example in a form handler). Nothing is read from the
 * network. Immutable and thread-safe.
 *
 * <p>The rules are the spec's, read through {@link ViduRules}: fields the request schema does not
 * have, types, lengths and ranges from the schema; each model's durations, resolutions (per
 * duration), aspect ratios (case as written) and image counts from {@code x-vidu-model-rules};
 * images, prompt, payload and body limits from {@code x-vidu-image-rules}; the start/end pixel
 * ratio when the spec has one and both images are data URIs. Beyond them: a prompt must not be
 * blank (Unicode spaces such as U+00A0 count as blank), its length counted in Unicode code points
 * as Vidu counts; the callback URL must be absolute http(s); each image must be an http(s) URL or a
 * base64 data URI of an accepted format whose header bytes are checked. {@code auto} aspect ratio
 * without an image is not refused (Vidu documents no such error) but logged as a warning on the
 * {@code io.github.vidu4j.validation} {@link System.Logger}.
 *
 * <pre>{@code
 * try {
 *   RequestValidator.strict().validate(request);
 * } catch (ViduValidationException e) {
 *   e.violations().forEach(v -> form.error(v.field(), v.rule()));
 * }
 * }</pre>
 */
public final class RequestValidator {
  private static final RequestValidator STRICT = new RequestValidator(false);
  private static final RequestValidator ALLOWING_UNKNOWN_MODELS = new RequestValidator(true);
  private static final System.Logger LOG = System.getLogger("io.github.vidu4j.validation");

  private final boolean allowUnknownModels;

  private RequestValidator(boolean allowUnknownModels) {
    this.allowUnknownModels = allowUnknownModels;
  }

  /** The default: a model the operation's rules do not name is refused. */
  public static RequestValidator strict() {
    return STRICT;
  }

  /**
   * The escape hatch for a model Vidu adds before vidu4j knows it: an unknown model is sent with
   * only the schema's and the model-independent checks (prompt, payload, images, URLs, body size).
   * Known models keep all their rules.
   */
  public static RequestValidator allowingUnknownModels() {
    return ALLOWING_UNKNOWN_MODELS;
  }

  /**
   * Checks {@code request}, a generated request model ({@code ReferenceToImageRequest}, {@code
   * TextToVideoRequest}, ...), by the rules of the operation whose request schema it is.
   *
   * @throws ViduValidationException listing every broken rule
   * @throws ViduException if {@code request} is not the request of an operation of the spec
   */
  public void validate(Object request) {
    Objects.requireNonNull(request, "request == null");
    String schema = request.getClass().getSimpleName();
    GenerationOperation operation =
        GenerationOperation.all().values().stream()
            .filter(o -> o.requestSchema().equals(schema))
            .findFirst()
            .orElseThrow(
                () -> new ViduException(schema + " is not the request of a generation operation"));
    validate(operation, ViduGson.gson().toJsonTree(request).getAsJsonObject());
  }

  /**
   * Checks {@code body}, the JSON object to send to {@code operation} (extra fields excluded).
   *
   * @throws ViduValidationException listing every broken rule
   */
  public void validate(GenerationOperation operation, JsonObject body) {
    validate(operation, body, BodySize.of(Objects.requireNonNull(body, "body == null")));
  }

  /**
   * {@link #validate(GenerationOperation, JsonObject)} with the size of the JSON body already
   * known: a client that has written the body checks the bytes it will send instead of counting
   * twice.
   *
   * @param bodyBytes the UTF-8 length of the body that will be sent, extra fields included
   * @throws ViduValidationException listing every broken rule
   */
  public void validate(GenerationOperation operation, JsonObject body, long bodyBytes) {
    Objects.requireNonNull(body, "body == null");
    JsonElement images = body.get("images");
    JsonArray items = images != null && images.isJsonArray() ? images.getAsJsonArray() : null;
    check(
        operation,
        body,
        items == null ? 0 : items.size(),
        (i, v) -> OperationImages.check(operation.limits(), "images[" + i + "]", items.get(i), v),
        bodyBytes);
  }

  /**
   * Checks {@code body} (without {@code images}) with {@code images} as its {@code images}, for a
   * body that streams local files: they were checked when their inputs were made (format, size,
   * dimensions), so only the count and the URLs are checked here, never the files' bytes.
   *
   * @param bodyBytes the UTF-8 length of the body that will be sent
   * @throws ViduValidationException listing every broken rule
   */
  public void validate(
      GenerationOperation operation, JsonObject body, List<ImageInput> images, long bodyBytes) {
    Objects.requireNonNull(body, "body == null");
    List<ImageInput> inputs = List.copyOf(images);
    check(
        operation,
        body,
        inputs.size(),
        (i, v) -> {
          if (inputs.get(i).info().isEmpty()) {
            JsonPrimitive value = new JsonPrimitive(inputs.get(i).value());
            OperationImages.check(operation.limits(), "images[" + i + "]", value, v);
          }
        },
        bodyBytes);
  }

  private interface ImageCheck {
    void check(int index, List<Violation> violations);
  }

  private void check(
      GenerationOperation operation,
      JsonObject body,
      int imageCount,
      ImageCheck imageCheck,
      long bodyBytes) {
    Objects.requireNonNull(operation, "operation == null");
    List<Violation> violations = new ArrayList<>();
    GenerationOperation.Limits limits = operation.limits();
    Set<String> typed = OperationChecks.unknownAndTyped(operation, body, violations);
    OperationModel rules = checkModel(operation, body, typed, violations);
    for (String name : operation.required()) {
      JsonElement value = body.get(name);
      boolean given =
          (value != null && !value.isJsonNull()) || (name.equals("images") && imageCount > 0);
      if (!given && !name.equals("model")) {
        violations.add(
            Violation.stated(
                name.equals("prompt") ? Code.PROMPT_REQUIRED : Code.FIELD_TYPE,
                name,
                "null",
                name + " is required"));
      }
    }
    String prompt = typed.contains("prompt") ? body.get("prompt").getAsString() : null;
    if (prompt != null && isBlank(prompt)) {
      violations.add(
          new Violation(Code.PROMPT_BLANK, "prompt", "\"" + prompt + "\"", "must not be blank"));
    } else if (prompt != null
        && prompt.codePointCount(0, prompt.length()) > limits.promptMaxCodePoints()) {
      violations.add(
          new Violation(
              Code.PROMPT_LENGTH,
              "prompt",
              prompt.codePointCount(0, prompt.length()) + " characters",
              "at most " + limits.promptMaxCodePoints() + " characters"));
    }
    if (!OperationChecks.imageCount(operation, rules, imageCount, violations)) {
      OperationChecks.count(operation, operation.fields().get("images"), imageCount, violations);
    }
    for (int i = 0; i < imageCount; i++) {
      imageCheck.check(i, violations);
    }
    OperationImages.checkPair(operation, body, violations);
    if (rules != null) {
      OperationChecks.check(operation, rules, body, typed, imageCount, violations);
    }
    OperationChecks.otherFields(operation, body, typed, violations);
    if (bodyBytes > limits.maxBodyBytes()) {
      violations.add(
          Violation.stated(
              Code.BODY_SIZE,
              "request",
              bodyBytes + " bytes",
              String.format(
                  Locale.ROOT,
                  "the JSON body would be %,d bytes, %,d over Vidu's %s limit (%,d); pass large images as URLs instead of data URIs",
                  bodyBytes,
                  bodyBytes - limits.maxBodyBytes(),
                  limits.maxBodySize(),
                  limits.maxBodyBytes())));
    }
    if (!violations.isEmpty()) {
      throw new ViduValidationException(violations);
    }
  }

  /** The model's rules, or null after reporting a missing or (unless allowed) unknown model. */
  private @Nullable OperationModel checkModel(
      GenerationOperation operation,
      JsonObject body,
      Set<String> typed,
      List<Violation> violations) {
    JsonElement value = body.get("model");
    if (value != null && !value.isJsonNull() && !typed.contains("model")) {
      return null; // a type violation already
    }
    String model = value == null || value.isJsonNull() ? null : value.getAsString();
    if (model == null || model.isBlank()) {
      if (model != null || operation.required().contains("model")) {
        violations.add(
            Violation.stated(
                Code.MODEL_REQUIRED,
                "model",
                String.valueOf(model),
                "model is required (" + String.join(" or ", operation.models().keySet()) + ")"));
      }
      return null;
    }
    OperationModel rules = operation.models().get(model);
    if (rules == null && !allowUnknownModels) {
      OperationModel caseless = operation.models().get(model.trim().toLowerCase(Locale.ROOT));
      violations.add(
          new Violation(
              Code.MODEL_UNKNOWN,
              "model",
              model,
              caseless != null
                  ? "unknown model; did you mean " + caseless.model() + "?"
                  : "unknown model; known: " + String.join(", ", operation.models().keySet())));
    }
    return rules;
  }

  /**
   * No visible character. Wider than {@link String#isBlank()}, which counts only {@link
   * Character#isWhitespace} and so lets through a prompt of no-break spaces (U+00A0, U+2007,
   * U+202F): such a prompt describes nothing.
   */
  static boolean isBlank(String text) {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  /** The aspect ratio {@code auto} follows the first image; without one, say so and send. */
  static void warnAutoWithoutImage() {
    LOG.log(
        System.Logger.Level.WARNING,
        "aspect_ratio auto follows the first image, and this request has none;"
            + " Vidu documents no error for that, so it is sent as is");
  }

  @Override
  public String toString() {
    return allowUnknownModels
        ? "RequestValidator.allowingUnknownModels()"
        : "RequestValidator.strict()";
  }
}
