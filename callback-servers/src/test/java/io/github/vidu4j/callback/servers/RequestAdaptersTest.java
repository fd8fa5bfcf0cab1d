package io.github.vidu4j.callback.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.ViduEventListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class RequestAdaptersTest {
  private static final String URL = "https://hooks.example.com/vidu/callback?tenant=acme";
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void servletRequestIsReadOnceAndVerifies() {
    Map<String, String> signed = CallbackSigner.withSecret("k").sign("POST", URL, NOW, "n-1");
    byte[] body = "{\"id\":\"t-9\",\"state\":\"success\"}".getBytes(StandardCharsets.UTF_8);
    int[] streamsOpened = {0};
    HttpServletRequest servlet =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getMethod" -> "POST";
                      // Containers may report names in lower case (HTTP/2 always does).
                      case "getHeaderNames" ->
                          Collections.enumeration(
                              signed.keySet().stream().map(String::toLowerCase).toList());
                      case "getHeaders" ->
                          Collections.enumeration(
                              List.of(
                                  signed.entrySet().stream()
                                      .filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                                      .findFirst()
                                      .orElseThrow()
                                      .getValue()));
                      case "getInputStream" -> {
                        streamsOpened[0]++;
                        yield servletStream(body);
                      }
                      default -> throw new UnsupportedOperationException(method.getName());
                    });

    CallbackRequest request = ServletCallbackRequests.from(servlet, URL);
    VerifiedCallback callback =
        CallbackVerifier.builder()
            .secret("k")
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build()
            .verify(request);

    assertThat(streamsOpened[0]).isEqualTo(1);
    assertThat(request.body()).isEqualTo(body);
    assertThat(callback.taskId()).contains("t-9");
    assertThat(request.headers("X-HMAC-SIGNATURE")).containsExactly(signed.get("X-HMAC-SIGNATURE"));
  }

  @Test
  void aBodyThatCannotBeReadIsTyped() {
    HttpServletRequest servlet =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getMethod" -> "POST";
                      case "getHeaderNames", "getHeaders" -> Collections.emptyEnumeration();
                      case "getInputStream" ->
                          new ServletInputStream() {
                            @Override
                            public int read() throws java.io.IOException {
                              throw new java.io.EOFException("client went away");
                            }

                            @Override
                            public int read(byte[] buffer, int offset, int length)
                                throws java.io.IOException {
                              throw new java.io.EOFException("client went away");
                            }

                            @Override
                            public boolean isFinished() {
                              return false;
                            }

                            @Override
                            public boolean isReady() {
                              return true;
                            }

                            @Override
                            public void setReadListener(jakarta.servlet.ReadListener listener) {}
                          };
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    assertThatThrownBy(() -> ServletCallbackRequests.from(servlet, URL))
        .isExactlyInstanceOf(io.github.vidu4j.core.ViduException.class)
        .hasMessageContaining("cannot read the callback body")
        .hasCauseInstanceOf(java.io.EOFException.class);
  }

  @Test
  void jdkHttpServerExchangeIsReadAndEveryVerdictIsAnEventWithoutTheSecret() throws Exception {
    String secret = "vda_callback_secret_51e3";
    List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    ViduEventListener listener =
        new ViduEventListener() {
          @Override
          public void callbackVerified(long callId, java.util.Optional<String> taskId) {
            events.add("verified " + taskId.orElse("-"));
          }

          @Override
          public void callbackRejected(long callId, InvalidSignatureException.Reason reason) {
            events.add("rejected " + reason);
          }
        };
    CallbackVerifier verifier =
        CallbackVerifier.builder()
            .secret(secret)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .eventListener(listener)
            .build();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/vidu/callback",
        exchange -> {
          int status = 200;
          try {
            verifier.verify(JdkHttpServerCallbackRequests.from(exchange, URL));
          } catch (InvalidSignatureException e) {
            status = 401;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    OkHttpClient http = new OkHttpClient();
    try {
      String target =
          "http://127.0.0.1:" + server.getAddress().getPort() + "/vidu/callback?tenant=acme";
      Map<String, String> signed = CallbackSigner.withSecret(secret).sign("POST", URL, NOW, "n-1");
      Map<String, String> forged =
          CallbackSigner.withSecret("another").sign("POST", URL, NOW, "n-2");
      assertThat(send(http, target, signed)).isEqualTo(200);
      assertThat(send(http, target, forged)).isEqualTo(401);
      assertThat(send(http, target, signed)).isEqualTo(401);
    } finally {
      server.stop(0);
      http.connectionPool().evictAll();
    }

    assertThat(events)
        .containsExactly("verified t-9", "rejected BAD_SIGNATURE", "rejected REPLAYED");
    assertThat(String.join("\n", events)).doesNotContain(secret);
  }

  private static int send(OkHttpClient http, String target, Map<String, String> headers)
      throws Exception {
    Request.Builder request =
        new Request.Builder()
            .url(target)
            .post(
                RequestBody.create(
                    "{\"id\":\"t-9\",\"state\":\"success\"}", MediaType.get("application/json")));
    headers.forEach(request::header);
    try (Response response = http.newCall(request.build()).execute()) {
      return response.code();
    }
  }

  @Test
  void aBodyOfOneMebibyteIsReadAndALongerOneIsRefusedUnread() {
    byte[] limit = new byte[1024 * 1024];
    CallbackRequest request = ServletCallbackRequests.from(servletWithBody(limit), URL);
    assertThat(request.body()).hasSize(limit.length);

    assertThatThrownBy(
            () -> ServletCallbackRequests.from(servletWithBody(new byte[limit.length + 1]), URL))
        .isExactlyInstanceOf(io.github.vidu4j.core.ViduException.class)
        .hasMessage("the callback body is over 1048576 bytes: not a Vidu callback");
  }

  private HttpServletRequest servletWithBody(byte[] body) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getMethod" -> "POST";
                  case "getHeaderNames", "getHeaders" -> Collections.emptyEnumeration();
                  case "getInputStream" -> servletStream(body);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @SuppressWarnings("InputStreamSlowMultibyteRead")
  private static ServletInputStream servletStream(byte[] bytes) {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    // One byte at a time on purpose: the adapter must not depend on bulk reads.
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
