package io.github.vidu4j.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One line's outcome (or its state so far). Immutable. */
public final class LineResult {
  private final int line;
  private final @Nullable String name;
  private final String operation;
  private final LineState state;
  private final @Nullable String taskId;
  private final List<Path> files;
  private final @Nullable Integer credits;
  private final @Nullable String errCode;
  private final @Nullable String error;

  LineResult(
      int line,
      @Nullable String name,
      String operation,
      LineState state,
      @Nullable String taskId,
      List<Path> files,
      @Nullable Integer credits,
      @Nullable String errCode,
      @Nullable String error) {
    this.line = line;
    this.name = name;
    this.operation = Objects.requireNonNull(operation);
    this.state = Objects.requireNonNull(state);
    this.taskId = taskId;
    this.files = List.copyOf(files);
    this.credits = credits;
    this.errCode = errCode;
    this.error = error;
  }

  /** The line number, from 1. */
  public int line() {
    return line;
  }

  /** The line's name, if it has one. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /**
   * The name of the operation the line's task is created by, as its {@link BatchLine#operation()}
   * has it: {@value BatchLine#DEFAULT_OPERATION}, {@code text2video}, {@code img2video}, ...
   */
  public String operation() {
    return operation;
  }

  /** Where the line stands. */
  public LineState state() {
    return state;
  }

  /** The id of the line's task, once known. */
  public Optional<String> taskId() {
    return Optional.ofNullable(taskId);
  }

  /** The files saved, in creation order; empty unless {@link LineState#SUCCEEDED}. */
  public List<Path> files() {
    return files;
  }

  /** Credits the task consumed, as Vidu reported them when it ended. */
  public Optional<Integer> credits() {
    return Optional.ofNullable(credits);
  }

  /** Vidu's {@code err_code} when the task failed. */
  public Optional<String> errCode() {
    return Optional.ofNullable(errCode);
  }

  /** What went wrong, when {@link LineState#FAILED} (or why a queued line has no task yet). */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public String toString() {
    return "line "
        + line
        + (name == null ? "" : " (" + name + ")")
        + " "
        + operation
        + ": "
        + state.name().toLowerCase(java.util.Locale.ROOT)
        + (taskId == null ? "" : ", task " + taskId)
        + (errCode == null ? "" : ", err_code " + errCode)
        + (error == null || errCode != null ? "" : ", " + error)
        + (files.isEmpty() ? "" : ", " + files);
  }
}
