package io.github.vidu4j.callback.servers;

import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.core.ViduException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a Jakarta Servlet request as a {@link CallbackRequest}, for receivers in a Servlet
 * container; needs {@code jakarta.servlet-api} (an optional dependency of this module, which the
 * container provides).
 *
 * <p>Call it before anything reads the body (no {@code getParameter}, no JSON binding): the raw
 * bytes (at most 1 MiB, else a {@code ViduException}) are read once here and kept in the returned
 * request.
 */
public final class ServletCallbackRequests {
  private ServletCallbackRequests() {}

  /** The callback in {@code request}, verified later against {@code callbackUrl} as registered. */
  @SuppressWarnings("exports") // from an optional module the caller already reads (module-info)
  public static CallbackRequest from(HttpServletRequest request, String callbackUrl) {
    Objects.requireNonNull(request, "request == null");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    byte[] body;
    try {
      body = CallbackBodies.read(request.getInputStream());
    } catch (IOException e) {
      throw new ViduException("cannot read the callback body: " + e.getClass().getSimpleName(), e);
    }
    return CallbackRequest.of(request.getMethod(), callbackUrl, headers, body);
  }
}
