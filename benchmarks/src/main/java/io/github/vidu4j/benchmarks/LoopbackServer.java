package io.github.vidu4j.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fixed-answer API on loopback, the same for our client and the raw one: it drains the request
 * body and answers canned JSON. Records nothing, so millions of calls cost no memory.
 */
final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
          });

  static {
    // Headers and body leave in separate writes; without this, Nagle and delayed ACKs add 40 ms.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] sink = new byte[64 * 1024];
    try (InputStream in = exchange.getRequestBody()) {
      while (in.read(sink) >= 0) {
        // drained
      }
    }
    String path = exchange.getRequestURI().getRawPath();
    String json;
    if (path.endsWith("/reference2image")) {
      json = Fixtures.CREATED_JSON;
    } else if (path.endsWith("/creations")) {
      json = Fixtures.TASK_JSON;
    } else if (path.endsWith("/tasks")) {
      json = Fixtures.LIST_JSON;
    } else {
      json = "{}";
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
