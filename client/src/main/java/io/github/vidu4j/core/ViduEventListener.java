package io.github.vidu4j.core;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Observes what a client does, for logs, metrics and traces: HTTP requests, retries, the states a
 * wait sees, downloads and callback verdicts. Every method does nothing by default; override the
 * ones you need. Install one with {@code ViduClient.Builder#eventListener} (and {@code
 * CallbackVerifier.Builder#eventListener} for callbacks).
 *
 * <p>Methods are called on the thread doing the work, synchronously: keep them quick and do not
 * throw (an exception thrown here is not caught for you). No event carries the API key, a callback
 * secret, a header value or a request body, and every URL has its query values replaced by {@code
 * …} (a result URL's signed query is a credential to the file). With no listener installed the
 * client adds no interceptor and builds no event.
 *
 * <p>{@code ViduClient.Builder#logEvents(System.Logger)} writes every event to a {@link
 * System.Logger}; the {@code vidu4j-slf4j} artifact has an SLF4J one. The README maps each event to
 * OpenTelemetry attribute names.
 */
public interface ViduEventListener {
  /** The listener that ignores everything: the default. */
  ViduEventListener NONE = new ViduEventListener() {};

  /**
   * An HTTP request is about to be sent (each attempt, and each download).
   *
   * @param method the HTTP method
   * @param url the URL with query values replaced by {@code …}
   */
  default void requestStarted(String method, String url) {}

  /**
   * An HTTP response's headers arrived.
   *
   * @param method the HTTP method
   * @param url the URL with query values replaced by {@code …}
   * @param statusCode the HTTP status
   * @param duration from {@link #requestStarted} to the response's headers
   * @param traceId Vidu's {@code metadata.trace_id}, sent with error responses only
   */
  default void responseReceived(
      String method, String url, int statusCode, Duration duration, Optional<String> traceId) {}

  /**
   * An HTTP request failed without a response (connect, timeout, reset); a retry may follow.
   *
   * @param duration from {@link #requestStarted} to the failure
   */
  default void requestFailed(String method, String url, Duration duration, IOException cause) {}

  /**
   * A failed attempt will be retried after {@code delay}.
   *
   * @param operation what is retried, such as {@code GET /ent/v2/tasks/{id}/creations} with the id
   * @param retry which retry this will be, from 1
   * @param maxRetries the client's {@code ViduClient.Builder#maxRetries}
   * @param delay the wait before the retry
   * @param cause the attempt's failure
   */
  default void retryScheduled(
      String operation, int retry, int maxRetries, Duration delay, ViduException cause) {}

  /**
   * A wait ({@code Tasks#await}, {@code Images#createAndAwait}, their async forms) read the task.
   *
   * @param taskId the task's id
   * @param state the state Vidu sent, as sent (a state this release does not know included)
   * @param elapsed since the wait started
   */
  default void taskStateObserved(String taskId, String state, Duration elapsed) {}

  /**
   * A result file was downloaded completely.
   *
   * @param url the URL with query values replaced by {@code …}
   * @param file where it was saved, or empty when written to a stream
   * @param bytes its length
   * @param duration of the download, request to last byte
   */
  default void downloadFinished(String url, Optional<Path> file, long bytes, Duration duration) {}

  /**
   * A callback's signature verified.
   *
   * @param taskId the task id the body names, if any
   */
  default void callbackVerified(Optional<String> taskId) {}

  /**
   * A callback was rejected; nothing in it should be acted on.
   *
   * @param reason why, as {@link InvalidSignatureException#reason()}
   */
  default void callbackRejected(InvalidSignatureException.Reason reason) {}
}
