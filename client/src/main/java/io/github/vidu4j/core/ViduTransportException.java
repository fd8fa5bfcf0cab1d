package io.github.vidu4j.core;

/**
 * The request did not complete: the connection failed, timed out or was reset, or the response
 * could not be read. No HTTP status is available.
 *
 * <p>{@link #mayHaveReachedVidu()} tells whether the request may have been received. For a task
 * creation that is true means a task may exist and be charged even though no task id came back: the
 * message says how to look for it (list recent tasks, match on the {@code payload} you sent)
 * instead of creating it again. {@code vidu4j-batch} (whether a create may be repeated) and the CLI
 * (exit codes) read it.
 */
public final class ViduTransportException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final boolean mayHaveReachedVidu;

  /** Creates the exception; vidu4j builds these, users need this only in tests. */
  public ViduTransportException(String message, Throwable cause, boolean mayHaveReachedVidu) {
    super(message, cause);
    this.mayHaveReachedVidu = mayHaveReachedVidu;
  }

  /**
   * False only when the connection was never established, so Vidu cannot have seen the request;
   * true when the request may have been sent (a read timeout, a reset after sending).
   */
  public boolean mayHaveReachedVidu() {
    return mayHaveReachedVidu;
  }
}
