package io.github.vidu4j.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch module's exceptions survive Java serialization with their data, as the core's do. */
class BatchExceptionSerializationTest {
  @Test
  void aBadBatchKeepsItsProblems() throws Exception {
    BatchInputException copy =
        roundTrip(
            new BatchInputException(
                "batch", List.of(new BatchInputException.Problem(3, "prompt: required"))));

    assertThat(copy.problems())
        .containsExactly(new BatchInputException.Problem(3, "prompt: required"));
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
