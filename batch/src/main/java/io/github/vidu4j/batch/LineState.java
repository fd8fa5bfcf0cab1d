package io.github.vidu4j.batch;

/** Where a line of a batch stands. */
public enum LineState {
  /**
   * No task yet: waiting for a slot, or refused before a task was made (see {@link
   * LineResult#error()}).
   */
  QUEUED,
  /** Its task exists and has not ended, or its files are being saved. */
  RUNNING,
  /** Its task succeeded and every file is saved. */
  SUCCEEDED,
  /**
   * Its task failed, it could not be created, or its files could not be saved; {@link
   * LineResult#error()} says which.
   */
  FAILED
}
