package io.github.vidu4j.cli;

import io.github.vidu4j.core.SafeUrl;
import java.io.IOException;
import java.io.PrintWriter;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code --verbose}'s HTTP lines, from OkHttp's own events (the way the library documents for HTTP
 * telemetry): each request on the wire, redirects and downloads included, and its answer. URLs
 * through {@link SafeUrl} (a result URL's signed query is a credential); no header is printed.
 */
final class HttpTrace extends EventListener {
  private final PrintWriter err;
  private long sent;

  private HttpTrace(PrintWriter err) {
    this.err = err;
  }

  /**
   * One listener per call: OkHttp's factory, for {@code OkHttpClient.Builder#eventListenerFactory}.
   */
  static EventListener.Factory to(PrintWriter err) {
    return call -> new HttpTrace(err);
  }

  @Override
  public void requestHeadersEnd(Call call, Request request) {
    sent = System.nanoTime();
    line("--> " + request.method() + " " + SafeUrl.of(request.url()));
  }

  @Override
  public void responseHeadersEnd(Call call, Response response) {
    line(
        "<-- "
            + response.code()
            + " "
            + response.request().method()
            + " "
            + SafeUrl.of(response.request().url())
            + " ("
            + (System.nanoTime() - sent) / 1_000_000
            + " ms)");
  }

  @Override
  public void callFailed(Call call, IOException e) {
    line(
        "<-- failed "
            + call.request().method()
            + " "
            + SafeUrl.of(call.request().url())
            + ": "
            + e);
  }

  private void line(String text) {
    err.println("[http] " + TerminalText.escape(text));
  }
}
