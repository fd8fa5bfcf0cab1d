package io.github.vidu4j.facade;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers each connection with the next canned bytes, exactly as given,
 * then closes it: for answers MockWebServer will not send, such as an HTTP/1.0 body that ends
 * by closing the connection halfway.
 */
final class RawHttpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final Thread acceptor;

  RawHttpServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::serve, "raw-http-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** An HTTP/1.0 200 with no Content-Length whose body is {@code body}, then the connection closes. */
  static byte[] closeDelimited(String contentType, byte[] body) {
    byte[] head = ("HTTP/1.0 200 OK\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  void enqueue(byte[] answer) {
    answers.add(answer);
  }

  String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  int requestCount() {
    return requests.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connection.setSoTimeout(5_000);
        readRequestHead(connection.getInputStream());
        requests.incrementAndGet();
        byte[] answer = answers.poll();
        OutputStream out = connection.getOutputStream();
        out.write(answer != null ? answer : "HTTP/1.0 500 Nothing queued\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // Closed, or a client that went away: next connection.
      }
    }
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b; matched < 4 && (b = in.read()) != -1; ) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
