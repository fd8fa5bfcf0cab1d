package io.github.vidu4j.internal;

import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ViduClient.Builder#logEvents}: one line per event, starting with its call's handle ({@code
 * #12}). Each line is built only when its level is enabled, so an installed logger at {@code INFO}
 * costs a level check per event.
 */
public final class SystemLoggerListener implements ViduEventListener {
  private final System.Logger logger;

  public SystemLoggerListener(System.Logger logger) {
    this.logger = Objects.requireNonNull(logger, "logger == null");
  }

  @Override
  public void retryScheduled(
      long callId,
      String operation,
      int retry,
      int maxRetries,
      Duration delay,
      ViduException cause) {
    if (logger.isLoggable(Level.WARNING)) {
      logger.log(
          Level.WARNING,
          "#"
              + callId
              + " retrying "
              + operation
              + " in "
              + delay.toMillis()
              + " ms (retry "
              + retry
              + " of "
              + maxRetries
              + "): "
              + cause.getMessage());
    }
  }

  @Override
  public void taskStateObserved(long callId, String taskId, String state, Duration elapsed) {
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(
          Level.DEBUG,
          "#"
              + callId
              + " task "
              + taskId
              + " is "
              + state
              + " after "
              + elapsed.toMillis()
              + " ms");
    }
  }

  @Override
  public void downloadFinished(
      long callId, String url, Optional<Path> file, long bytes, Duration duration) {
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(
          Level.DEBUG,
          "#"
              + callId
              + " downloaded "
              + bytes
              + " bytes from "
              + url
              + file.map(f -> " to " + f).orElse("")
              + " in "
              + duration.toMillis()
              + " ms");
    }
  }

  @Override
  public void callbackVerified(long callId, Optional<String> taskId) {
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(
          Level.DEBUG,
          "#" + callId + " callback verified" + taskId.map(id -> " for task " + id).orElse(""));
    }
  }

  @Override
  public void callbackRejected(long callId, InvalidSignatureException.Reason reason) {
    if (logger.isLoggable(Level.WARNING)) {
      logger.log(Level.WARNING, "#" + callId + " callback rejected: " + reason);
    }
  }
}
