package io.github.vidu4j.callback.servers;

import com.sun.net.httpserver.HttpExchange;
import io.github.vidu4j.callback.CallbackRequest;
import java.util.Objects;

/**
 * Reads a JDK {@code com.sun.net.httpserver} exchange as a {@link CallbackRequest}, for receivers
 * on the JDK's HTTP server; needs the {@code jdk.httpserver} module (in every JDK, left out of some
 * {@code jlink} images). The Servlet twin is {@link ServletCallbackRequests}.
 *
 * <p>The body (at most 1 MiB, else a {@code ViduException}) is read once here and kept in the
 * returned request: use {@link CallbackRequest#body()} afterwards, the exchange's stream is spent.
 */
public final class JdkHttpServerCallbackRequests {
  private JdkHttpServerCallbackRequests() {}

  /** The callback in {@code exchange}, verified later against {@code callbackUrl} as registered. */
  @SuppressWarnings("exports") // from an optional module the caller already reads (module-info)
  public static CallbackRequest from(HttpExchange exchange, String callbackUrl) {
    Objects.requireNonNull(exchange, "exchange == null");
    byte[] body = CallbackBodies.read(exchange.getRequestBody());
    return CallbackRequest.of(
        exchange.getRequestMethod(), callbackUrl, exchange.getRequestHeaders(), body);
  }
}
