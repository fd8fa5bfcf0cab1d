package io.github.vidu4j.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.core.SafeUrl;
import io.github.vidu4j.core.ViduEventListener;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Turns each HTTP exchange into {@link ViduEventListener#requestStarted}, then {@link
 * ViduEventListener#responseReceived} or {@link ViduEventListener#requestFailed}. A network
 * interceptor, so every request on the wire is one event pair (a redirect too). Installed only when
 * a listener is. URLs go through {@link SafeUrl}: a result URL's query is a credential.
 */
public final class EventInterceptor implements Interceptor {
  /** Enough for Vidu's error JSON; a bigger body has no trace id worth reading. */
  private static final long MAX_ERROR_PEEK = 16 * 1024;

  private final ViduEventListener listener;

  public EventInterceptor(ViduEventListener listener) {
    this.listener = listener;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String method = request.method();
    String url = SafeUrl.of(request.url());
    listener.requestStarted(method, url);
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      listener.requestFailed(method, url, Duration.ofNanos(System.nanoTime() - start), e);
      throw e;
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - start);
    listener.responseReceived(
        method,
        url,
        response.code(),
        duration,
        response.isSuccessful() ? Optional.empty() : traceId(response));
    return response;
  }

  /**
   * {@code metadata.trace_id} of an error body, read from a bounded copy (the body stays unread).
   */
  private static Optional<String> traceId(Response response) {
    try {
      JsonElement json = JsonParser.parseString(response.peekBody(MAX_ERROR_PEEK).string());
      if (json.isJsonObject()
          && json.getAsJsonObject().get("metadata") instanceof JsonObject metadata
          && metadata.get("trace_id") != null
          && metadata.get("trace_id").isJsonPrimitive()) {
        return Optional.of(metadata.get("trace_id").getAsString());
      }
    } catch (IOException | RuntimeException notVidusErrorJson) {
      // A proxy's HTML page, a truncated body: no trace id, and the error mapper reports the rest.
    }
    return Optional.empty();
  }
}
