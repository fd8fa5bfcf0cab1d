package io.github.vidu4j.validation;

import io.github.vidu4j.core.ViduException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The request breaks one or more rules; nothing was sent. {@link #violations()} lists every problem
 * found, not only the first, so one run fixes them all. Thrown by every create, by {@link
 * RequestValidator} and by {@link ImageInput}'s factories.
 *
 * <p>It is a {@link ViduException}, not an {@link IllegalArgumentException}, so that one {@code
 * catch (ViduException e)} covers everything a call can throw; the input is the user's data, not a
 * programming error in the caller.
 */
public final class ViduValidationException extends ViduException {
  private static final long serialVersionUID = 1L;

  /** Serialised with the exception: {@link Violation} holds only strings. */
  private final List<Violation> violations;

  /** An exception listing {@code violations} (at least one). */
  public ViduValidationException(List<Violation> violations) {
    super(message(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("no violations");
    }
    this.violations = List.copyOf(violations);
  }

  /** Every broken rule, in field order. */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * The violations, then where the Java API offers a way out. The hints live here, not in each
   * violation's rule, so that a program showing violations to its own users (a form, the CLI) does
   * not show them Java names.
   */
  private static String message(List<Violation> violations) {
    String text =
        violations.size() == 1
            ? violations.get(0).toString()
            : "invalid request ("
                + violations.size()
                + " problems):"
                + violations.stream().map(v -> "\n  " + v).collect(Collectors.joining());
    if (violations.stream().anyMatch(v -> v.code() == Violation.Code.MODEL_UNKNOWN)) {
      text += "\n(RequestValidator.allowingUnknownModels() sends other model names unchecked)";
    }
    // Only for a string in a request's images (images[i]), which may be a path meant as a file.
    if (violations.stream()
        .anyMatch(v -> v.code() == Violation.Code.IMAGE_URL && v.field().startsWith("images["))) {
      text += "\n(local image files: ImageInput.fromFile)";
    }
    return text;
  }
}
