package io.github.vidu4j.batch;

import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
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

  private BatchLine(int number, @Nullable String name, String requestJson) {
    this.number = number;
    this.name = name;
    this.requestJson = requestJson;
  }

  /**
   * A line. Its files are named {@code <name>-<n>.<ext>}, or {@code <number>-<n>.<ext>} without a
   * name.
   *
   * @throws IllegalArgumentException if {@code number} is below 1 or {@code name} is not a safe
   *     file name stem
   */
  public static BatchLine of(int number, @Nullable String name, ReferenceToImageRequest request) {
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
        number, name, ViduJson.write(Objects.requireNonNull(request, "request == null")));
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

  /** A copy of the request; changing it does not change the line. */
  public ReferenceToImageRequest request() {
    return ViduJson.read(requestJson, ReferenceToImageRequest.class);
  }

  /** The request as JSON, without the batch's tag. */
  String requestJson() {
    return requestJson;
  }

  @Override
  public String toString() {
    return "BatchLine{" + number + (name == null ? "" : ", " + name) + "}";
  }
}
