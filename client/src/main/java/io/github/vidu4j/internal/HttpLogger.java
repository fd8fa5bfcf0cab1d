package io.github.vidu4j.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs each request line, its headers with {@code Authorization} redacted, and the response
 * status and time. URLs are logged by {@link SafeUrl}: the download client shares this logger,
 * and a presigned result URL's query is a credential. Bodies are never logged: a request may carry 20 MB of image data, and
 * callback payloads are the user's.
 */
public final class HttpLogger implements Interceptor {
  private final Consumer<String> sink;

  public HttpLogger(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    StringBuilder line = new StringBuilder("--> ").append(request.method()).append(' ').append(SafeUrl.of(request.url()));
    if (request.body() != null) {
      long length = request.body().contentLength();
      line.append(length >= 0 ? " (" + length + "-byte body)" : " (streamed body)");
    }
    sink.accept(line.toString());
    logHeaders(request.headers());
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      sink.accept("<-- " + response.code() + " " + request.method() + " " + request.url().encodedPath() + " (" + millis + " ms)");
      return response;
    } catch (IOException e) {
      sink.accept("<-- failed " + request.method() + " " + request.url().encodedPath() + ": " + e);
      throw e;
    }
  }

  private void logHeaders(Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = isSecret(name) ? redact(headers.value(i)) : headers.value(i);
      sink.accept("    " + name + ": " + value);
    }
  }

  private static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("authorization") || lower.equals("proxy-authorization") || lower.equals("cookie");
  }

  private static String redact(String value) {
    int space = value.indexOf(' ');
    return (space > 0 ? value.substring(0, space + 1) : "") + "<redacted>";
  }
}
