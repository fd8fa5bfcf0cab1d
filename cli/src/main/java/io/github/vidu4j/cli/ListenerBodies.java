package io.github.vidu4j.cli;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/**
 * A callback body as {@code vidu callback listen} reads it: at most {@link #MAX_BYTES}, refused
 * with {@code 413} beyond, before a byte of it is read when {@code Content-Length} says so.
 */
final class ListenerBodies {
  /** Vidu's callback is the task's JSON, a few KiB; the library's adapters stop at the same. */
  static final int MAX_BYTES = 1024 * 1024;

  private ListenerBodies() {}

  /** A body over {@link #MAX_BYTES}, declared or sent. */
  static final class TooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /**
   * The whole body.
   *
   * @throws TooLargeException over {@link #MAX_BYTES}
   * @throws IOException if the sender went away or the read deadline cut the connection
   */
  static byte[] read(HttpExchange exchange) throws IOException, TooLargeException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        length = -1;
      }
      if (length > MAX_BYTES) {
        throw new TooLargeException(
            "a body of " + length + " bytes, over the " + MAX_BYTES + " a callback may have");
      }
    }
    // Not closed here: closing drains what is left, which refuseUnread must not wait for.
    InputStream in = exchange.getRequestBody();
    byte[] body = in.readNBytes(MAX_BYTES + 1);
    if (body.length > MAX_BYTES) {
      throw new TooLargeException("a body over the " + MAX_BYTES + " bytes a callback may have");
    }
    return body;
  }

  /**
   * Answers {@code status} and closes the connection at once, without reading the rest of the body:
   * the JDK server would otherwise drain it, holding the thread for as long as the sender cares to
   * trickle it.
   */
  static void refuseUnread(HttpExchange exchange, int status) throws IOException {
    exchange.getResponseHeaders().set("Connection", "close");
    try {
      exchange.sendResponseHeaders(status, -1);
    } finally {
      // The answer is written; a drain of the unread body now fails at once on the interrupted
      // channel, which closes this connection only. ListenerWorkers clears the flag afterwards.
      Thread.currentThread().interrupt();
      exchange.close();
    }
  }
}
