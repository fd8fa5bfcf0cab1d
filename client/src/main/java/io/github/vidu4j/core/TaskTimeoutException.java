package io.github.vidu4j.core;

import io.github.vidu4j.model.TaskState;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Waiting for a task passed its deadline. The task itself goes on (and is charged): resume with
 * {@code client.tasks().await(e.taskId())} or {@code vidu task wait <id>}. Callers of {@code await}
 * catch it, {@code vidu4j-batch} and the CLI among them.
 */
public final class TaskTimeoutException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final String taskId;
  private final @Nullable TaskState lastState;
  private final Duration waited;

  /**
   * Creates the exception; {@code lastState} is the state last read, if any, its value passed
   * through {@code redact} for the message (an unknown state is the server's text, kept as sent).
   */
  public TaskTimeoutException(
      String taskId, @Nullable TaskState lastState, Duration waited, UnaryOperator<String> redact) {
    super(
        "task "
            + taskId
            + " did not finish within "
            + waited
            + (lastState == null ? "" : " (last state: " + redact.apply(lastState.getValue()) + ")")
            + "; it goes on running: resume with client.tasks().await(\""
            + taskId
            + "\")");
    this.taskId = taskId;
    this.lastState = lastState;
    this.waited = waited;
  }

  /** The id of the task, to resume waiting. */
  public String taskId() {
    return taskId;
  }

  /** The state last read, if a read succeeded. */
  public Optional<TaskState> lastState() {
    return Optional.ofNullable(lastState);
  }

  /** How long the wait lasted. */
  public Duration waited() {
    return waited;
  }
}
