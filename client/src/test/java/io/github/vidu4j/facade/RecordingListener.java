package io.github.vidu4j.facade;

import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every event with every argument as text, causes with their whole message: what a listener could
 * leak.
 */
final class RecordingListener implements ViduEventListener {
  final List<String> events = new CopyOnWriteArrayList<>();

  String all() {
    return String.join("\n", events);
  }

  @Override
  public void requestStarted(String method, String url) {
    events.add("requestStarted " + method + " " + url);
  }

  @Override
  public void responseReceived(
      String method, String url, int statusCode, Duration duration, Optional<String> traceId) {
    events.add(
        "responseReceived " + method + " " + url + " " + statusCode + " " + traceId.orElse("-"));
  }

  @Override
  public void requestFailed(String method, String url, Duration duration, IOException cause) {
    events.add("requestFailed " + method + " " + url + " " + cause);
  }

  @Override
  public void retryScheduled(
      String operation, int retry, int maxRetries, Duration delay, ViduException cause) {
    events.add(
        "retryScheduled " + operation + " " + retry + "/" + maxRetries + " " + cause.getMessage());
  }

  @Override
  public void taskStateObserved(String taskId, String state, Duration elapsed) {
    events.add("taskStateObserved " + taskId + " " + state);
  }

  @Override
  public void downloadFinished(String url, Optional<Path> file, long bytes, Duration duration) {
    events.add(
        "downloadFinished " + url + " " + file.map(Path::toString).orElse("-") + " " + bytes);
  }

  @Override
  public void callbackVerified(Optional<String> taskId) {
    events.add("callbackVerified " + taskId.orElse("-"));
  }

  @Override
  public void callbackRejected(InvalidSignatureException.Reason reason) {
    events.add("callbackRejected " + reason);
  }
}
