package io.github.vidu4j.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.RequestValidator;
import io.github.vidu4j.validation.ViduValidationException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a batch from a JSON Lines file: one create request per line, in the API's own request JSON
 * ({@code model}, {@code prompt}, {@code images}, {@code aspect_ratio}, ...), plus an optional
 * {@code name} for the output files and an optional {@code operation}: the spec's generation
 * operation the line is sent to ({@code reference2image} by default, {@code text2video}, {@code
 * img2video}, {@code start-end2video}, {@code reference2video}), whose rules check it. Each entry
 * of {@code images} is an {@code http(s)} URL, a data URI, or a local PNG/JPEG/WebP file path,
 * relative to the file's folder and inside it (unless {@link #read(Path, RequestValidator,
 * boolean)} allows any path), a regular file (a FIFO or device is refused, never read). Local
 * images are checked when the file is read and read again, encoded and sent inline only when their
 * line's create is sent: memory holds the images of the lines in flight, not of the whole file.
 * Blank lines are skipped (they still count in the numbering).
 *
 * <pre>{@code
 * {"name": "fox", "model": "viduq2", "prompt": "a red fox in the snow", "resolution": "2K"}
 * {"model": "viduq1", "prompt": "the fox at night", "images": ["sketch.png"]}
 * {"operation": "img2video", "model": "viduq2", "prompt": "the fox runs", "images": ["sketch.png"]}
 * }</pre>
 */
public final class BatchFile {
  private BatchFile() {}

  /**
   * Every line of {@code file}, each checked by {@code validator} with its operation's rules, as a
   * create would check it.
   *
   * @throws BatchInputException listing every bad line at once, with its number
   * @throws ViduException if the file cannot be read
   */
  public static List<BatchLine> read(Path file, RequestValidator validator) {
    return read(file, validator, false);
  }

  /**
   * {@link #read(Path, RequestValidator)}, where {@code anyImagePath} allows local images given as
   * absolute paths or outside the file's folder (by default refused without looking at them, so an
   * error line never tells whether a file elsewhere exists).
   *
   * @throws BatchInputException listing every bad line at once, with its number
   * @throws ViduException if the file cannot be read
   */
  public static List<BatchLine> read(Path file, RequestValidator validator, boolean anyImagePath) {
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
    Path folder = file.toAbsolutePath().normalize().getParent();
    List<BatchLine> lines = new ArrayList<>();
    List<BatchInputException.Problem> problems = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text.isBlank()) {
        continue;
      }
      int number = i + 1;
      try {
        lines.add(parse(number, text, folder, anyImagePath));
      } catch (ViduValidationException e) {
        e.violations().forEach(v -> problems.add(BatchInputException.Problem.of(number, v)));
      } catch (LineProblem e) {
        problems.add(new BatchInputException.Problem(number, e.field, e.code, e.getMessage()));
      } catch (IllegalArgumentException | ViduException e) {
        problems.add(
            new BatchInputException.Problem(
                number, null, "NOT_A_REQUEST", String.valueOf(e.getMessage())));
      }
    }
    if (lines.isEmpty() && problems.isEmpty()) {
      problems.add(
          new BatchInputException.Problem(1, null, "NO_REQUESTS", "the file has no requests"));
    }
    problems.addAll(LineChecks.problems(lines, validator::validate, validator::validate));
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparingInt(BatchInputException.Problem::line));
      throw new BatchInputException(file.toString(), problems);
    }
    return List.copyOf(lines);
  }

  private static BatchLine parse(int number, String text, Path folder, boolean anyImagePath) {
    JsonElement element;
    try {
      element = JsonParser.parseString(text);
    } catch (JsonParseException e) {
      throw new LineProblem(null, "NOT_JSON", "not JSON: " + rootCause(e));
    }
    if (!element.isJsonObject()) {
      throw new LineProblem(
          null,
          "NOT_AN_OBJECT",
          "not a JSON object: a line is one request, {\"model\": ..., \"prompt\": ...}");
    }
    JsonObject object = element.getAsJsonObject();
    String name = null;
    JsonElement nameValue = object.remove("name");
    if (nameValue != null) {
      if (!nameValue.isJsonPrimitive() || !nameValue.getAsJsonPrimitive().isString()) {
        throw new LineProblem("name", "NAME_NOT_TEXT", "name must be a string");
      }
      name = nameValue.getAsString();
    }
    GenerationOperation operation = operation(object.remove("operation"));
    Map<Integer, Path> local = new HashMap<>();
    if (operation.name().equals(BatchLine.DEFAULT_OPERATION)) {
      ReferenceToImageRequest request =
          ViduJson.read(object.toString(), ReferenceToImageRequest.class);
      if (request.getImages() != null) {
        List<String> images = new ArrayList<>();
        for (String image : request.getImages()) {
          images.add(LineImages.resolve(image, images.size(), local, folder, anyImagePath));
        }
        request.setImages(images);
      }
      return BatchLine.of(number, name, request, local);
    }
    // Other operations keep the line's JSON as written; only images that are files are resolved
    // (anything else in the array is left for the operation's validator to name).
    if (operation.fields().containsKey("images")
        && object.get("images") instanceof JsonArray images) {
      for (int i = 0; i < images.size(); i++) {
        if (images.get(i) instanceof JsonPrimitive p && p.isString()) {
          images.set(
              i,
              new JsonPrimitive(
                  LineImages.resolve(p.getAsString(), i, local, folder, anyImagePath)));
        }
      }
    }
    return BatchLine.of(number, name, operation, object, local);
  }

  /**
   * The line's operation: {@value BatchLine#DEFAULT_OPERATION} when {@code value} is absent, else
   * the spec's operation of that name.
   */
  private static GenerationOperation operation(@Nullable JsonElement value) {
    String name = BatchLine.DEFAULT_OPERATION;
    if (value != null) {
      if (!(value instanceof JsonPrimitive p) || !p.isString()) {
        throw new LineProblem(
            "operation",
            "OPERATION_NOT_TEXT",
            "operation must be a string naming one of: " + operationNames() + "; got " + value);
      }
      name = p.getAsString();
    }
    String given = name;
    return GenerationOperation.named(name)
        .orElseThrow(
            () ->
                new LineProblem(
                    "operation",
                    "OPERATION_UNKNOWN",
                    "operation \""
                        + LineImages.shown(given)
                        + "\" is not one of this release's: "
                        + operationNames()));
  }

  private static String operationNames() {
    return String.join(", ", GenerationOperation.all().keySet());
  }

  /** A line that is no request, with its code for {@link BatchInputException.Problem}. */
  private static final class LineProblem extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final transient @Nullable String field;
    final String code;

    LineProblem(@Nullable String field, String code, String message) {
      super(message);
      this.field = field;
      this.code = code;
    }
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
