package io.github.vidu4j.validation;

import io.github.vidu4j.model.ReferenceToImageRequest;
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
 * Checks a create request against Vidu's rules before anything is sent, and reports every problem
 * at once. {@code ViduClient} runs it on every request; call {@link #validate} to check early (for
 * example in a form handler). Immutable and thread-safe.
 *
 * <p>The rules are the spec's, read through {@link ViduRules}: each model's image count, aspect
 * ratios and resolutions (case as written) from {@code x-vidu-model-rules}, and for every model the
 * prompt, payload, image and body limits from {@code x-vidu-image-rules} (see {@code
 * openapi/vidu.yaml}). Beyond them: a prompt must not be blank (Unicode spaces such as U+00A0 count
 * as blank), its length counted in Unicode code points as Vidu counts; a seed may be any int
 * ({@code 0} or absent means random); the callback URL must be absolute http(s); each image must be
 * an http(s) URL or a base64 data URI of an accepted format whose header bytes are checked; the
 * JSON body size is counted by the serialiser into a sink that keeps nothing. {@code auto} aspect
 * ratio without an image is not refused (Vidu documents no such error) but logged as a warning on
 * the {@code io.github.vidu4j.validation} {@link System.Logger}.
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
  private static final ViduRules RULES = ViduRules.spec();
  private static final ImageRules LIMITS = RULES.images();
  private static final System.Logger LOG = System.getLogger("io.github.vidu4j.validation");

  private final boolean allowUnknownModels;

  private RequestValidator(boolean allowUnknownModels) {
    this.allowUnknownModels = allowUnknownModels;
  }

  /** The default: a model this release does not know is refused. */
  public static RequestValidator strict() {
    return STRICT;
  }

  /**
   * The escape hatch for a model Vidu adds before vidu4j knows it: an unknown model is sent with
   * only the model-independent checks (prompt, payload, images, URLs, body size). Known models keep
   * all their rules.
   */
  public static RequestValidator allowingUnknownModels() {
    return ALLOWING_UNKNOWN_MODELS;
  }

  /**
   * The models whose rules this release knows: the keys of the spec's {@code x-vidu-model-rules}.
   */
  public static Set<String> knownModels() {
    return RULES.models().keySet();
  }

  /**
   * Checks {@code request}.
   *
   * @throws ViduValidationException listing every broken rule
   */
  public void validate(ReferenceToImageRequest request) {
    validate(Objects.requireNonNull(request, "request == null"), BodySize.of(request));
  }

  /**
   * Checks {@code request} as {@link #validate(ReferenceToImageRequest)} does, with the size of its
   * JSON body already known: a client that has written the body checks the bytes it will send
   * instead of counting them a second time.
   *
   * @param bodyBytes the UTF-8 length of the body that will be sent, extra fields included
   * @throws ViduValidationException listing every broken rule
   */
  public void validate(ReferenceToImageRequest request, long bodyBytes) {
    Objects.requireNonNull(request, "request == null");
    List<String> images = request.getImages() == null ? List.of() : request.getImages();
    check(
        request,
        images.size(),
        (i, v) -> checkImage("images[" + i + "]", images.get(i), v),
        bodyBytes);
  }

  /**
   * Checks {@code request} with {@code images} in place of its {@code images} list, for a body that
   * streams local files: they were checked when their inputs were made (format, size, dimensions),
   * so only the count and the URLs are checked here, never the files' bytes.
   *
   * @param bodyBytes the UTF-8 length of the body that will be sent
   * @throws ViduValidationException listing every broken rule
   */
  public void validate(ReferenceToImageRequest request, List<ImageInput> images, long bodyBytes) {
    Objects.requireNonNull(request, "request == null");
    List<ImageInput> inputs = List.copyOf(images);
    check(
        request,
        inputs.size(),
        (i, v) -> {
          if (inputs.get(i).info().isEmpty()) {
            checkImage("images[" + i + "]", inputs.get(i).value(), v);
          }
        },
        bodyBytes);
  }

  private interface ImageCheck {
    void check(int index, List<Violation> violations);
  }

  private void check(
      ReferenceToImageRequest request, int imageCount, ImageCheck imageCheck, long bodyBytes) {
    List<Violation> violations = new ArrayList<>();
    String model = request.getModel();
    ModelRules rules = null;
    if (model == null || model.isBlank()) {
      violations.add(
          Violation.stated(
              Code.MODEL_REQUIRED,
              "model",
              String.valueOf(model),
              "model is required (" + String.join(" or ", knownModels()) + ")"));
    } else {
      rules = RULES.models().get(model);
      if (rules == null && !allowUnknownModels) {
        ModelRules caseless = RULES.models().get(model.trim().toLowerCase(Locale.ROOT));
        violations.add(
            new Violation(
                Code.MODEL_UNKNOWN,
                "model",
                model,
                caseless != null
                    ? "unknown model; did you mean " + caseless.model() + "?"
                    : "unknown model; known: " + String.join(", ", knownModels())));
      }
    }
    checkPrompt(request.getPrompt(), violations);
    if (rules != null && (imageCount < rules.minImages() || imageCount > rules.maxImages())) {
      violations.add(
          new Violation(
              Code.IMAGE_COUNT,
              "images",
              imageCount,
              model + " needs " + rules.minImages() + " to " + rules.maxImages() + " images"));
    }
    for (int i = 0; i < imageCount; i++) {
      imageCheck.check(i, violations);
    }
    checkAspectRatio(request.getAspectRatio(), rules, imageCount, violations);
    String resolution = request.getResolution();
    if (rules != null && resolution != null && !rules.resolutions().contains(resolution)) {
      violations.add(
          new Violation(
              Code.RESOLUTION,
              "resolution",
              resolution,
              model
                  + " supports "
                  + String.join(", ", rules.resolutions())
                  + (rules.resolutions().stream().anyMatch(r -> r.equalsIgnoreCase(resolution))
                      ? " (case as written)"
                      : "")));
    }
    String payload = request.getPayload();
    if (payload != null && payload.codePointCount(0, payload.length()) > LIMITS.payloadMaxChars()) {
      violations.add(
          new Violation(
              Code.PAYLOAD_LENGTH,
              "payload",
              payload.codePointCount(0, payload.length()) + " characters",
              "at most " + LIMITS.payloadMaxChars() + " characters"));
    }
    String callbackUrl = request.getCallbackUrl();
    if (callbackUrl != null) {
      String problem = ImageInput.urlProblem(callbackUrl);
      if (problem != null) {
        violations.add(new Violation(Code.CALLBACK_URL, "callback_url", callbackUrl, problem));
      }
    }
    if (bodyBytes > LIMITS.maxBodyBytes()) {
      violations.add(
          Violation.stated(
              Code.BODY_SIZE,
              "request",
              bodyBytes + " bytes",
              String.format(
                  Locale.ROOT,
                  "the JSON body would be %,d bytes, %,d over Vidu's %s limit (%,d); pass large images as URLs instead of data URIs",
                  bodyBytes,
                  bodyBytes - LIMITS.maxBodyBytes(),
                  LIMITS.maxBodySize(),
                  LIMITS.maxBodyBytes())));
    }
    if (!violations.isEmpty()) {
      throw new ViduValidationException(violations);
    }
  }

  private static void checkPrompt(@Nullable String prompt, List<Violation> violations) {
    if (prompt == null) {
      violations.add(
          Violation.stated(Code.PROMPT_REQUIRED, "prompt", "null", "prompt is required"));
      return;
    }
    if (isBlank(prompt)) {
      violations.add(
          new Violation(Code.PROMPT_BLANK, "prompt", "\"" + prompt + "\"", "must not be blank"));
      return;
    }
    int codePoints = prompt.codePointCount(0, prompt.length());
    if (codePoints > LIMITS.promptMaxCodePoints()) {
      violations.add(
          new Violation(
              Code.PROMPT_LENGTH,
              "prompt",
              codePoints + " characters",
              "at most " + LIMITS.promptMaxCodePoints() + " characters"));
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

  private static void checkAspectRatio(
      @Nullable String aspectRatio,
      @Nullable ModelRules rules,
      int imageCount,
      List<Violation> violations) {
    if (rules == null || aspectRatio == null) {
      return;
    }
    if (!rules.aspectRatios().contains(aspectRatio)) {
      violations.add(
          new Violation(
              Code.ASPECT_RATIO,
              "aspect_ratio",
              aspectRatio,
              rules.model() + " supports " + String.join(", ", rules.aspectRatios())));
    } else if (aspectRatio.equals("auto") && imageCount == 0) {
      // Vidu documents auto as following the first image but no error without one: warn, send.
      LOG.log(
          System.Logger.Level.WARNING,
          "aspect_ratio auto follows the first image, and this request has none;"
              + " Vidu documents no error for that, so it is sent as is");
    }
  }

  private static void checkImage(String field, @Nullable String image, List<Violation> violations) {
    if (image == null || image.isEmpty()) {
      violations.add(
          new Violation(
              Code.IMAGE_URL,
              field,
              "\"\"",
              "must be an http(s) URL or a data:image/...;base64, URI"));
      return;
    }
    if (!image.regionMatches(true, 0, "data:", 0, 5)) {
      String problem = ImageInput.urlProblem(image);
      if (problem != null) {
        violations.add(
            new Violation(
                Code.IMAGE_URL,
                field,
                image,
                "must be an absolute http(s) URL or a data:image/"
                    + String.join("|", LIMITS.formats())
                    + ";base64, URI"));
      }
      return;
    }
    DataUri uri = DataUri.parse(image);
    if (uri == null) {
      violations.add(
          new Violation(
              Code.IMAGE_DATA_URI,
              field,
              image,
              "a data URI must start data:image/<"
                  + String.join("|", LIMITS.formats())
                  + ">;base64,"));
      return;
    }
    if (!LIMITS.formats().contains(uri.mimeType.substring("image/".length()))) {
      violations.add(
          new Violation(
              Code.IMAGE_FORMAT, field, uri.mimeType, "Vidu accepts " + LIMITS.mimeTypes()));
      return;
    }
    if (uri.decodedBytes() > LIMITS.maxImageBytes()) {
      violations.add(
          new Violation(
              Code.IMAGE_BYTES,
              field,
              uri.decodedBytes() + " bytes",
              "at most "
                  + LIMITS.maxImageSize()
                  + " ("
                  + LIMITS.maxImageBytes()
                  + " bytes) per image"));
      return;
    }
    ImageInfo info;
    try (InputStream in = uri.decoded()) {
      info = ImageSniffer.sniff(in);
    } catch (ImageSniffer.NotAnImage e) {
      violations.add(
          Violation.stated(
              Code.IMAGE_FORMAT, field, image, "the data URI's image: " + e.getMessage()));
      return;
    } catch (IOException | IllegalArgumentException e) {
      violations.add(
          Violation.stated(
              Code.IMAGE_DATA_URI,
              field,
              image,
              "the data URI is not valid base64 (" + e.getMessage() + ")"));
      return;
    }
    if (!info.format().mimeType().equals(uri.mimeType)) {
      violations.add(
          Violation.stated(
              Code.IMAGE_FORMAT,
              field,
              image,
              "the data URI says " + uri.mimeType + " but holds " + info.format().mimeType()));
    }
    String problem = ImageInput.dimensionProblem(info);
    if (problem != null) {
      violations.add(
          Violation.stated(Code.IMAGE_DIMENSIONS, field, image, "the image is " + problem));
    }
  }

  @Override
  public String toString() {
    return allowUnknownModels
        ? "RequestValidator.allowingUnknownModels()"
        : "RequestValidator.strict()";
  }
}
