package io.github.vidu4j.batch;

import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.validation.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Some lines of a batch are invalid; nothing was sent. {@link #problems()} has every bad line at
 * once, each with its line number.
 */
public final class BatchInputException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  /**
   * The exception for {@code problems} (at least one) found in {@code source} (a file name, or
   * "batch").
   */
  public BatchInputException(String source, List<Problem> problems) {
    super(message(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every bad line, in line order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String source, List<Problem> problems) {
    long lines = problems.stream().mapToInt(Problem::line).distinct().count();
    StringBuilder text =
        new StringBuilder(
            source
                + ": "
                + lines
                + (lines == 1 ? " bad line" : " bad lines")
                + ", nothing was sent:");
    for (Problem problem : problems) {
      text.append("\n  line ")
          .append(problem.line())
          .append(": ")
          .append(problem.message().replace("\n", "\n    "));
    }
    return text.toString();
  }

  /**
   * What is wrong with one line.
   *
   * @param line the line number, from 1
   * @param field the request field at fault ({@code images[0]}), or {@code null} for the line as a
   *     whole (not JSON, a name taken twice)
   * @param code a stable code: a {@link io.github.vidu4j.validation.Violation.Code} name for a
   *     request rule, else {@code NOT_JSON}, {@code NOT_AN_OBJECT}, {@code NOT_A_REQUEST}, {@code
   *     NAME_NOT_TEXT}, {@code OPERATION_NOT_TEXT}, {@code OPERATION_UNKNOWN}, {@code NAME_TAKEN},
   *     {@code LINE_NUMBER_TAKEN}, {@code NO_REQUESTS}, or {@code INVALID_LINE} when none of these
   *     says it
   * @param message what is wrong, naming the field
   */
  public record Problem(int line, @Nullable String field, String code, String message)
      implements java.io.Serializable {
    private static final long serialVersionUID = 2L;

    /** A problem with {@code code} {@code INVALID_LINE} and no field. */
    public Problem(int line, String message) {
      this(line, null, "INVALID_LINE", message);
    }

    /**
     * A request rule that {@code line} breaks; the message names the value given, when the rule's
     * own words do not.
     */
    public static Problem of(int line, Violation violation) {
      String message = violation.toString();
      String value = violation.value();
      if (!value.isEmpty() && !message.contains(value)) {
        message += ", got " + value;
      }
      return new Problem(line, violation.field(), violation.code().name(), message);
    }
  }
}
