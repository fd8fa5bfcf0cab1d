package io.github.vidu4j.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP/1.1 server that writes whatever bytes a test gives it, including framing no
 * well-behaved server (MockWebServer included) would send: a negative {@code Content-Length}, a
 * body streamed from a generator without ever being held, a close-delimited body. One response per
 * connection, then the connection is closed.
 */
public final class RawHttpServer implements AutoCloseable {
  /** Writes one response; {@code request} is the request line and headers as received. */
  @FunctionalInterface
  public interface Responder {
    void respond(String request, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final Thread acceptor;
  private volatile Responder responder =
      (request, out) -> out.write(head("200 OK", "Content-Length: 0"));
  public final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
  private final BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();
  private final AtomicInteger requestCount = new AtomicInteger();

  /** Bytes of responses the server managed to write, over all connections. */
  public final AtomicLong bytesWritten = new AtomicLong();

  public RawHttpServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "raw-http-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  public void respondWith(Responder responder) {
    this.responder = responder;
  }

  /**
   * Queues bytes to send, exactly as given, to one later connection; queued answers go out in order
   * before the {@link #respondWith responder} answers again.
   */
  public void enqueue(byte[] answer) {
    answers.add(answer);
  }

  /**
   * An HTTP/1.0 200 with no Content-Length whose body is {@code body}: it ends when the connection
   * closes.
   */
  public static byte[] closeDelimited(String contentType, byte[] body) {
    byte[] head =
        ("HTTP/1.0 200 OK\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  /** Requests received so far, over all connections. */
  public int requestCount() {
    return requestCount.get();
  }

  /** A fixed response: {@code head} (see {@link #head}) then {@code body}. */
  public void respondWith(byte[] head, byte[] body) {
    respondWith(
        (request, out) -> {
          out.write(head);
          out.write(body);
        });
  }

  /**
   * A status line and headers, with {@code Connection: close} so that no client reuses the
   * connection.
   */
  public static byte[] head(String status, String... headers) {
    StringBuilder text =
        new StringBuilder("HTTP/1.1 ").append(status).append("\r\nConnection: close\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connection.setSoTimeout(5_000);
        String request = readRequest(connection.getInputStream());
        requests.add(request);
        requestCount.incrementAndGet();
        OutputStream counting = new CountingStream(connection.getOutputStream());
        byte[] queued = answers.poll();
        if (queued != null) {
          counting.write(queued);
        } else {
          responder.respond(request, counting);
        }
        counting.flush();
      } catch (IOException e) {
        // The client went away (for example after refusing an over-long body): next connection.
      }
    }
  }

  /** The request line and headers; a body announced by Content-Length is read and dropped. */
  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the request ended");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        long length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        try {
          in.readNBytes((int) length);
        } catch (SocketTimeoutException e) {
          throw new IOException(e);
        }
      }
    }
    return text;
  }

  private final class CountingStream extends OutputStream {
    private final OutputStream out;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytesWritten.incrementAndGet();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      bytesWritten.addAndGet(length);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
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
