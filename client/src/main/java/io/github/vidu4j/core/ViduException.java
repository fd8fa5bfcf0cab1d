package io.github.vidu4j.core;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception vidu4j throws. It is unchecked, so callers catch it (or one of its
 * subclasses) only where they can act on it; vidu4j never lets Retrofit, OkHttp or Gson exceptions
 * escape.
 *
 * <p>No message of this hierarchy ever contains the API key or a callback secret.
 */
public class ViduException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public ViduException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause it wraps. */
  public ViduException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
