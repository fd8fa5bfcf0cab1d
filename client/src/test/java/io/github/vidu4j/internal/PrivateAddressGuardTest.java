package io.github.vidu4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.core.PrivateAddressException;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard checks every hop of OkHttp's own redirects (which downloads follow). Both servers are
 * on loopback, so "internal" is one of their ports.
 */
class PrivateAddressGuardTest {
  final MockWebServer storage = new MockWebServer();
  final MockWebServer internal = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    storage.start();
    internal.start();
  }

  @AfterEach
  void stop() throws Exception {
    storage.close();
    internal.close();
  }

  OkHttpClient client() {
    PrivateAddressGuard guard =
        PrivateAddressGuard.refusing(reached -> reached.getPort() == internal.getPort());
    return new OkHttpClient.Builder().addNetworkInterceptor(guard).followRedirects(true).build();
  }

  @Test
  void aRedirectToAnInternalAddressIsRefusedBeforeTheRequestIsWritten() {
    storage.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", internal.url("/latest/meta-data/"))
            .build());
    Request request = new Request.Builder().url(storage.url("/result.png")).build();

    assertThatThrownBy(() -> client().newCall(request).execute().close())
        .isInstanceOf(PrivateAddressException.class)
        .hasMessageContaining("/latest/meta-data/")
        .hasMessageContaining("loopback, private or link-local");
    assertThat(storage.getRequestCount()).isEqualTo(1);
    assertThat(internal.getRequestCount()).isZero();
  }

  @Test
  void aHopToAnAllowedAddressGoesThrough() throws Exception {
    storage.enqueue(new MockResponse.Builder().body("image").build());
    Request request = new Request.Builder().url(storage.url("/result.png")).build();

    try (Response response = client().newCall(request).execute()) {
      assertThat(response.body().string()).isEqualTo("image");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1.2.3",
        "0.0.0.0",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.100.100.200",
        "::1",
        "::",
        "fe80::1",
        "fd00::1",
        "::ffff:10.0.0.1"
      })
  void internalAddresses(String address) throws Exception {
    assertThat(PrivateAddressGuard.isInternal(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2001:4860:4860::8888"})
  void publicAddresses(String address) throws Exception {
    assertThat(PrivateAddressGuard.isInternal(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/",
        "http://localhost:8080/",
        "http://sandbox.localhost/",
        "http://10.0.0.5/",
        "http://[::1]:9000/"
      })
  void anApiAtAnInternalAddressAllowsInternalDownloads(String baseUrl) {
    assertThat(PrivateAddressGuard.isInternalHost(HttpUrl.get(baseUrl))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://api.vidu.com/", "https://8.8.8.8/", "http://internal.corp/"})
  void anApiAtAPublicOrNamedAddressDoesNot(String baseUrl) {
    assertThat(PrivateAddressGuard.isInternalHost(HttpUrl.get(baseUrl))).isFalse();
  }
}
