package io.github.vidu4j.facade;

import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every event with every argument as text, causes with their whole message: what a listener could
 * leak. {@link #events} holds them without their call handle, {@link #handles} the handle of each.
 */
final class RecordingListener implements ViduEventListener {
  final List<String> events = new ArrayList<>();
  final List<Long> handles = new ArrayList<>();

  synchronized String all() {
    return String.join("\n", events);
  }

  /** The handle of the events starting with {@code prefix}, in order. */
  synchronized List<Long> handlesOf(String prefix) {
    List<Long> of = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).startsWith(prefix)) {
        of.add(handles.get(i));
      }
    }
    return of;
  }

  private synchronized void add(long callId, String event) {
    events.add(event);
    handles.add(callId);
  }

  @Override
  public void retryScheduled(
      long callId,
      String operation,
      int retry,
      int maxRetries,
      Duration delay,
      ViduException cause) {
    add(
        callId,
        "retryScheduled " + operation + " " + retry + "/" + maxRetries + " " + cause.getMessage());
  }

  @Override
  public void taskStateObserved(long callId, String taskId, String state, Duration elapsed) {
    add(callId, "taskStateObserved " + taskId + " " + state);
  }

  @Override
  public void downloadFinished(
      long callId, String url, Optional<Path> file, long bytes, Duration duration) {
    add(
        callId,
        "downloadFinished " + url + " " + file.map(Path::toString).orElse("-") + " " + bytes);
  }

  @Override
  public void callbackVerified(long callId, Optional<String> taskId) {
    add(callId, "callbackVerified " + taskId.orElse("-"));
  }

  @Override
  public void callbackRejected(long callId, InvalidSignatureException.Reason reason) {
    add(callId, "callbackRejected " + reason);
  }
}
