package io.github.vidu4j.batch;

import com.google.gson.JsonObject;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.ViduValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The checks every batch passes before a task is created: each request, and the lines together. */
final class LineChecks {
  private LineChecks() {}

  /**
   * Every problem of {@code lines}: {@code images} checks {@value BatchLine#DEFAULT_OPERATION}
   * requests, {@code others} the bodies of every other operation.
   */
  static List<BatchInputException.Problem> problems(
      List<BatchLine> lines,
      Consumer<ReferenceToImageRequest> images,
      BiConsumer<GenerationOperation, JsonObject> others) {
    List<BatchInputException.Problem> problems = new ArrayList<>();
    Map<Integer, BatchLine> numbers = new HashMap<>();
    Map<String, BatchLine> stems = new HashMap<>();
    for (BatchLine line : lines) {
      BatchLine sameNumber = numbers.putIfAbsent(line.number(), line);
      if (sameNumber != null) {
        problems.add(
            new BatchInputException.Problem(
                line.number(),
                null,
                "LINE_NUMBER_TAKEN",
                "line number " + line.number() + " is used twice"));
      }
      // Case-insensitive file systems (macOS, Windows) take fox-1.png and Fox-1.png for one file.
      BatchLine sameStem =
          stems.putIfAbsent(line.fileStem().toLowerCase(java.util.Locale.ROOT), line);
      if (sameStem != null) {
        problems.add(
            new BatchInputException.Problem(
                line.number(),
                "name",
                "NAME_TAKEN",
                "its files would be named "
                    + line.fileStem()
                    + "-<n>.<ext>, as line "
                    + sameStem.number()
                    + "'s are"
                    + (sameStem.fileStem().equals(line.fileStem())
                        ? ""
                        : " ("
                            + sameStem.fileStem()
                            + ", the same name on a case-insensitive file system)")
                    + ": give it another name"));
      }
      try {
        // Checked as sent: with the longest tag the batch puts in front of the payload.
        if (line.isReferenceToImage()) {
          images.accept(PayloadTag.tagged(line, PayloadTag.LONGEST));
        } else {
          others.accept(line.operation(), PayloadTag.taggedBody(line, PayloadTag.LONGEST));
        }
      } catch (ViduValidationException e) {
        e.violations().forEach(v -> problems.add(BatchInputException.Problem.of(line.number(), v)));
      }
    }
    return problems;
  }
}
