package io.github.vidu4j.core;

import io.github.vidu4j.model.TaskCreations;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The task itself ended in state {@code failed}: the HTTP calls worked, the generation did not.
 * Distinct from {@link ViduApiException}, which is an HTTP error. {@link #errCode()} is Vidu's
 * {@code err_code}, for example {@code CreationPolicyViolation} or {@code UserCancelled}. Callers
 * of {@code await} catch it; {@code vidu4j-batch} asks it whether to submit again, the CLI turns it
 * into an exit code.
 */
public final class TaskFailedException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final String taskId;
  private final @Nullable String errCode;

  /**
   * Not serialisable itself: written as its JSON, unknown fields included, and read back from it.
   */
  private transient TaskCreations task;

  /** Creates the exception for a task read in state {@code failed}. */
  public TaskFailedException(String taskId, TaskCreations task) {
    this(taskId, task, UnaryOperator.identity());
  }

  /**
   * As above, with the text quoted from the response passed through {@code redact} for the message.
   */
  public TaskFailedException(String taskId, TaskCreations task, UnaryOperator<String> redact) {
    super(
        "task "
            + redact.apply(taskId)
            + " failed"
            + (task.getErrCode() == null
                ? " (no err_code given)"
                : " with err_code " + redact.apply(task.getErrCode())));
    this.taskId = taskId;
    this.errCode = task.getErrCode();
    this.task = task;
  }

  /** The id of the failed task. */
  public String taskId() {
    return taskId;
  }

  /** Vidu's {@code err_code}, if it sent one. */
  public Optional<String> errCode() {
    return Optional.ofNullable(errCode);
  }

  /** The task as last read. */
  public TaskCreations task() {
    return task;
  }

  /**
   * Whether submitting a new task may succeed where this one failed: true for the transient server
   * causes among the spec's {@code err_code} values ({@code InternalServiceFailure}, {@code
   * ImageDownloadFailure}, {@code Unknown}), false for policy, input and user causes and for values
   * the spec does not list.
   */
  public boolean isRetryable() {
    return errCode != null
        && switch (errCode) {
          case "InternalServiceFailure", "ImageDownloadFailure", "Unknown" -> true;
          default -> false;
        };
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeObject(RawJson.of(task).orElseGet(() -> ViduJson.write(task)));
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    TaskCreations read = ViduJson.read((String) in.readObject(), TaskCreations.class);
    if (read == null) {
      throw new InvalidObjectException("TaskFailedException without its task");
    }
    this.task = read;
  }
}
