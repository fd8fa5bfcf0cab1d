package io.github.vidu4j.readme;

import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.InvalidSignatureException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Each event as the attributes of an OpenTelemetry span, span event or log record would be named. */
public final class OpenTelemetryNames implements ViduEventListener {
  public final List<Map<String, Object>> records = new CopyOnWriteArrayList<>(); // span.setAttribute(name, value) instead

  @Override
  public void retryScheduled(long callId, String operation, int retry, int maxRetries, Duration delay, ViduException cause) {
    record("vidu.retry", callId, "vidu.operation", operation, "http.request.resend_count", retry, "vidu.retry.delay_ms", delay.toMillis());
  }

  @Override
  public void taskStateObserved(long callId, String taskId, String state, Duration elapsed) {
    record("vidu.task.poll", callId, "vidu.task.id", taskId, "vidu.task.state", state, "vidu.task.elapsed_ms", elapsed.toMillis());
  }

  @Override
  public void downloadFinished(long callId, String url, Optional<Path> file, long bytes, Duration duration) {
    Map<String, Object> span = record("vidu.download", callId, "url.full", url, "http.response.body.size", bytes, "vidu.download.duration_ms", duration.toMillis());
    file.ifPresent(path -> span.put("file.path", path.toString()));
  }

  @Override
  public void callbackVerified(long callId, Optional<String> taskId) {
    Map<String, Object> event = record("vidu.callback", callId, "vidu.callback.outcome", "verified");
    taskId.ifPresent(id -> event.put("vidu.task.id", id));
  }

  @Override
  public void callbackRejected(long callId, InvalidSignatureException.Reason reason) {
    record("vidu.callback", callId, "vidu.callback.outcome", "rejected", "error.type", reason.name());
  }

  private Map<String, Object> record(String name, long callId, Object... attributes) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("name", name);
    record.put("vidu.call.id", callId); // the events of one call (a wait, a download) share it
    for (int i = 0; i < attributes.length; i += 2) {
      record.put((String) attributes[i], attributes[i + 1]);
    }
    records.add(record);
    return record;
  }
}
