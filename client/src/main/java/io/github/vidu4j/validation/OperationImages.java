package io.github.vidu4j.validation;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.vidu4j.validation.Violation.Code;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@link OperationValidator}'s image checks: each image an http(s) URL or a data URI of an accepted
 * format, size and shape; start and end frames close enough in size.
 */
final class OperationImages {
  private OperationImages() {}

  static void check(ImageRules limits, String field, JsonElement item, List<Violation> violations) {
    if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
      violations.add(new Violation(Code.IMAGE_URL, field, item, "must be a string"));
      return;
    }
    String image = item.getAsString();
    if (!image.regionMatches(true, 0, "data:", 0, 5)) {
      String problem = image.isEmpty() ? "empty" : ImageInput.urlProblem(image);
      if (problem != null) {
        violations.add(
            new Violation(
                Code.IMAGE_URL,
                field,
                image,
                "must be an absolute http(s) URL or a data:image/...;base64, URI"));
      }
      return;
    }
    ImageInfo info = sniff(limits, field, image, violations);
    if (info == null) {
      return;
    }
    long longer = Math.max(info.width(), info.height());
    long shorter = Math.min(info.width(), info.height());
    if (info.width() < limits.minWidth()
        || info.height() < limits.minHeight()
        || longer > shorter * limits.maxAspectRatio()) {
      violations.add(
          Violation.stated(
              Code.IMAGE_DIMENSIONS,
              field,
              image,
              field
                  + ": the image is "
                  + info.width()
                  + "x"
                  + info.height()
                  + "; Vidu needs at least "
                  + limits.minWidth()
                  + "x"
                  + limits.minHeight()
                  + " and an aspect ratio within 1:"
                  + limits.maxAspectRatio()
                  + " to "
                  + limits.maxAspectRatio()
                  + ":1"));
    }
  }

  /** The data URI's image header, or null after adding why it cannot be read. */
  private static @Nullable ImageInfo sniff(
      ImageRules limits, String field, String image, @Nullable List<Violation> violations) {
    DataUri uri = DataUri.parse(image);
    if (uri == null
        || !limits.formats().contains(uri.mimeType.substring("image/".length()))
        || uri.decodedBytes() > limits.maxImageBytes()) {
      if (violations != null) {
        violations.add(
            new Violation(
                uri == null ? Code.IMAGE_DATA_URI : Code.IMAGE_FORMAT,
                field,
                image,
                "must be a data:image/<"
                    + String.join("|", limits.formats())
                    + ">;base64, URI of at most "
                    + limits.maxImageSize()));
      }
      return null;
    }
    try (InputStream in = uri.decoded()) {
      ImageInfo info = ImageSniffer.sniff(in);
      if (!info.format().mimeType().equals(uri.mimeType) && violations != null) {
        violations.add(
            Violation.stated(
                Code.IMAGE_FORMAT,
                field,
                image,
                field
                    + ": the data URI says "
                    + uri.mimeType
                    + " but holds "
                    + info.format().mimeType()));
      }
      return info;
    } catch (ImageSniffer.NotAnImage | IOException | IllegalArgumentException e) {
      if (violations != null) {
        violations.add(
            Violation.stated(
                Code.IMAGE_FORMAT,
                field,
                image,
                field + ": not a readable image (" + e.getMessage() + ")"));
      }
      return null;
    }
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
