package io.github.vidu4j.slf4j;

import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes vidu4j's events to SLF4J, each line starting with its call's handle ({@code #12}): task
 * states, downloads and verified callbacks at {@code DEBUG}; retries and rejected callbacks at
 * {@code WARN}. Lines are the same as {@code ViduClient.Builder#logEvents(System.Logger)}'s, with
 * SLF4J's {@code {}} placeholders, so a disabled level costs a level check. HTTP requests are
 * OkHttp's to log ({@code ViduEventListener}'s Javadoc shows how). Events carry no key, header or
 * URL query value, so neither do the lines.
 *
 * <pre>{@code
 * ViduClient client = ViduClient.builder().apiKey(key).eventListener(Slf4jEventListener.create()).build();
 * }</pre>
 */
public final class Slf4jEventListener implements ViduEventListener {
  private final Logger logger;

  private Slf4jEventListener(Logger logger) {
    this.logger = logger;
  }

  /** A listener logging to the logger named {@code io.github.vidu4j}. */
  public static Slf4jEventListener create() {
    return to(LoggerFactory.getLogger("io.github.vidu4j"));
  }

  /** A listener logging to {@code logger}. */
  public static Slf4jEventListener to(Logger logger) {
    return new Slf4jEventListener(Objects.requireNonNull(logger, "logger == null"));
  }

  @Override
  public void retryScheduled(
      long callId,
      String operation,
      int retry,
      int maxRetries,
      Duration delay,
      ViduException cause) {
    if (logger.isWarnEnabled()) {
      logger.warn(
          "#{} retrying {} in {} ms (retry {} of {}): {}",
          callId,
          operation,
          delay.toMillis(),
          retry,
          maxRetries,
          cause.getMessage());
    }
  }

  @Override
  public void taskStateObserved(long callId, String taskId, String state, Duration elapsed) {
    if (logger.isDebugEnabled()) {
      logger.debug("#{} task {} is {} after {} ms", callId, taskId, state, elapsed.toMillis());
    }
  }

  @Override
  public void downloadFinished(
      long callId, String url, Optional<Path> file, long bytes, Duration duration) {
    if (logger.isDebugEnabled()) {
      logger.debug(
          "#{} downloaded {} bytes from {}{} in {} ms",
          callId,
          bytes,
          url,
          file.map(f -> " to " + f).orElse(""),
          duration.toMillis());
    }
  }

  @Override
  public void callbackVerified(long callId, Optional<String> taskId) {
    if (logger.isDebugEnabled()) {
      logger.debug(
          "#{} callback verified{}", callId, taskId.map(id -> " for task " + id).orElse(""));
    }
  }

  @Override
  public void callbackRejected(long callId, InvalidSignatureException.Reason reason) {
    logger.warn("#{} callback rejected: {}", callId, reason);
  }
}
