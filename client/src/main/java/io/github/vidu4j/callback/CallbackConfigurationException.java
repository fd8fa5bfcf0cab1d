package io.github.vidu4j.callback;

import io.github.vidu4j.core.ViduException;

/**
 * A {@link CallbackVerifier} was configured with something it cannot use: a window outside the
 * documented bounds, or a callback URL that cannot be parsed (so no signature over it could ever be
 * checked). A mistake in the receiver's own setup, not in a callback: fix the configuration. The
 * message never contains a secret, and shows a URL's query parameter names only.
 */
public final class CallbackConfigurationException extends ViduException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message must not contain a secret. */
  public CallbackConfigurationException(String message) {
    super(message);
  }
}
