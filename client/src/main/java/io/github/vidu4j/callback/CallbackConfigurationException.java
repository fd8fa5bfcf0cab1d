package io.github.vidu4j.callback;

import io.github.vidu4j.core.ViduException;

/**
 * A {@link CallbackVerifier} was configured with something it cannot use: a window outside the
 * documented bounds, or a callback URL that cannot be parsed (so no signature over it could ever be
 * checked). A mistake in the receiver's own setup, not in a callback: fix the configuration. The
 * message never contains a secret, and shows a URL's query parameter names only. A receiver's
 * start-up code catches it (the CLI's {@code callback} commands and {@code vidu4j-redis} raise or
 * report it).
 */
public final class CallbackConfigurationException extends ViduException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message must not contain a secret. */
  public CallbackConfigurationException(String message) {
    super(message);
  }
}
