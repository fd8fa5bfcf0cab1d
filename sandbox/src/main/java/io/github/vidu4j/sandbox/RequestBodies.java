package io.github.vidu4j.sandbox;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies within a limit: a declared length over it is refused unread, a chunked body
 * is counted as it comes.
 */
final class RequestBodies {
  private RequestBodies() {}

  /** A body over the limit: the bytes read before the count passed it are dropped. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;
    final long bytesRead;

    TooLarge(long bytesRead) {
      super(null, null, false, false);
      this.bytesRead = bytesRead;
    }
  }

  /**
   * True if the request's {@code Content-Length} is over {@code limit}; an unparseable one the JDK
   * server has refused already.
   */
  static boolean declaredOver(Headers headers, long limit) {
    String length = headers.getFirst("Content-Length");
    if (length == null) {
      return false;
    }
    try {
      return Long.parseLong(length.trim()) > limit;
    } catch (NumberFormatException e) {
      return true; // too long for a long, so over any limit
    }
  }

  /**
   * True if the request says a body follows: a non-zero {@code Content-Length} or a {@code
   * Transfer-Encoding}.
   */
  static boolean announced(Headers headers) {
    String length = headers.getFirst("Content-Length");
    return headers.containsKey("Transfer-Encoding")
        || (length != null && !length.trim().equals("0"));
  }

  static ApiError tooLarge(long limit) {
    return new ApiError(
        413,
        "RequestEntityTooLarge",
        "request entity too large: the body must be at most "
            + limit
            + " bytes (Vidu: at most 20 MB a request)");
  }

  /**
   * The whole body, at most {@code limit} bytes.
   *
   * @throws TooLarge as soon as more than {@code limit} bytes have come
   * @throws IOException if the client went away or the read deadline closed the connection
   */
  static byte[] read(InputStream in, long limit) throws IOException, TooLarge {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) >= 0) {
      total += n;
      if (total > limit) {
        throw new TooLarge(total);
      }
      body.write(buffer, 0, n);
    }
    return body.toByteArray();
  }
}
