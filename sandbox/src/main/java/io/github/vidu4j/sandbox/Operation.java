package io.github.vidu4j.sandbox;

/** What the sandbox serves: the five API operations and the result downloads. */
public enum Operation {
  /** {@code POST /ent/v2/reference2image}. */
  CREATE_TASK,
  /** {@code GET /ent/v2/tasks/{id}/creations}. */
  GET_TASK,
  /** {@code POST /ent/v2/tasks/{id}/cancel}. */
  CANCEL_TASK,
  /** {@code GET /ent/v2/tasks}. */
  LIST_TASKS,
  /** {@code GET /ent/v2/credits}. */
  GET_CREDITS,
  /** {@code GET /results/{creation}.png}: a presigned result URL (no API key). */
  DOWNLOAD_RESULT,
  /** Any other path: answered 404 {@code NotFound}. */
  UNKNOWN
}
