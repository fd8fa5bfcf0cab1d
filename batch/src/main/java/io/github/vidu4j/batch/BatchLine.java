package io.github.vidu4j.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.ImageInput;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One request of a batch: its line number (1-based, as in the input file), an optional name for its
 * output files, the generation operation ({@value #DEFAULT_OPERATION} unless the line names
 * another: {@code text2video}, {@code img2video}, ...) and the create request. Immutable: the
 * request is copied.
 */
public final class BatchLine {
  /** The operation of a line that names none: {@value}, as before lines could name one. */
  public static final String DEFAULT_OPERATION = "reference2image";

  /**
   * Names are file name stems: letters, digits, {@code .}, {@code _}, {@code -}; not starting with
   * a dot; 1 to 100 characters.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

  private final int number;
  private final @Nullable String name;
  private final GenerationOperation operation;
  private final String requestJson;

  /**
   * Entries of {@code images} that are local files, by index: read and encoded only when the
   * request is needed (checked, sent), so a batch holds one line's images at a time per worker.
   */
  private final Map<Integer, Path> localImages;

  private BatchLine(
      int number,
      @Nullable String name,
      GenerationOperation operation,
      String requestJson,
      Map<Integer, Path> localImages) {
    this.number = number;
    this.name = name;
    this.operation = operation;
    this.requestJson = requestJson;
    this.localImages = localImages;
  }

  /**
   * A line. Its files are named {@code <name>-<n>.<ext>}, or {@code <number>-<n>.<ext>} without a
   * name.
   *
   * @throws InvalidSettingException if {@code number} is below 1 or {@code name} is not a safe file
   *     name stem
   */
  public static BatchLine of(int number, @Nullable String name, ReferenceToImageRequest request) {
    return of(number, name, request, Map.of());
  }

  /**
   * A line whose {@code images} entries at the keys of {@code localImages} are those files (checked
   * regular files), read and sent inline as data URIs each time {@link #request()} is called.
   */
  static BatchLine of(
      int number,
      @Nullable String name,
      ReferenceToImageRequest request,
      Map<Integer, Path> localImages) {
    return of(
        number,
        name,
        imageOperation(),
        ViduJson.write(Objects.requireNonNull(request, "request == null")),
        localImages);
  }

  /**
   * A line of {@code operation} ({@code text2video}, ...), whose {@code body} is the request JSON
   * as the API takes it (copied). A {@value #DEFAULT_OPERATION} body is read as {@link
   * ReferenceToImageRequest}, so the line is the one {@link #of(int, String,
   * ReferenceToImageRequest)} makes.
   *
   * @throws InvalidSettingException if {@code number} is below 1 or {@code name} is not a safe file
   *     name stem
   * @throws io.github.vidu4j.core.ViduException if a {@value #DEFAULT_OPERATION} body is not such a
   *     request
   */
  public static BatchLine of(
      int number, @Nullable String name, GenerationOperation operation, JsonObject body) {
    return of(number, name, operation, body, Map.of());
  }

  /** {@link #of(int, String, GenerationOperation, JsonObject)} with local images, as above. */
  static BatchLine of(
      int number,
      @Nullable String name,
      GenerationOperation operation,
      JsonObject body,
      Map<Integer, Path> localImages) {
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(body, "body == null");
    if (operation.name().equals(DEFAULT_OPERATION)) {
      // The typed request's JSON, as lines without an operation have always had: same journal.
      return of(
          number, name, ViduJson.read(body.toString(), ReferenceToImageRequest.class), localImages);
    }
    return of(number, name, operation, body.toString(), localImages);
  }

  private static BatchLine of(
      int number,
      @Nullable String name,
      GenerationOperation operation,
      String requestJson,
      Map<Integer, Path> localImages) {
    if (number < 1) {
      throw new InvalidSettingException(
          "number", "must be at least 1 (line numbers start at 1), got " + number);
    }
    if (name != null && !NAME.matcher(name).matches()) {
      throw new InvalidSettingException(
          "name",
          "must be 1 to 100 of A-Z a-z 0-9 . _ - and not start with a dot, got \"" + name + "\"");
    }
    return new BatchLine(number, name, operation, requestJson, Map.copyOf(localImages));
  }

  private static GenerationOperation imageOperation() {
    return GenerationOperation.named(DEFAULT_OPERATION)
        .orElseThrow(() -> new IllegalStateException("the spec has no " + DEFAULT_OPERATION));
  }

  /** The line number, from 1. */
  public int number() {
    return number;
  }

  /** The name given for the output files, if any. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The operation the line's task is created by; {@value #DEFAULT_OPERATION} by default. */
  public GenerationOperation operation() {
    return operation;
  }

  /** Whether the line is a {@value #DEFAULT_OPERATION} request (typed as {@link #request()}). */
  public boolean isReferenceToImage() {
    return operation.name().equals(DEFAULT_OPERATION);
  }

  /** The stem of this line's file names: the name, else the line number. */
  public String fileStem() {
    return name != null ? name : Integer.toString(number);
  }

  /**
   * A copy of the request; changing it does not change the line. Images given as local files are
   * read, checked and inlined now, each call: the request then holds them whole.
   *
   * @throws IllegalStateException if the line is of another operation than {@value
   *     #DEFAULT_OPERATION} (see {@link #body()})
   * @throws ViduValidationException if a local image is missing, no longer a regular file, or not
   *     one Vidu accepts
   */
  public ReferenceToImageRequest request() {
    if (!isReferenceToImage()) {
      throw new IllegalStateException(
          "line " + number + " is a " + operation.name() + " request: read it with body()");
    }
    ReferenceToImageRequest request = ViduJson.read(requestJson, ReferenceToImageRequest.class);
    if (!localImages.isEmpty()) {
      List<String> images = new ArrayList<>(request.getImages());
      localImages.forEach((index, file) -> images.set(index, inlined(file)));
      request.setImages(images);
    }
    return request;
  }

  /**
   * A copy of the request as the JSON body sent to {@link #operation()}, local images read and
   * inlined now, as {@link #request()} does.
   *
   * @throws ViduValidationException if a local image is missing, no longer a regular file, or not
   *     one Vidu accepts
   */
  public JsonObject body() {
    if (isReferenceToImage()) {
      return JsonParser.parseString(ViduJson.write(request())).getAsJsonObject();
    }
    JsonObject body = JsonParser.parseString(requestJson).getAsJsonObject();
    if (!localImages.isEmpty()) {
      JsonArray images = body.getAsJsonArray("images");
      localImages.forEach((index, file) -> images.set(index, new JsonPrimitive(inlined(file))));
    }
    return body;
  }

  private static String inlined(Path file) {
    if (!Files.isRegularFile(file)) {
      // Checked at reading; a FIFO or device put there since would be read forever.
      throw new ViduValidationException(
          List.of(
              new Violation(
                  Violation.Code.IMAGE_FILE,
                  "images",
                  file.toString(),
                  "image " + file + " is no longer a regular file")));
    }
    return ImageInput.fromFile(file).value();
  }

  /** Whether some images are local files, read each time the request is made. */
  boolean hasLocalImages() {
    return !localImages.isEmpty();
  }

  /** The request as JSON (local images inlined), without the batch's tag. */
  String requestJson() {
    if (localImages.isEmpty()) {
      return requestJson;
    }
    return isReferenceToImage() ? ViduJson.write(request()) : body().toString();
  }

  /**
   * What identifies the line's request in the journal's fingerprint: its JSON, after the operation
   * when that is not {@value #DEFAULT_OPERATION} (so journals written before lines named one still
   * match their input).
   */
  String identity() {
    return isReferenceToImage() ? requestJson() : operation.name() + "\u0000" + requestJson();
  }

  @Override
  public String toString() {
    return "BatchLine{"
        + number
        + (name == null ? "" : ", " + name)
        + (isReferenceToImage() ? "" : ", " + operation.name())
        + "}";
  }
}
