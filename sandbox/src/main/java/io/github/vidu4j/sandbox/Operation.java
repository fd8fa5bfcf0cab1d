package io.github.vidu4j.sandbox;

/** What the sandbox serves: the five API operations and the result downloads. */
public enum Operation {
  /**
   * {@code POST /ent/v2/reference2image}, and every other generation operation of the spec ({@code
   * text2video}, {@code img2video}, {@code start-end2video}, {@code reference2video}, ...): a fault
   * scripted for it meets the next create, whatever its operation.
   */
  CREATE_TASK,
  /** {@code GET /ent/v2/tasks/{id}/creations}. */
  GET_TASK,
  /** {@code POST /ent/v2/tasks/{id}/cancel}. */
  CANCEL_TASK,
  /** {@code GET /ent/v2/tasks}. */
  LIST_TASKS,
  /** {@code GET /ent/v2/credits}. */
  GET_CREDITS,
  /**
   * {@code GET /results/{creation}.png} or {@code .mp4}: a presigned result URL (no API key); a
   * video's {@code .png} is its cover.
   */
  DOWNLOAD_RESULT,
  /** Any other path: answered 404 {@code NotFound}. */
  UNKNOWN
}
