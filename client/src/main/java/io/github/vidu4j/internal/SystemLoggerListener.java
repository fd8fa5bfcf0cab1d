package io.github.vidu4j.internal;

import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ViduClient.Builder#logEvents}: one line per event. Each line is built only when its level
 * is enabled, so an installed logger at {@code INFO} costs a level check per event.
 */
public final class SystemLoggerListener implements ViduEventListener {
  private final System.Logger logger;

  public SystemLoggerListener(System.Logger logger) {
    this.logger = Objects.requireNonNull(logger, "logger == null");
  }

  @Override
  public void requestStarted(String method, String url) {
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(Level.DEBUG, "--> " + method + " " + url);
    }
  }

  @Override
  public void responseReceived(
      String method, String url, int statusCode, Duration duration, Optional<String> traceId) {
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(
          Level.DEBUG,
          "<-- "
              + statusCode
              + " "
              + method
              + " "
              + url
              + " ("
              + duration.toMillis()
              + " ms"
              + traceId.map(id -> ", trace_id " + id).orElse("")
              + ")");
    }
  }

  @Override
  public void requestFailed(String method, String url, Duration duration, IOException cause) {
    if (logger.isLoggable(Level.WARNING)) {
      logger.log(
          Level.WARNING,
          "<-- failed " + method + " " + url + " (" + duration.toMillis() + " ms): " + cause);
    }
  }

  @Override
  public void retryScheduled(
      String operation, int retry, int maxRetries, Duration delay, ViduException cause) {
    if (logger.isLoggable(Level.WARNING)) {
      logger.log(
          Level.WARNING,
          "retrying "
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
  public void taskStateObserved(String taskId, String state, Duration elapsed) {
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(
          Level.DEBUG, "task " + taskId + " is " + state + " after " + elapsed.toMillis() + " ms");
    }
  }

  @Override
  public void downloadFinished(String url, Optional<Path> file, long bytes, Duration duration) {
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(
          Level.DEBUG,
          "downloaded "
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
  public void callbackVerified(Optional<String> taskId) {
    if (logger.isLoggable(Level.DEBUG)) {
      logger.log(Level.DEBUG, "callback verified" + taskId.map(id -> " for task " + id).orElse(""));
    }
  }

  @Override
  public void callbackRejected(InvalidSignatureException.Reason reason) {
    if (logger.isLoggable(Level.WARNING)) {
      logger.log(Level.WARNING, "callback rejected: " + reason);
    }
  }
}
