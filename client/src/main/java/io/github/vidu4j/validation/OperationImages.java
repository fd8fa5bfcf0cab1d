package io.github.vidu4j.validation;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.vidu4j.validation.Violation.Code;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@link RequestValidator}'s image checks: each image an http(s) URL or a data URI of an accepted
 * format, size and shape (the operation's {@code x-vidu-image-rules}); start and end frames close
 * enough in size.
 */
final class OperationImages {
  private OperationImages() {}

  static void check(
      GenerationOperation.Limits limits,
      String field,
      JsonElement item,
      List<Violation> violations) {
    if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
      violations.add(new Violation(Code.IMAGE_URL, field, item, "must be a string"));
      return;
    }
    String image = item.getAsString();
    if (image.isEmpty()) {
      violations.add(
          new Violation(
              Code.IMAGE_URL,
              field,
              "\"\"",
              "must be an http(s) URL or a data:image/...;base64, URI"));
      return;
    }
    if (!image.regionMatches(true, 0, "data:", 0, 5)) {
      if (HttpUrlCheck.problem(image) != null) {
        violations.add(
            new Violation(
                Code.IMAGE_URL,
                field,
                image,
                "must be an absolute http(s) URL or a data:image/"
                    + String.join("|", limits.formats())
                    + ";base64, URI"));
      }
      return;
    }
    ImageInfo info = sniff(limits, field, image, violations);
    String problem = info == null ? null : ImageChecks.dimensionProblem(info, limits);
    if (problem != null) {
      violations.add(
          Violation.stated(Code.IMAGE_DIMENSIONS, field, image, "the image is " + problem));
    }
  }

  /**
   * The data URI's image header, or null after adding why it cannot be read ({@code violations}
   * null: nothing is added).
   */
  private static @Nullable ImageInfo sniff(
      GenerationOperation.Limits limits,
      String field,
      String image,
      @Nullable List<Violation> violations) {
    List<Violation> problems = violations == null ? new ArrayList<>() : violations;
    DataUri uri = DataUri.parse(image);
    if (uri == null) {
      problems.add(
          new Violation(
              Code.IMAGE_DATA_URI,
              field,
              image,
              "a data URI must start data:image/<"
                  + String.join("|", limits.formats())
                  + ">;base64,"));
      return null;
    }
    if (!limits.formats().contains(uri.mimeType.substring("image/".length()))) {
      problems.add(
          new Violation(
              Code.IMAGE_FORMAT, field, uri.mimeType, "Vidu accepts " + limits.mimeTypes()));
      return null;
    }
    if (uri.decodedBytes() > limits.maxImageBytes()) {
      problems.add(
          new Violation(
              Code.IMAGE_BYTES,
              field,
              uri.decodedBytes() + " bytes",
              "at most "
                  + limits.maxImageSize()
                  + " ("
                  + limits.maxImageBytes()
                  + " bytes) per image"));
      return null;
    }
    ImageInfo info;
    try (InputStream in = uri.decoded()) {
      info = ImageSniffer.sniff(in);
    } catch (ImageSniffer.NotAnImage e) {
      problems.add(
          Violation.stated(
              Code.IMAGE_FORMAT, field, image, "the data URI's image: " + e.getMessage()));
      return null;
    } catch (IOException | IllegalArgumentException e) {
      problems.add(
          Violation.stated(
              Code.IMAGE_DATA_URI,
              field,
              image,
              "the data URI is not valid base64 (" + e.getMessage() + ")"));
      return null;
    }
    if (!info.format().mimeType().equals(uri.mimeType)) {
      problems.add(
          Violation.stated(
              Code.IMAGE_FORMAT,
              field,
              image,
              "the data URI says " + uri.mimeType + " but holds " + info.format().mimeType()));
    }
    return info;
  }

  /** Start and end frames: the ratio of their pixel counts, when both are data URIs. */
  static void checkPair(
      GenerationOperation operation, JsonObject body, List<Violation> violations) {
    JsonElement images = body.get("images");
    if (operation.minPixelRatio().isEmpty()
        || images == null
        || !images.isJsonArray()
        || images.getAsJsonArray().size() != 2) {
      return;
    }
    ImageInfo[] pair = new ImageInfo[2];
    for (int i = 0; i < 2; i++) {
      JsonElement item = images.getAsJsonArray().get(i);
      if (!(item instanceof JsonPrimitive p)
          || !p.isString()
          || !p.getAsString().startsWith("data:")) {
        return;
      }
      pair[i] = sniff(operation.limits(), "images[" + i + "]", p.getAsString(), null);
      if (pair[i] == null) {
        return;
      }
    }
    double ratio =
        (double) pair[0].width() * pair[0].height() / ((double) pair[1].width() * pair[1].height());
    double min = operation.minPixelRatio().get();
    double max = operation.maxPixelRatio().orElse(1 / min);
    if (ratio < min || ratio > max) {
      violations.add(
          new Violation(
              Code.IMAGE_PAIR,
              "images",
              pair[0].width()
                  + "x"
                  + pair[0].height()
                  + " and "
                  + pair[1].width()
                  + "x"
                  + pair[1].height(),
              String.format(
                  Locale.ROOT,
                  "the start and end frames' pixel counts must be within %s to %s of each other (ratio %.2f)",
                  min,
                  max,
                  ratio)));
    }
  }
}
