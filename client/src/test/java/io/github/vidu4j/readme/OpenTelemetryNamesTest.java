package io.github.vidu4j.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.ViduClient;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class OpenTelemetryNamesTest {
  @Test
  void aRetriedWaitBecomesARetryAndTwoPollsOfOneCallWithTheNamesTheReadmeGives() throws Exception {
    OpenTelemetryNames names = new OpenTelemetryNames();
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(503)
          .body("{\"code\":503,\"reason\":\"InternalServiceFailure\",\"message\":\"x\",\"metadata\":{\"trace_id\":\"abc123\"}}").build());
      server.enqueue(new MockResponse.Builder().body("{\"id\":\"t-1\",\"state\":\"processing\"}").build());
      server.enqueue(new MockResponse.Builder()
          .body("{\"id\":\"t-1\",\"state\":\"success\",\"creations\":[{\"id\":\"c\",\"url\":\"https://cdn.example/1.png\"}]}").build());
      server.start();
      try (ViduClient client = ViduClient.builder().apiKey("vda_otel_key").baseUrl(server.url("/").toString())
          .maxRetryWait(Duration.ofMillis(10)).eventListener(names).build()) {
        client.tasks().await("t-1", io.github.vidu4j.AwaitOptions.defaults()
            .withIntervals(Duration.ofMillis(10), Duration.ofMillis(10)));
      }

      assertThat(names.records).hasSize(3);
      assertThat(names.records.get(0)).containsEntry("name", "vidu.retry").containsEntry("http.request.resend_count", 1)
          .containsEntry("vidu.operation", "GET /ent/v2/tasks/t-1/creations");
      assertThat(names.records.get(1)).containsEntry("name", "vidu.task.poll").containsEntry("vidu.task.id", "t-1")
          .containsEntry("vidu.task.state", "processing");
      assertThat(names.records.get(2)).containsEntry("vidu.task.state", "success");
      assertThat(names.records).extracting(r -> r.get("vidu.call.id")).containsOnly(names.records.get(0).get("vidu.call.id"));
      assertThat(names.records).noneSatisfy(r -> assertThat(r.toString()).contains("vda_otel_key"));
    }
  }
}
