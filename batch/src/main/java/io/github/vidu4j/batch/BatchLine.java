package io.github.vidu4j.batch;

import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
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
 * output files and the create request. Immutable: the request is copied.
 */
public final class BatchLine {
  /**
   * Names are file name stems: letters, digits, {@code .}, {@code _}, {@code -}; not starting with
   * a dot; 1 to 100 characters.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

  private final int number;
  private final @Nullable String name;
  private final String requestJson;

  /**
   * Entries of {@code images} that are local files, by index: read and encoded only when the
   * request is needed (checked, sent), so a batch holds one line's images at a time per worker.
   */
  private final Map<Integer, Path> localImages;

  private BatchLine(
      int number, @Nullable String name, String requestJson, Map<Integer, Path> localImages) {
    this.number = number;
    this.name = name;
    this.requestJson = requestJson;
    this.localImages = localImages;
  }

  /**
   * A line. Its files are named {@code <name>-<n>.<ext>}, or {@code <number>-<n>.<ext>} without a
   * name.
   *
   * @throws IllegalArgumentException if {@code number} is below 1 or {@code name} is not a safe
   *     file name stem
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
    if (number < 1) {
      throw new IllegalArgumentException("line numbers start at 1, got " + number);
    }
    if (name != null && !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must be 1 to 100 of A-Z a-z 0-9 . _ - and not start with a dot, got \""
              + name
              + "\"");
    }
    return new BatchLine(
        number,
        name,
        ViduJson.write(Objects.requireNonNull(request, "request == null")),
        Map.copyOf(localImages));
  }

  /** The line number, from 1. */
  public int number() {
    return number;
  }

  /** The name given for the output files, if any. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The stem of this line's file names: the name, else the line number. */
  public String fileStem() {
    return name != null ? name : Integer.toString(number);
  }

  /**
   * A copy of the request; changing it does not change the line. Images given as local files are
   * read, checked and inlined now, each call: the request then holds them whole.
   *
   * @throws ViduValidationException if a local image is missing, no longer a regular file, or not
   *     one Vidu accepts
   */
  public ReferenceToImageRequest request() {
    ReferenceToImageRequest request = ViduJson.read(requestJson, ReferenceToImageRequest.class);
    if (!localImages.isEmpty()) {
      List<String> images = new ArrayList<>(request.getImages());
      for (Map.Entry<Integer, Path> image : localImages.entrySet()) {
        Path file = image.getValue();
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
        images.set(image.getKey(), ImageInput.fromFile(file).value());
      }
      request.setImages(images);
    }
    return request;
  }

  /** Whether some images are local files, read each time the request is made. */
  boolean hasLocalImages() {
    return !localImages.isEmpty();
  }

  /** The request as JSON (local images inlined), without the batch's tag. */
  String requestJson() {
    return localImages.isEmpty() ? requestJson : ViduJson.write(request());
  }

  @Override
  public String toString() {
    return "BatchLine{" + number + (name == null ? "" : ", " + name) + "}";
  }
}
