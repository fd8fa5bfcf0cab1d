package io.github.vidu4j.batch;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One line of a running batch: where it stands, as the journal and this run tell it. */
final class RunLine {
  /** A line's progress as the journal tells it. */
  enum Status {
    NEW,
    /** A create was recorded with no outcome known: its task may exist. */
    CREATING,
    NOT_CREATED,
    CREATED,
    SUCCEEDED,
    FAILED,
    SAVED
  }

  final BatchLine line;
  Status status = Status.NEW;
  int attempt;
  @Nullable String tag;
  @Nullable Instant creatingAt;

  /**
   * When the latest create whose outcome is unknown was sent (recorded {@code creating}): its task
   * may still land, so the line is not created again before it is found or this is long past.
   */
  @Nullable Instant uncertainSince;

  @Nullable String taskId;

  /** The task id contains the API key: kept in memory to finish the line, never written. */
  boolean taskIdSecret;

  @Nullable String errCode;

  /** Credits of the task when it ended, as Vidu reported them. */
  @Nullable Integer credits;

  /** Credits the create answer announced for a task that has not ended. */
  @Nullable Integer committedCredits;

  List<String> files = List.of();

  /** Why this run could not finish the line; cleared when it starts again. */
  @Nullable String error;

  boolean finishedThisRun;

  /** Whether the line had ended (saved or failed) before this run started. */
  boolean endedEarlier;

  /** When this run created the line's task (nanoTime), for the estimate of time left; 0 if not. */
  long createdNanos;

  RunLine(BatchLine line) {
    this.line = line;
  }

  boolean ended() {
    return status == Status.SAVED || status == Status.FAILED;
  }
}
