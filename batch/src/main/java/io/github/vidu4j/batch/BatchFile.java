package io.github.vidu4j.batch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.ImageInput;
import io.github.vidu4j.validation.RequestValidator;
import io.github.vidu4j.validation.ViduValidationException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a batch from a JSON Lines file: one create request per line, in the API's own request JSON
 * ({@code model}, {@code prompt}, {@code images}, {@code aspect_ratio}, ...), plus an optional
 * {@code name} for the output files. Each entry of {@code images} is an {@code http(s)} URL, a data
 * URI, or a local PNG/JPEG/WebP file path (relative paths are relative to the file's folder), which
 * is checked and sent inline. Blank lines are skipped (they still count in the numbering).
 *
 * <pre>{@code
 * {"name": "fox", "model": "viduq2", "prompt": "a red fox in the snow", "resolution": "2K"}
 * {"model": "viduq1", "prompt": "the fox at night", "images": ["sketch.png"]}
 * }</pre>
 */
public final class BatchFile {
  private BatchFile() {}

  /**
   * Every line of {@code file}, each checked by {@code validator} as a create would check it.
   *
   * @throws BatchInputException listing every bad line at once, with its number
   * @throws ViduException if the file cannot be read
   */
  public static List<BatchLine> read(Path file, RequestValidator validator) {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(validator, "validator == null");
    List<String> texts;
    try {
      texts = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw new ViduException(file + " is not UTF-8 text", e);
    } catch (IOException e) {
      throw new ViduException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Path folder = file.toAbsolutePath().getParent();
    List<BatchLine> lines = new ArrayList<>();
    List<BatchInputException.Problem> problems = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text.isBlank()) {
        continue;
      }
      int number = i + 1;
      try {
        lines.add(parse(number, text, folder));
      } catch (ViduValidationException e) {
        e.violations()
            .forEach(v -> problems.add(new BatchInputException.Problem(number, v.toString())));
      } catch (IllegalArgumentException | ViduException e) {
        problems.add(new BatchInputException.Problem(number, String.valueOf(e.getMessage())));
      }
    }
    if (lines.isEmpty() && problems.isEmpty()) {
      problems.add(new BatchInputException.Problem(1, "the file has no requests"));
    }
    problems.addAll(LineChecks.problems(lines, validator::validate));
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparingInt(BatchInputException.Problem::line));
      throw new BatchInputException(file.toString(), problems);
    }
    return List.copyOf(lines);
  }

  private static BatchLine parse(int number, String text, Path folder) {
    JsonElement element;
    try {
      element = JsonParser.parseString(text);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("not JSON: " + rootCause(e));
    }
    if (!element.isJsonObject()) {
      throw new IllegalArgumentException(
          "not a JSON object: a line is one request, {\"model\": ..., \"prompt\": ...}");
    }
    JsonObject object = element.getAsJsonObject();
    String name = null;
    JsonElement nameValue = object.remove("name");
    if (nameValue != null) {
      if (!nameValue.isJsonPrimitive() || !nameValue.getAsJsonPrimitive().isString()) {
        throw new IllegalArgumentException("name must be a string");
      }
      name = nameValue.getAsString();
    }
    ReferenceToImageRequest request =
        ViduJson.read(object.toString(), ReferenceToImageRequest.class);
    if (request.getImages() != null) {
      List<String> images = new ArrayList<>();
      for (String image : request.getImages()) {
        images.add(image == null ? null : imageValue(image, folder));
      }
      request.setImages(images);
    }
    return BatchLine.of(number, name, request);
  }

  /** A URL or data URI as given; a local path read, checked and inlined. */
  private static String imageValue(String image, Path folder) {
    String lower = image.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return ImageInput.fromUrl(image).value();
    }
    if (lower.startsWith("data:")) {
      return image;
    }
    return ImageInput.fromFile(folder.resolve(image)).value();
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
