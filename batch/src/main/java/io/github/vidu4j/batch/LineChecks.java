package io.github.vidu4j.batch;

import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.ViduValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The checks every batch passes before a task is created: each request, and the lines together. */
final class LineChecks {
  private LineChecks() {}

  static List<BatchInputException.Problem> problems(
      List<BatchLine> lines, Consumer<ReferenceToImageRequest> validator) {
    List<BatchInputException.Problem> problems = new ArrayList<>();
    Map<Integer, BatchLine> numbers = new HashMap<>();
    Map<String, BatchLine> stems = new HashMap<>();
    for (BatchLine line : lines) {
      BatchLine sameNumber = numbers.putIfAbsent(line.number(), line);
      if (sameNumber != null) {
        problems.add(
            new BatchInputException.Problem(
                line.number(), "line number " + line.number() + " is used twice"));
      }
      BatchLine sameStem = stems.putIfAbsent(line.fileStem(), line);
      if (sameStem != null) {
        problems.add(
            new BatchInputException.Problem(
                line.number(),
                "its files would be named "
                    + line.fileStem()
                    + "-<n>.<ext>, as line "
                    + sameStem.number()
                    + "'s are: give it another name"));
      }
      try {
        // Checked as sent: with the longest tag the batch puts in front of the payload.
        validator.accept(PayloadTag.tagged(line, PayloadTag.LONGEST));
      } catch (ViduValidationException e) {
        e.violations()
            .forEach(
                v -> problems.add(new BatchInputException.Problem(line.number(), v.toString())));
      }
    }
    return problems;
  }
}
