package io.github.vidu4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.testing.Responses;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The counts the await rows report: GETs sent, answers other than 200, and the reset. */
class PollCounterTest {
  @Test
  void countsGetsAndAnswersOtherThan200AndResetsOnlyThePolls() throws Exception {
    try (MockWebServer server = new MockWebServer();
        PollCounter counter = new PollCounter()) {
      server.enqueue(Responses.json(200, "{}"));
      server.enqueue(Responses.error(429, "TooManyRequests", "slow down"));
      server.enqueue(Responses.json(200, "{}"));
      server.enqueue(Responses.error(503, "ServiceUnavailable", "later"));
      server.start();
      OkHttpClient http = counter.http();

      send(http, new Request.Builder().url(server.url("/ent/v2/tasks/1/creations")).build());
      send(http, new Request.Builder().url(server.url("/ent/v2/tasks/1/creations")).build());
      assertThat(counter.polls()).isEqualTo(2);
      assertThat(counter.notAnswered200()).isEqualTo(1);

      counter.resetPolls();
      send(
          http,
          new Request.Builder()
              .url(server.url("/ent/v2/reference2image"))
              .post(RequestBody.create("{}", MediaType.get("application/json")))
              .build());
      send(http, new Request.Builder().url(server.url("/ent/v2/tasks/1/creations")).build());

      assertThat(counter.polls()).as("a POST is not a poll").isEqualTo(1);
      assertThat(counter.notAnswered200()).as("not reset with the polls").isEqualTo(2);
    }
  }

  private static void send(OkHttpClient http, Request request) throws Exception {
    try (Response response = http.newCall(request).execute()) {
      response.body().string();
    }
  }
}
