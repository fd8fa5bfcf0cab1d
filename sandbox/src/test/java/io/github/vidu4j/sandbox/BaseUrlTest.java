package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The printed base URL is the one other-language clients and curl lines append paths to. */
class BaseUrlTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static HttpResponse<String> get(String url, String key) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Token " + key)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String printedBaseUrl(ViduSandbox sandbox) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SandboxMain.printBanner(sandbox, new PrintStream(out, true, StandardCharsets.UTF_8));
    String banner = out.toString(StandardCharsets.UTF_8);
    int at = banner.indexOf("VIDU_BASE_URL=") + "VIDU_BASE_URL=".length();
    return banner.substring(at, banner.indexOf(' ', at));
  }

  @Test
  void thePrintedBaseUrlWorksWithThePathAppended() throws Exception {
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast())) {
      String printed = printedBaseUrl(sandbox);
      assertThat(printed).isEqualTo(sandbox.origin()).doesNotEndWith("/");

      HttpResponse<String> credits = get(printed + "/ent/v2/credits", sandbox.demoKey());

      assertThat(credits.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aDoubledSlashIsAnsweredWithThePathActuallySent() throws Exception {
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast())) {
      HttpResponse<String> answer = get(sandbox.baseUrl() + "/ent/v2/credits", sandbox.demoKey());

      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.body())
          .contains("not found: GET //ent/v2/credits")
          .contains("doubled slash");
    }
  }
}
