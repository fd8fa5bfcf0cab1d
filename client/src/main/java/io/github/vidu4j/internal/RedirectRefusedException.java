package io.github.vidu4j.internal;

import io.github.vidu4j.core.SafeUrl;
import java.io.IOException;

/**
 * A redirect {@link RedirectPolicy} does not follow, for {@link RetryingExecutor} to turn into a
 * {@link io.github.vidu4j.core.ViduApiException} with the redirect's status. The target is kept
 * only as {@link SafeUrl} shows it (no query values).
 */
final class RedirectRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  final int status;

  RedirectRefusedException(int status, String message) {
    super(message);
    this.status = status;
  }
}
