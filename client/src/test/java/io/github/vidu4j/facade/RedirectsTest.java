package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.testing.Responses;
import java.io.ByteArrayOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API calls follow only same-host GET redirects, at most 5; downloads follow OkHttp's, up to 20 to
 * any host. Two servers on loopback: the API host ({@code server}) and another ({@code elsewhere}),
 * whose different port makes it a different origin.
 */
class RedirectsTest extends ClientHarness {
  final MockWebServer elsewhere = new MockWebServer();

  @BeforeEach
  void startElsewhere() throws Exception {
    elsewhere.start();
  }

  @AfterEach
  void stopElsewhere() throws Exception {
    elsewhere.close();
  }

  static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).setHeader("Location", location).build();
  }

  @Test
  void aCreateRedirectedToAnotherHostIsNotReSentThere() throws Exception {
    server.enqueue(
        redirect(307, elsewhere.url("/ent/v2/reference2image?token=abc&x=1").toString()));
    elsewhere.enqueue(Responses.created("t-evil"));

    assertThatThrownBy(
            () ->
                client
                    .images()
                    .create(new ReferenceToImageRequest().model("viduq2").prompt("a fox")))
        .isInstanceOfSatisfying(
            ViduApiException.class, e -> assertThat(e.statusCode()).isEqualTo(307))
        .hasMessageContaining(
            "POST /ent/v2/reference2image: HTTP 307 redirect to http://"
                + elsewhere.getHostName()
                + ":"
                + elsewhere.getPort()
                + "/ent/v2/reference2image?token=\u2026&x=\u2026 (host "
                + elsewhere.getHostName()
                + ") not followed")
        .hasMessageNotContaining("abc");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(elsewhere.getRequestCount()).as("the body went nowhere else").isZero();
  }

  @Test
  void aCreateRedirectedOnTheSameHostIsNotReSentEither() {
    server.enqueue(redirect(308, "/ent/v2/reference2image-v3"));
    server.enqueue(Responses.created("t-2"));
    assertThatThrownBy(
            () ->
                client
                    .images()
                    .create(new ReferenceToImageRequest().model("viduq2").prompt("a fox")))
        .isInstanceOfSatisfying(
            ViduApiException.class, e -> assertThat(e.statusCode()).isEqualTo(308))
        .hasMessageContaining("a POST is never re-sent to a redirect's target");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aReadRedirectedToAnotherHostIsRefusedAndTheKeyStaysHome() {
    server.enqueue(redirect(302, elsewhere.url("/ent/v2/credits").toString()));
    elsewhere.enqueue(Responses.json(200, "{\"remains\":[]}"));
    assertThatThrownBy(client::credits)
        .isInstanceOfSatisfying(
            ViduApiException.class, e -> assertThat(e.statusCode()).isEqualTo(302))
        .hasMessageContaining("API calls follow redirects only on the same host");
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
  }

  @Test
  void aReadRedirectedOnTheSameHostIsFollowedWithItsKey() throws Exception {
    server.enqueue(redirect(301, "/ent/v2/credits-moved"));
    server.enqueue(
        Responses.json(200, "{\"remains\":[{\"type\":\"metered\",\"credit_remain\":3}]}"));
    assertThat(client.credits().getRemains()).hasSize(1);
    take();
    RecordedRequest followed = take();
    assertThat(followed.getUrl().encodedPath()).isEqualTo("/ent/v2/credits-moved");
    assertThat(followed.getHeaders().get("Authorization")).isEqualTo("Token " + API_KEY);
  }

  @Test
  void aRedirectLoopCostsSixRequestsNotTwentyOne() {
    for (int i = 0; i < 30; i++) {
      server.enqueue(redirect(302, "/ent/v2/credits"));
    }
    assertThatThrownBy(client::credits)
        .isInstanceOfSatisfying(
            ViduApiException.class, e -> assertThat(e.statusCode()).isEqualTo(302))
        .hasMessageContaining("already followed 5 redirects");
    assertThat(server.getRequestCount()).as("the request and 5 redirects, no retry").isEqualTo(6);
  }

  @Test
  void aDownloadFollowsRedirectsToAnotherHostWithoutTheKey() throws Exception {
    server.enqueue(redirect(302, elsewhere.url("/cdn/a.png").toString()));
    elsewhere.enqueue(new MockResponse.Builder().body("png").build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(client.downloads().toStream(server.url("/files/a.png?sig=1").toString(), out))
        .isEqualTo(3);
    assertThat(out.toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("png");
    assertThat(take().getHeaders().get("Authorization")).isNull();
    assertThat(elsewhere.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void aDownloadRedirectLoopEndsAtOkHttpsLimitAndIsNotRetried() {
    for (int i = 0; i < 30; i++) {
      server.enqueue(redirect(302, elsewhere.url("/hop").toString()));
      elsewhere.enqueue(redirect(302, server.url("/hop").toString()));
    }
    assertThatThrownBy(
            () ->
                client
                    .downloads()
                    .toStream(server.url("/files/a.png").toString(), new ByteArrayOutputStream()))
        .isInstanceOf(ViduTransportException.class)
        .hasMessageContaining("Too many follow-up requests");
    assertThat(server.getRequestCount() + elsewhere.getRequestCount())
        .as("the request and OkHttp's 20 redirects, one attempt")
        .isEqualTo(21);
  }
}
