package io.github.vidu4j.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client that misbehaves on purpose, over a plain socket: announces bodies it does not send,
 * streams bodies while the answer may already be on its way, or never finishes its headers.
 */
final class RawHttp implements AutoCloseable {
  /**
   * What came back: the status (-1 if the connection closed without one, -2 if nothing came in
   * time) and the body bytes written.
   */
  record Answer(int status, long bodyBytesWritten) {}

  private final Socket socket;
  private final AtomicLong written = new AtomicLong();
  private Thread writer;

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  static RawHttp connect(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    return new RawHttp(socket);
  }

  /**
   * Sends the request line and headers (CRLF-terminated lines; the blank line is added if {@code
   * complete}).
   */
  RawHttp head(String requestLine, boolean complete, String... headers) throws IOException {
    StringBuilder text = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    if (complete) {
      text.append("\r\n");
    }
    OutputStream out = socket.getOutputStream();
    out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return this;
  }

  /**
   * Writes {@code bytes} body bytes ('x') on another thread, as chunks if {@code chunked}, until
   * done or the server stops reading.
   */
  RawHttp streamBody(long bytes, boolean chunked) {
    writer =
        new Thread(
            () -> {
              byte[] block = new byte[64 * 1024];
              Arrays.fill(block, (byte) 'x');
              try {
                OutputStream out = socket.getOutputStream();
                long left = bytes;
                while (left > 0) {
                  int n = (int) Math.min(block.length, left);
                  if (chunked) {
                    out.write(
                        (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                  }
                  out.write(block, 0, n);
                  if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  written.addAndGet(n);
                  left -= n;
                }
                if (chunked) {
                  out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
              } catch (IOException e) {
                // The server closed the connection: how far we got is the point.
              }
            },
            "raw-http-body-writer");
    writer.setDaemon(true);
    writer.start();
    return this;
  }

  /** Writes {@code bytes} body bytes now, on this thread. */
  RawHttp body(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    written.addAndGet(bytes.length);
    return this;
  }

  /** Reads the status line, waiting at most {@code timeout}; then stops any body writer. */
  Answer answer(Duration timeout) throws IOException, InterruptedException {
    socket.setSoTimeout((int) timeout.toMillis());
    int status;
    try {
      status = statusOf(socket.getInputStream());
    } catch (SocketTimeoutException e) {
      status = -2;
    } catch (IOException e) {
      status = -1; // reset by the server
    }
    socket.close();
    if (writer != null) {
      writer.join(10_000);
    }
    return new Answer(status, written.get());
  }

  /**
   * True once the server has closed the connection (end of stream or reset), waiting at most {@code
   * timeout}.
   */
  boolean closedByServerWithin(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    try {
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // An answer before the close is fine; the close is what is awaited.
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static int statusOf(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    String text = line.toString(StandardCharsets.US_ASCII).trim();
    if (!text.startsWith("HTTP/1.")) {
      return -1;
    }
    return Integer.parseInt(text.split(" ")[1]);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
