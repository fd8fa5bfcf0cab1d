package io.github.vidu4j.internal;

import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.internal.RetryingExecutor.Mode;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * The exception a failed attempt becomes, worded for its call's {@link Mode}: when the request may
 * have been acted on, a creation's or a cancel's message says how to find out what happened.
 */
final class CallFailures {
  private CallFailures() {}

  static String withAdvice(String message, Mode mode) {
    return mode.uncertainOutcomeAdvice == null
        ? message
        : message + ". " + mode.uncertainOutcomeAdvice;
  }

  /** A 2xx answer refused while reading it (too long, malformed framing). */
  static ViduResponseException unusable(String operation, Mode mode, UnusableResponseException e) {
    String message = withAdvice(operation + ": the response is unusable: " + e.getMessage(), mode);
    return e.limitBytes > 0
        ? new ViduResponseException(operation, message, e.limitBytes)
        : new ViduResponseException(operation, message);
  }

  /** A 2xx answer that came but could not be read; {@code what} says how it failed. */
  static ViduResponseException unreadable(
      String operation, Mode mode, String what, Throwable e, ErrorMapper errors) {
    return new ViduResponseException(
        operation,
        withAdvice(operation + ": " + what + " (" + errors.describeUnreadable(e) + ")", mode),
        errors.redactedCopy(e));
  }

  static ViduTransportException transport(
      String operation, Mode mode, IOException e, boolean mayHaveReachedVidu) {
    String what = e instanceof InterruptedIOException ? "timed out" : "failed";
    String detail =
        e.getMessage() == null
            ? e.getClass().getSimpleName()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    StringBuilder message = new StringBuilder(operation).append(' ').append(what);
    if (!mayHaveReachedVidu) {
      message.append(" before a connection was established (").append(detail).append(")");
    } else {
      message.append(" after the request may have been sent (").append(detail).append(")");
      if (mode.uncertainOutcomeAdvice != null) {
        message.append(". ").append(mode.uncertainOutcomeAdvice);
      }
    }
    return new ViduTransportException(message.toString(), e, mayHaveReachedVidu);
  }
}
