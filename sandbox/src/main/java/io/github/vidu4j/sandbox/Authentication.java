package io.github.vidu4j.sandbox;

import com.sun.net.httpserver.Headers;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Vidu's {@code Authorization: Token <api key>}, checked from the headers alone, before any body is
 * read.
 */
final class Authentication {
  private static final String SCHEME = "Token ";

  private Authentication() {}

  /** Why the request is refused with 401, or null if its key is accepted. */
  static @Nullable ApiError refusal(Headers headers, List<String> acceptedKeys) {
    String header = headers.getFirst("Authorization");
    if (header == null) {
      return new ApiError(
          401, "Unauthorized", "unauthorized: no Authorization header (expected: Token <api key>)");
    }
    if (!header.startsWith(SCHEME)) {
      return new ApiError(
          401,
          "Unauthorized",
          "unauthorized: the Authorization scheme must be Token, as in \"Token <api key>\"");
    }
    if (!acceptedKeys.contains(header.substring(SCHEME.length()))) {
      return new ApiError(
          401, "Unauthorized", "unauthorized: the API key is not accepted by this sandbox");
    }
    return null;
  }

  /** The key of a request {@link #refusal} accepted. */
  static String apiKey(Headers headers) {
    return headers.getFirst("Authorization").substring(SCHEME.length());
  }
}
