package io.github.vidu4j.sandbox;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One callback delivery attempt the sandbox made. Immutable. */
public final class SentCallback {
  private final String taskId;
  private final String url;
  private final String state;
  private final int attempt;
  private final int status;
  private final Map<String, String> headers;
  private final String body;
  private final @Nullable CallbackFault fault;

  SentCallback(
      String taskId,
      String url,
      String state,
      int attempt,
      int status,
      Map<String, String> headers,
      String body,
      @Nullable CallbackFault fault) {
    this.taskId = taskId;
    this.url = url;
    this.state = state;
    this.attempt = attempt;
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.fault = fault;
  }

  /** The task the callback is about. */
  public String taskId() {
    return taskId;
  }

  /** The task's {@code callback_url}. */
  public String url() {
    return url;
  }

  /** The task state the body reports. */
  public String state() {
    return state;
  }

  /** 1 for the first attempt, 2 and on for retries. */
  public int attempt() {
    return attempt;
  }

  /** The receiver's status code; -1 if it could not be reached or timed out. */
  public int status() {
    return status;
  }

  /** Whether the receiver answered 2xx. */
  public boolean delivered() {
    return status >= 200 && status < 300;
  }

  /** The six signature headers sent. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The JSON body sent (the Get Generation shape). */
  public String body() {
    return body;
  }

  /** The fault this attempt played out, if any. */
  public Optional<CallbackFault> fault() {
    return Optional.ofNullable(fault);
  }

  @Override
  public String toString() {
    return "SentCallback{"
        + taskId
        + " "
        + state
        + " attempt "
        + attempt
        + " -> "
        + (status < 0 ? "unreachable" : status)
        + (fault != null ? ", " + fault : "")
        + "}";
  }
}
