package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.Region;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.testing.Responses;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ClientConfigTest extends ClientHarness {
  @Test
  void sendsTheKeyWithVidusTokenSchemeAndAUserAgent() throws Exception {
    server.enqueue(Responses.created("t-1"));
    try (ViduClient tagged = client(b -> b.userAgentSuffix("my-app/1.2"))) {
      tagged
          .images()
          .create(
              new ReferenceToImageRequest()
                  .model("viduq2")
                  .prompt("a red fox in the snow")
                  .resolution("2K"));
    }

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/ent/v2/reference2image");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + API_KEY);
    assertThat(request.getHeaders().get("User-Agent"))
        .matches("vidu4j/\\S+ \\(Java [^)]+\\) my-app/1\\.2");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    // Only what the caller set: Vidu applies the model's own defaults (aspect_ratio here).
    assertThat(request.getBody().utf8())
        .isEqualTo(
            "{\"model\":\"viduq2\",\"prompt\":\"a red fox in the snow\",\"resolution\":\"2K\"}");
  }

  @Test
  void keysWithWhitespaceOrBlankAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> ViduClient.builder().apiKey("   ")).hasMessage("apiKey is blank");
    assertThatThrownBy(() -> ViduClient.builder().apiKey("vda_secret\n"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("apiKey contains whitespace at index 10 of 11; copy the key again without it");
    assertThatThrownBy(() -> ViduClient.builder().build())
        .isInstanceOf(ViduException.class)
        .hasMessageContaining("apiKey is required");
    // The same condition as fromEnvironment's missing key, so the same type.
    assertThatThrownBy(() -> ViduClient.builder().fromEnvironment(Map.of()))
        .isInstanceOf(ViduException.class);
  }

  /** The brief's rule: everything vidu4j throws, a refused setting or argument too, is typed. */
  @Test
  void aRefusedSettingOrArgumentIsAViduExceptionNamingIt() {
    Map<String, org.assertj.core.api.ThrowableAssert.ThrowingCallable> refusals =
        Map.of(
            "maxRetries", () -> ViduClient.builder().maxRetries(11),
            "pageSize", () -> io.github.vidu4j.TaskQuery.all().pageSize(0),
            "backoffAfter",
                () ->
                    io.github.vidu4j.AwaitOptions.defaults()
                        .withBackoffAfter(java.time.Duration.ofSeconds(-1)),
            "maxAge",
                () ->
                    io.github.vidu4j.callback.CallbackVerifier.builder()
                        .maxAge(java.time.Duration.ofDays(30)),
            "taskId", () -> client.tasks().get(".."),
            "callbackUrl",
                () ->
                    io.github.vidu4j.callback.CallbackSigner.withSecret("s")
                        .sign("POST", "https://h.example/a%zz?token=s3cret", Instant.EPOCH, "n"));
    refusals.forEach(
        (setting, call) ->
            assertThatThrownBy(call)
                .as(setting)
                .isInstanceOf(ViduException.class)
                .isInstanceOfSatisfying(
                    InvalidSettingException.class,
                    e -> assertThat(e.setting()).isEqualTo(setting)));
    assertThatThrownBy(() -> client.tasks().get(" ")).isInstanceOf(InvalidSettingException.class);
    assertThatThrownBy(() -> client.tasks().get(".")).isInstanceOf(InvalidSettingException.class);
    assertThatThrownBy(
            () ->
                io.github.vidu4j.callback.CallbackSigner.withSecret("s")
                    .sign("POST", "https://h.example/a%zz?token=s3cret", Instant.EPOCH, "n"))
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> ViduClient.builder().baseUrl("api.vidu.com/?token=s3cret"))
        .hasMessageNotContaining("s3cret");
    // A download URL usually comes from Vidu: not the caller's setting, but typed all the same.
    assertThatThrownBy(
            () -> client.downloads().toStream("ftp://x/y", java.io.OutputStream.nullOutputStream()))
        .isInstanceOf(ViduException.class)
        .isNotInstanceOf(InvalidSettingException.class);
    assertThat(server.getRequestCount()).as("nothing sent").isZero();
  }

  @Test
  void theKeyNeverAppearsInToString() {
    assertThat(client.toString()).doesNotContain(API_KEY).contains("<redacted>");
    assertThat(ViduClient.builder().apiKey(API_KEY).toString()).doesNotContain(API_KEY);
  }

  @Test
  void environmentSuppliesKeyAndBaseUrl() {
    try (ViduClient fromEnv =
        ViduClient.builder()
            .fromEnvironment(
                Map.of("VIDU_API_KEY", API_KEY, "VIDU_BASE_URL", "http://localhost:1234/vidu"))
            .build()) {
      assertThat(fromEnv.baseUrl()).isEqualTo("http://localhost:1234/vidu/");
    }
    assertThatThrownBy(() -> ViduClient.builder().fromEnvironment(Map.of()))
        .isInstanceOf(ViduException.class)
        .hasMessageContaining("VIDU_API_KEY is not set");
  }

  @Test
  void regionsSelectTheBaseUrl() {
    try (ViduClient cn = ViduClient.builder().apiKey(API_KEY).region(Region.CN).build()) {
      assertThat(cn.baseUrl()).isEqualTo("https://api.vidu.cn/");
    }
    assertThatThrownBy(() -> ViduClient.builder().baseUrl("ftp://x"))
        .hasMessageContaining("not an absolute http(s) URL");
  }

  @Test
  void baseUrlsWithAUserOrPasswordAreRefusedWithoutEchoingThem() {
    for (String url :
        List.of(
            "https://user:s3cr3t-pw@proxy.example.com/vidu",
            "https://s3cr3t-pw@proxy.example.com/",
            "http://user:s3cr3t-pw@proxy.example.com:99999/",
            "ftp://user:s3cr3t-pw@proxy.example.com/")) {
      assertThatThrownBy(() -> ViduClient.builder().baseUrl(url))
          .as(url)
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("must not contain a user name or password")
          .hasMessageNotContaining("s3cr3t-pw");
    }
    assertThatThrownBy(
            () -> ViduClient.builder().baseUrl("https://proxy.example.com/?token=s3cr3t-pw"))
        .hasMessageContaining("must have no query")
        .hasMessageNotContaining("s3cr3t-pw");
    assertThat(ViduClient.builder().baseUrl("https://proxy.example.com/a@b/").toString())
        .contains("https://proxy.example.com/a@b/");
  }

  @Test
  void newBuilderMakesAClientWithTheSameSettingsButTheOneChanged() throws Exception {
    server.enqueue(Responses.task("t-1", "processing"));
    server.enqueue(Responses.task("t-1", "processing"));
    ViduClient tagged = client(b -> b.userAgentSuffix("my-app/1.2"));
    // Closing the first leaves the derived one working: each owns its executor and connections.
    tagged.close();
    try (ViduClient derived = tagged.newBuilder().maxRetries(0).build()) {
      derived.tasks().get("t-1");
      assertThat(
              derived.async().get("t-1").get(5, java.util.concurrent.TimeUnit.SECONDS).getState())
          .isNotNull();
      assertThat(derived.baseUrl()).isEqualTo(tagged.baseUrl());
    }

    RecordedRequest request = take();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + API_KEY);
    assertThat(request.getHeaders().get("User-Agent")).endsWith(" my-app/1.2");
  }

  @Test
  void eventsTellOfRetriesWithoutTheKey() {
    RecordingListener listener = new RecordingListener();
    server.enqueue(Responses.error(500, "InternalServiceFailure", "x"));
    server.enqueue(Responses.task("t-1", "processing"));
    try (ViduClient observed = client(b -> b.eventListener(listener))) {
      observed.tasks().get("t-1");
    }

    assertThat(listener.events)
        .singleElement()
        .satisfies(
            e -> assertThat(e).startsWith("retryScheduled GET /ent/v2/tasks/t-1/creations 1/2 "));
    assertThat(listener.all()).doesNotContain(API_KEY);
  }
}
