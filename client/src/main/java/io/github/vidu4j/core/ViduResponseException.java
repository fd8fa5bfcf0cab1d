package io.github.vidu4j.core;

/**
 * Vidu answered with a 2xx status, but the answer cannot be used: it is not the JSON the spec
 * describes, its framing is malformed (a negative {@code Content-Length}), it lacks a field the
 * call needs (a create answer without {@code task_id}), or it is larger than {@code
 * ViduClient.Builder#maxResponseBytes}. The request was acted on, so it is never retried: for a
 * task creation the task may exist and be charged, and the message says how to look for it.
 *
 * <p>The message names the operation and what was wrong, never the values the body held (a server
 * echoing request headers could put the API key into any field).
 */
public class ViduResponseException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final String operation;

  /** Creates the exception; vidu4j builds these, users need this only in tests. */
  public ViduResponseException(String operation, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
  }

  /** Creates the exception without a cause. */
  public ViduResponseException(String operation, String message) {
    super(message);
    this.operation = operation;
  }

  /** The call whose answer this is, for example {@code GET /ent/v2/tasks}. */
  public String operation() {
    return operation;
  }
}
