package io.github.vidu4j.validation;

import io.github.vidu4j.ViduException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The request breaks one or more rules; nothing was sent. {@link #violations()} lists every
 * problem found, not only the first, so one run fixes them all.
 *
 * <p>It is a {@link ViduException}, not an {@link IllegalArgumentException}, so that one {@code
 * catch (ViduException e)} covers everything a call can throw; the input is the user's data,
 * not a programming error in the caller.
 */
public final class ViduValidationException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

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

  private static String message(List<Violation> violations) {
    if (violations.size() == 1) {
      return violations.get(0).toString();
    }
    return "invalid request (" + violations.size() + " problems):"
        + violations.stream().map(v -> "\n  " + v).collect(Collectors.joining());
  }
}
