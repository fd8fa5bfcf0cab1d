package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.testing.Responses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Each domain event carries the handle of its call, so the events of calls running at the same time
 * can be paired; HTTP-level events come from OkHttp's own listener, installed through {@code
 * httpClient}.
 */
class EventHandlesTest extends ClientHarness {
  @Test
  void aDownloadsRetriesAndItsEndShareOneHandleAndAnotherCallHasItsOwn() {
    RecordingListener listener = new RecordingListener();
    server.enqueue(Responses.error(503, "ServerBusy", "x"));
    server.enqueue(new MockResponse.Builder().body("png").build());
    server.enqueue(Responses.error(503, "ServerBusy", "x"));
    server.enqueue(new MockResponse.Builder().body("jpg").build());
    try (ViduClient observed = client(b -> b.eventListener(listener))) {
      observed.downloads().toStream(server.url("/a.png").toString(), new ByteArrayOutputStream());
      observed.downloads().toStream(server.url("/b.png").toString(), new ByteArrayOutputStream());
    }

    List<Long> retries = listener.handlesOf("retryScheduled");
    List<Long> finished = listener.handlesOf("downloadFinished");
    assertThat(retries).hasSize(2);
    assertThat(finished).isEqualTo(retries);
    assertThat(retries.get(0)).isNotEqualTo(retries.get(1));
  }

  @Test
  void everyStateOneWaitReadsHasTheWaitsHandleAndItsPollsRetriesToo() {
    RecordingListener listener = new RecordingListener();
    server.enqueue(Responses.task("t-1", "processing"));
    server.enqueue(Responses.error(500, "InternalServiceFailure", "x"));
    server.enqueue(Responses.succeeded("t-1", "https://cdn.example/1.png"));
    server.enqueue(Responses.succeeded("t-2", "https://cdn.example/2.png"));
    AwaitOptions quick =
        AwaitOptions.defaults().withIntervals(Duration.ofMillis(10), Duration.ofMillis(10));
    try (ViduClient observed = client(b -> b.eventListener(listener))) {
      observed.tasks().await("t-1", quick);
      observed.tasks().await("t-2", quick);
    }

    List<Long> firstWait = listener.handlesOf("taskStateObserved t-1");
    assertThat(firstWait).hasSize(2).containsOnly(firstWait.get(0));
    assertThat(listener.handlesOf("retryScheduled")).containsExactly(firstWait.get(0));
    assertThat(listener.handlesOf("taskStateObserved t-2"))
        .singleElement()
        .isNotEqualTo(firstWait.get(0));
  }

  @Test
  void httpEventsComeFromOkHttpsListenerGivenThroughHttpClient() {
    List<String> http = new CopyOnWriteArrayList<>();
    EventListener okHttpEvents =
        new EventListener() {
          @Override
          public void callStart(Call call) {
            http.add(
                "callStart " + call.request().method() + " " + call.request().url().encodedPath());
          }

          @Override
          public void responseHeadersEnd(Call call, Response response) {
            http.add("response " + response.code());
          }

          @Override
          public void callFailed(Call call, IOException e) {
            http.add("callFailed");
          }
        };
    server.enqueue(Responses.task("t-1", "processing"));
    server.enqueue(new MockResponse.Builder().body("png").build());
    OkHttpClient shared =
        new OkHttpClient.Builder().eventListenerFactory(call -> okHttpEvents).build();
    try (ViduClient observed = client(b -> b.httpClient(shared))) {
      observed.tasks().get("t-1");
      observed.downloads().toStream(server.url("/a.png").toString(), new ByteArrayOutputStream());
    }

    assertThat(http)
        .containsExactly(
            "callStart GET /ent/v2/tasks/t-1/creations",
            "response 200",
            "callStart GET /a.png",
            "response 200");
  }
}
