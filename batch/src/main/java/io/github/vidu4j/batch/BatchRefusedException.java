package io.github.vidu4j.batch;

import io.github.vidu4j.core.ViduException;

/**
 * A batch would not start: its journal belongs to other input, is damaged, or another run holds it.
 * Nothing was sent.
 */
public final class BatchRefusedException extends ViduException {
  private static final long serialVersionUID = 1L;

  /** The exception with {@code message}. */
  public BatchRefusedException(String message) {
    super(message);
  }

  /** The exception with {@code message} and its cause. */
  public BatchRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
