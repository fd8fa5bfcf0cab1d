package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exceptions cross JVMs (RMI, job queues, caches): what their accessors promise non-null must
 * survive that.
 */
class ExceptionSerializationTest {
  @Test
  void aFailedTaskKeepsItsTaskAndItsUnknownFields() throws Exception {
    TaskCreations task =
        ViduJson.read(
            "{\"id\":\"t-1\",\"state\":\"failed\",\"err_code\":\"CreationPolicyViolation\",\"from_the_future\":1}",
            TaskCreations.class);

    TaskFailedException copy = roundTrip(new TaskFailedException("t-1", task));

    assertThat(copy.task()).isNotNull();
    assertThat(copy.task().getState()).isEqualTo(TaskState.FAILED);
    assertThat(copy.task().getErrCode()).isEqualTo("CreationPolicyViolation");
    assertThat(RawJson.unknownFields(copy.task())).containsKey("from_the_future");
    assertThat(copy.errCode()).contains("CreationPolicyViolation");
    assertThat(copy.getMessage())
        .isEqualTo("task t-1 failed with err_code CreationPolicyViolation");
  }

  @Test
  void aValidationFailureKeepsItsViolations() throws Exception {
    Violation violation =
        new Violation(
            Violation.Code.PROMPT_LENGTH, "prompt", "x".repeat(3000), "at most 2000 characters");

    ViduValidationException copy = roundTrip(new ViduValidationException(List.of(violation)));

    assertThat(copy.violations()).containsExactly(violation);
    assertThat(copy.violations().get(0).code()).isEqualTo(Violation.Code.PROMPT_LENGTH);
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
