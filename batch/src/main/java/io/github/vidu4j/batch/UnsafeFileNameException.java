package io.github.vidu4j.batch;

import io.github.vidu4j.core.ViduException;

/**
 * A file name that vidu4j would build from server data (a task id from Vidu's JSON or from a
 * callback body) is not safe to write: it has characters outside {@code A-Z a-z 0-9 _ -}, is empty,
 * or is longer than 100 characters, so it could leave the target directory or name a file the
 * caller did not ask for. Nothing was downloaded.
 */
public final class UnsafeFileNameException extends ViduException {
  private static final long serialVersionUID = 1L;

  /** The longest task id used as a file name stem, in characters. */
  static final int MAX_STEM_LENGTH = 100;

  private final String value;

  /** Creates the exception; vidu4j builds these, users need this only in tests. */
  public UnsafeFileNameException(String message, String value) {
    super(message);
    this.value = value;
  }

  /**
   * The offending value, escaped (non-printable and non-ASCII characters as {@code \\uXXXX}) and
   * bounded.
   */
  public String value() {
    return value;
  }
}
