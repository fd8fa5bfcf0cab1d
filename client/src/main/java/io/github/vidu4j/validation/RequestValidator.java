package io.github.vidu4j.validation;

import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.ModelRules.Limits;
import io.github.vidu4j.validation.Violation.Code;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a create request against Vidu's rules before anything is sent, and reports every
 * problem at once. {@code ViduClient} runs it on every request; call {@link #validate} to check
 * early (for example in a form handler). Immutable and thread-safe.
 *
 * <p>The rules of each model: {@code viduq1} takes 1 to 7 images, aspect ratios 16:9, 9:16, 1:1,
 * 3:4, 4:3, resolution 1080p; {@code viduq2} takes 0 to 7 images (0 is text-to-image), adds 21:9,
 * 2:3, 3:2 and {@code auto} (output follows the first image, so it needs one), resolutions 1080p,
 * 2K, 4K (case as written). For every model: a prompt of 1 to 2000 characters (Unicode code
 * points, as Vidu counts), not blank (Unicode spaces such as U+00A0 count as blank); a payload of at most 1,048,576 characters; a seed of any
 * int ({@code 0} or absent means random); an absolute http(s) callback URL; each image an http(s)
 * URL or a {@code data:image/png|jpeg|webp;base64,} URI whose header bytes are checked; and a JSON
 * body of at most 20 MB, computed from the request without serialising it.
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
  private static final Set<String> DATA_TYPES = Set.of("image/png", "image/jpeg", "image/webp");

  private final boolean allowUnknownModels;

  private RequestValidator(boolean allowUnknownModels) {
    this.allowUnknownModels = allowUnknownModels;
  }

  /** The default: a model this release does not know is refused. */
  public static RequestValidator strict() {
    return STRICT;
  }

  /**
   * The escape hatch for a model Vidu adds before vidu4j knows it: an unknown model is sent
   * with only the model-independent checks (prompt, payload, images, URLs, body size). Known
   * models keep all their rules.
   */
  public static RequestValidator allowingUnknownModels() {
    return ALLOWING_UNKNOWN_MODELS;
  }

  /** The models whose rules this release knows: {@code viduq1}, {@code viduq2}. */
  public static Set<String> knownModels() {
    return ModelRules.BY_MODEL.keySet();
  }

  /**
   * Checks {@code request}.
   *
   * @throws ViduValidationException listing every broken rule
   */
  public void validate(ReferenceToImageRequest request) {
    Objects.requireNonNull(request, "request == null");
    List<Violation> violations = new ArrayList<>();
    String model = request.getModel();
    ModelRules rules = null;
    if (model == null || model.isBlank()) {
      violations.add(Violation.stated(Code.MODEL_REQUIRED, "model", String.valueOf(model), "model is required (" + String.join(" or ", knownModels()) + ")"));
    } else {
      rules = ModelRules.BY_MODEL.get(model);
      if (rules == null && !allowUnknownModels) {
        ModelRules caseless = ModelRules.BY_MODEL.get(model.trim().toLowerCase(Locale.ROOT));
        violations.add(new Violation(Code.MODEL_UNKNOWN, "model", model, caseless != null
            ? "unknown model; did you mean " + caseless.model() + "?"
            : "unknown model; known: " + String.join(", ", knownModels())));
      }
    }
    checkPrompt(request.getPrompt(), violations);
    List<String> images = request.getImages() == null ? List.of() : request.getImages();
    if (rules != null && (images.size() < rules.minImages() || images.size() > rules.maxImages())) {
      violations.add(new Violation(Code.IMAGE_COUNT, "images", images.size(),
          model + " needs " + rules.minImages() + " to " + rules.maxImages() + " images"));
    } else if (rules == null && images.size() > 7) {
      violations.add(new Violation(Code.IMAGE_COUNT, "images", images.size(), "at most 7 images"));
    }
    for (int i = 0; i < images.size(); i++) {
      checkImage("images[" + i + "]", images.get(i), violations);
    }
    checkAspectRatio(request.getAspectRatio(), rules, images.size(), violations);
    String resolution = request.getResolution();
    if (rules != null && resolution != null && !rules.resolutions().contains(resolution)) {
      violations.add(new Violation(Code.RESOLUTION, "resolution", resolution, model + " supports " + String.join(", ", rules.resolutions())
          + (rules.resolutions().stream().anyMatch(r -> r.equalsIgnoreCase(resolution)) ? " (case as written)" : "")));
    }
    String payload = request.getPayload();
    if (payload != null && payload.codePointCount(0, payload.length()) > Limits.PAYLOAD_MAX_CHARS) {
      violations.add(new Violation(Code.PAYLOAD_LENGTH, "payload", payload.codePointCount(0, payload.length()) + " characters",
          "at most " + Limits.PAYLOAD_MAX_CHARS + " characters"));
    }
    String callbackUrl = request.getCallbackUrl();
    if (callbackUrl != null) {
      String problem = ImageInput.urlProblem(callbackUrl);
      if (problem != null) {
        violations.add(new Violation(Code.CALLBACK_URL, "callback_url", callbackUrl, problem));
      }
    }
    long bodyBytes = JsonSize.of(request);
    if (bodyBytes > Limits.MAX_BODY_BYTES) {
      violations.add(Violation.stated(Code.BODY_SIZE, "request", bodyBytes + " bytes", String.format(Locale.ROOT,
          "the JSON body would be %,d bytes, %,d over Vidu's 20 MB limit (%,d); pass large images as URLs instead of data URIs",
          bodyBytes, bodyBytes - Limits.MAX_BODY_BYTES, Limits.MAX_BODY_BYTES)));
    }
    if (!violations.isEmpty()) {
      throw new ViduValidationException(violations);
    }
  }

  private static void checkPrompt(@Nullable String prompt, List<Violation> violations) {
    if (prompt == null) {
      violations.add(Violation.stated(Code.PROMPT_REQUIRED, "prompt", "null", "prompt is required"));
      return;
    }
    if (isBlank(prompt)) {
      violations.add(new Violation(Code.PROMPT_BLANK, "prompt", "\"" + prompt + "\"", "must not be blank"));
      return;
    }
    int codePoints = prompt.codePointCount(0, prompt.length());
    if (codePoints > Limits.PROMPT_MAX_CODE_POINTS) {
      violations.add(new Violation(Code.PROMPT_LENGTH, "prompt", codePoints + " characters", "at most " + Limits.PROMPT_MAX_CODE_POINTS + " characters"));
    }
  }

  /**
   * No visible character. Wider than {@link String#isBlank()}, which counts only {@link
   * Character#isWhitespace} and so lets through a prompt of no-break spaces (U+00A0, U+2007,
   * U+202F): such a prompt describes nothing.
   */
  static boolean isBlank(String text) {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  private static void checkAspectRatio(@Nullable String aspectRatio, @Nullable ModelRules rules, int imageCount, List<Violation> violations) {
    if (rules == null || aspectRatio == null) {
      return;
    }
    if (!rules.aspectRatios().contains(aspectRatio)) {
      violations.add(new Violation(Code.ASPECT_RATIO, "aspect_ratio", aspectRatio, rules.model() + " supports " + String.join(", ", rules.aspectRatios())));
    } else if (aspectRatio.equals("auto") && rules.autoAspectRatioNeedsImage() && imageCount == 0) {
      violations.add(Violation.stated(Code.ASPECT_RATIO_NEEDS_IMAGE, "aspect_ratio", aspectRatio,
          "auto follows the first image, so it needs at least one image (none given)"));
    }
  }

  private static void checkImage(String field, @Nullable String image, List<Violation> violations) {
    if (image == null || image.isEmpty()) {
      violations.add(new Violation(Code.IMAGE_URL, field, "\"\"", "must be an http(s) URL or a data:image/...;base64, URI"));
      return;
    }
    if (!image.regionMatches(true, 0, "data:", 0, 5)) {
      String problem = ImageInput.urlProblem(image);
      if (problem != null) {
        violations.add(new Violation(Code.IMAGE_URL, field, image,
            "must be an absolute http(s) URL or a data:image/png|jpeg|webp;base64, URI"));
      }
      return;
    }
    DataUri uri = DataUri.parse(image);
    if (uri == null) {
      violations.add(new Violation(Code.IMAGE_DATA_URI, field, image, "a data URI must start data:image/<png|jpeg|webp>;base64,"));
      return;
    }
    if (!DATA_TYPES.contains(uri.mimeType)) {
      violations.add(new Violation(Code.IMAGE_FORMAT, field, uri.mimeType, "Vidu accepts image/png, image/jpeg and image/webp"));
      return;
    }
    if (uri.decodedBytes() > Limits.MAX_IMAGE_BYTES) {
      violations.add(new Violation(Code.IMAGE_BYTES, field, uri.decodedBytes() + " bytes", "at most 50 MB (" + Limits.MAX_IMAGE_BYTES + " bytes) per image"));
      return;
    }
    ImageInfo info;
    try (InputStream in = uri.decoded()) {
      info = ImageSniffer.sniff(in);
    } catch (ImageSniffer.NotAnImage e) {
      violations.add(Violation.stated(Code.IMAGE_FORMAT, field, image, "the data URI's image: " + e.getMessage()));
      return;
    } catch (IOException | IllegalArgumentException e) {
      violations.add(Violation.stated(Code.IMAGE_DATA_URI, field, image, "the data URI is not valid base64 (" + e.getMessage() + ")"));
      return;
    }
    if (!info.format().mimeType().equals(uri.mimeType)) {
      violations.add(Violation.stated(Code.IMAGE_FORMAT, field, image, "the data URI says " + uri.mimeType + " but holds " + info.format().mimeType()));
    }
    String problem = ImageInput.dimensionProblem(info);
    if (problem != null) {
      violations.add(Violation.stated(Code.IMAGE_DIMENSIONS, field, image, "the image is " + problem));
    }
  }

  @Override
  public String toString() {
    return allowUnknownModels ? "RequestValidator.allowingUnknownModels()" : "RequestValidator.strict()";
  }
}
