package io.github.vidu4j.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.callback.servers.JdkHttpServerCallbackRequests;
import io.github.vidu4j.core.InvalidSignatureException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A user's callback receiver, as the README shows one, recording what it accepted and refused. */
final class CallbackReceiver implements AutoCloseable {
  final HttpServer server;
  final String url;
  // Written on the server's thread, read on the test's: only through the synchronized methods.
  private final List<VerifiedCallback> accepted = new ArrayList<>();
  private final List<InvalidSignatureException.Reason> refused = new ArrayList<>();
  final AtomicInteger failuresToPlay = new AtomicInteger();

  CallbackReceiver(CallbackVerifier verifier) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/vidu/callback?tenant=acme";
    server.createContext(
        "/vidu/callback",
        exchange -> {
          int status;
          try {
            CallbackRequest request = JdkHttpServerCallbackRequests.from(exchange, url);
            if (failuresToPlay.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              status = 503;
            } else {
              VerifiedCallback callback = verifier.verify(request);
              synchronized (this) {
                accepted.add(callback);
              }
              status = 200;
            }
          } catch (InvalidSignatureException e) {
            synchronized (this) {
              refused.add(e.reason());
            }
            status = 401;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  synchronized List<VerifiedCallback> acceptedCallbacks() {
    return List.copyOf(accepted);
  }

  synchronized List<String> acceptedStates() {
    return accepted.stream().map(c -> c.state().map(s -> s.getValue()).orElse("?")).toList();
  }

  synchronized List<InvalidSignatureException.Reason> refusedReasons() {
    return List.copyOf(refused);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
