package io.github.vidu4j.core;

import java.util.OptionalLong;

/**
 * Vidu answered with a 2xx status, but the answer cannot be used: it is not the JSON the spec
 * describes, its framing is malformed (a negative {@code Content-Length}), it lacks a field the
 * call needs (a create answer without {@code task_id}), or it is larger than {@code
 * ViduClient.Builder#maxResponseBytes} (a result file: {@code maxDownloadBytes}). The request was
 * acted on, so it is never retried: for a task creation the task may exist and be charged, and the
 * message says how to look for it.
 *
 * <p>A too-long answer has {@link #limitBytes()}: reading stopped at the limit (counted while
 * streaming and after decoding, whatever {@code Content-Length} claimed; a {@code Content-Length}
 * beyond it is refused before reading), so the body was never held in memory nor saved. Callers
 * check it to tell a too-long answer from an unreadable one.
 *
 * <p>The message names the operation and what was wrong, never the values the body held (a server
 * echoing request headers could put the API key into any field).
 */
public final class ViduResponseException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final long limitBytes;

  /** Creates the exception; vidu4j builds these, users need this only in tests. */
  public ViduResponseException(String operation, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.limitBytes = -1;
  }

  /** Creates the exception without a cause. */
  public ViduResponseException(String operation, String message) {
    this(operation, message, -1);
  }

  /** Creates the exception for an answer longer than {@code limitBytes}. */
  public ViduResponseException(String operation, String message, long limitBytes) {
    super(message);
    this.operation = operation;
    this.limitBytes = limitBytes;
  }

  /** The call whose answer this is, for example {@code GET /ent/v2/tasks}. */
  public String operation() {
    return operation;
  }

  /** The limit in bytes the answer went beyond, when that is why it was refused. */
  public OptionalLong limitBytes() {
    return limitBytes < 0 ? OptionalLong.empty() : OptionalLong.of(limitBytes);
  }
}
