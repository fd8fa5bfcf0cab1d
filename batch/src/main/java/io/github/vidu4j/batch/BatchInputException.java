package io.github.vidu4j.batch;

import io.github.vidu4j.core.ViduException;
import java.util.List;

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
   * @param message what is wrong, naming the field
   */
  public record Problem(int line, String message) implements java.io.Serializable {}
}
