package io.github.vidu4j.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Observes what a client does that OkHttp cannot see, for logs, metrics and traces: retries, the
 * states a wait reads, downloads and callback verdicts. Users implement it (or take {@code
 * ViduClient.Builder#logEvents} or {@code vidu4j-slf4j}'s) and install it with {@code
 * ViduClient.Builder#eventListener} (and {@code CallbackVerifier.Builder#eventListener} for
 * callbacks). Every method does nothing by default; override the ones you need.
 *
 * <p>Every event's first argument, {@code callId}, is the handle of the call it belongs to: one API
 * call with its retries, one wait ({@code Tasks#await} and the polls it makes), one download with
 * its retries, one callback verification. It is unique in the JVM, so events of calls running at
 * the same time can be told apart and grouped.
 *
 * <p>HTTP requests and responses are OkHttp's to report: give the client an OkHttp client with an
 * {@link okhttp3.EventListener} ({@code callStart}, {@code responseHeadersEnd}, {@code callFailed},
 * each with its {@link okhttp3.Call}):
 *
 * <pre>{@code
 * ViduClient client = ViduClient.builder().apiKey(key)
 *     .httpClient(new OkHttpClient.Builder().eventListenerFactory(call -> new MyHttpListener()).build())
 *     .build();
 * }</pre>
 *
 * <p>Such a listener sees what OkHttp sees: the {@code Authorization} header and the signed query
 * of result URLs are among it ({@link SafeUrl#of(okhttp3.HttpUrl)} hides a URL's query values).
 *
 * <p>Methods are called on the thread doing the work, synchronously: keep them quick and do not
 * throw (an exception thrown here is not caught for you). No event carries the API key, a callback
 * secret, a header value or a request body, and every URL has its query values replaced by {@code
 * …} (a result URL's signed query is a credential to the file). With no listener installed the
 * client builds no event.
 */
public interface ViduEventListener {
  /** The listener that ignores everything: the default. */
  ViduEventListener NONE = new ViduEventListener() {};

  /**
   * A failed attempt will be retried after {@code delay}.
   *
   * @param callId the call's handle: every retry of one call has the same
   * @param operation what is retried, such as {@code GET /ent/v2/tasks/{id}/creations} with the id
   * @param retry which retry this will be, from 1
   * @param maxRetries the client's {@code ViduClient.Builder#maxRetries}
   * @param delay the wait before the retry
   * @param cause the attempt's failure
   */
  default void retryScheduled(
      long callId,
      String operation,
      int retry,
      int maxRetries,
      Duration delay,
      ViduException cause) {}

  /**
   * A wait ({@code Tasks#await}, {@code Images#createAndAwait}, their async forms) read the task.
   *
   * @param callId the wait's handle: every state one wait reads has the same
   * @param taskId the task's id
   * @param state the state Vidu sent, as sent (a state this release does not know included)
   * @param elapsed since the wait started
   */
  default void taskStateObserved(long callId, String taskId, String state, Duration elapsed) {}

  /**
   * A result file was downloaded completely.
   *
   * @param callId the download's handle, the same as its retries'
   * @param url the URL with query values replaced by {@code …}
   * @param file where it was saved, or empty when written to a stream
   * @param bytes its length
   * @param duration of the download, request to last byte
   */
  default void downloadFinished(
      long callId, String url, Optional<Path> file, long bytes, Duration duration) {}

  /**
   * A callback's signature verified.
   *
   * @param callId the verification's handle
   * @param taskId the task id the body names, if any
   */
  default void callbackVerified(long callId, Optional<String> taskId) {}

  /**
   * A callback was rejected; nothing in it should be acted on.
   *
   * @param callId the verification's handle
   * @param reason why, as {@link InvalidSignatureException#reason()}
   */
  default void callbackRejected(long callId, InvalidSignatureException.Reason reason) {}
}
