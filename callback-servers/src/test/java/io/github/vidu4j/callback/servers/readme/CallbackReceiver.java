package io.github.vidu4j.callback.servers.readme;

import com.sun.net.httpserver.HttpServer;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.callback.servers.JdkHttpServerCallbackRequests;
import io.github.vidu4j.callback.VerifiedCallback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

public final class CallbackReceiver {
  /** The callback_url exactly as sent with the task: proxies may rewrite the request line, Vidu signed this. */
  static final String CALLBACK_URL = "https://hooks.example.com/vidu/callback?tenant=acme";

  public static HttpServer start(int port, String apiKey, String previousApiKey) throws IOException {
    CallbackVerifier verifier = CallbackVerifier.builder()
        .secrets(List.of(apiKey, previousApiKey)) // a task's callbacks are signed with the key that created it
        .build();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/vidu/callback", exchange -> {
      int status = 200;
      try { // reads the raw body once; the body is not signed, so it must not be re-serialised first
        VerifiedCallback callback = verifier.verify(JdkHttpServerCallbackRequests.from(exchange, CALLBACK_URL));
        System.out.println(callback.taskId().orElse("?") + " is now " + callback.state().orElse(null));
      } catch (InvalidSignatureException e) {
        System.err.println("refused callback: " + e.getMessage());
        status = 401;
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    return server;
  }
}
