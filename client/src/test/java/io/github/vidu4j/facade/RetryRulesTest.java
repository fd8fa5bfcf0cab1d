package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.testing.Responses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A paid task is created at most once, whatever fails; reads are retried. */
class RetryRulesTest extends ClientHarness {
  /** The default {@code maxRetries} the builder documents. */
  private static final int DEFAULT_MAX_RETRIES = 2;

  static ReferenceToImageRequest request() {
    return new ReferenceToImageRequest().model("viduq2").prompt("a red fox in the snow");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void createIsNotRetriedAfter5xxAndSaysTheTaskMayExist(int status) {
    server.enqueue(Responses.error(status, "InternalServiceFailure", "internal service failure"));
    server.enqueue(Responses.created("never-used"));

    assertThatThrownBy(() -> client.images().create(request()))
        .isInstanceOfSatisfying(
            ViduApiException.class, e -> assertThat(e.statusCode()).isEqualTo(status))
        .hasMessageContaining("task may exist")
        .hasMessageContaining("client.tasks().list");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCreateAnswered503WithRetryAfterZeroIsSentOnceNotResentByOkHttp() {
    // OkHttp's follow-up step re-sends any request on "503, Retry-After: 0" unless something stops
    // it.
    server.enqueue(
        new MockResponse.Builder(Responses.error(503, "InternalServiceFailure", "busy"))
            .setHeader("Retry-After", "0")
            .build());
    server.enqueue(Responses.created("a-second-paid-task"));

    assertThatThrownBy(() -> client.images().create(request()))
        .isInstanceOfSatisfying(
            ViduApiException.class, e -> assertThat(e.statusCode()).isEqualTo(503))
        .hasMessageContaining("task may exist");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  static Stream<Arguments> unreadableSuccesses() {
    return Stream.of(
        Arguments.of("unparseable JSON", Responses.json(200, "{\"task_id\": ]")),
        Arguments.of("JSON of the wrong shape", Responses.json(200, "[1, 2]")),
        Arguments.of("an empty 200 body", new MockResponse.Builder().code(200).build()),
        Arguments.of("a 204", new MockResponse.Builder().code(204).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableSuccesses")
  void aCreateWhoseSuccessCannotBeReadSaysTheTaskMayExist(String kind, MockResponse response) {
    server.enqueue(response);
    server.enqueue(Responses.created("never-used"));

    assertThatThrownBy(() -> client.images().create(request()))
        .isInstanceOf(ViduException.class)
        .hasMessageContaining("task may exist")
        .hasMessageContaining("client.tasks().list");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createIsNotRetriedAfterAReadTimeout() {
    try (ViduClient quick = client(b -> b.readTimeout(Duration.ofMillis(200)))) {
      server.enqueue(
          new MockResponse.Builder(Responses.created("t-1"))
              .headersDelay(2, TimeUnit.SECONDS)
              .build());
      server.enqueue(Responses.created("t-2"));

      assertThatThrownBy(() -> quick.images().create(request()))
          .isInstanceOfSatisfying(
              ViduTransportException.class, e -> assertThat(e.mayHaveReachedVidu()).isTrue())
          .hasMessageContaining("timed out after the request may have been sent")
          .hasMessageContaining("task may exist");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void createIsNotRetriedWhenTheConnectionDropsAfterTheRequestWasRead() {
    server.enqueue(
        new MockResponse.Builder(Responses.created("t-1"))
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(Responses.created("t-2"));

    assertThatThrownBy(() -> client.images().create(request()))
        .isInstanceOfSatisfying(
            ViduTransportException.class, e -> assertThat(e.mayHaveReachedVidu()).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TooManyRequests", "SystemThrottling"})
  void createIsRetriedAfterA429ThatRejectedItBeforeAcceptingATask(String reason) throws Exception {
    server.enqueue(Responses.error(429, reason, "slow down"));
    server.enqueue(Responses.created("t-1"));

    ReferenceToImageTask task = client.images().create(request());

    assertThat(task.getTaskId()).isEqualTo("t-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).hasSize(1);
  }

  @Test
  void createIsNotRetriedAfterQuotaExceeded() {
    server.enqueue(Responses.error(429, "QuotaExceeded", "quota exceeded"));
    server.enqueue(Responses.created("t-1"));

    assertThatThrownBy(() -> client.images().create(request()))
        .isInstanceOfSatisfying(
            ViduApiException.class,
            e -> {
              assertThat(e.reason()).contains("QuotaExceeded");
              assertThat(e.isRetryable()).isTrue();
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createIsRetriedWhenNoConnectionCouldBeMade() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    OkHttpClient flakyDns =
        new OkHttpClient.Builder()
            .dns(
                host -> {
                  if (lookups.getAndIncrement() == 0) {
                    throw new UnknownHostException("simulated DNS failure for " + host);
                  }
                  return List.of(InetAddress.getLoopbackAddress());
                })
            .build();
    server.enqueue(Responses.created("t-1"));
    try (ViduClient viaDns =
        client(b -> b.httpClient(flakyDns).baseUrl("http://vidu.test:" + server.getPort() + "/"))) {

      ReferenceToImageTask task = viaDns.images().create(request());

      assertThat(task.getTaskId()).isEqualTo("t-1");
      assertThat(lookups.get()).isEqualTo(2);
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void createRetriesARefusedConnectionThenSaysNothingWasSent() throws Exception {
    int port = server.getPort();
    server.close();
    try (ViduClient down = client(b -> b.baseUrl("http://127.0.0.1:" + port + "/"))) {
      assertThatThrownBy(() -> down.images().create(request()))
          .isInstanceOfSatisfying(
              ViduTransportException.class, e -> assertThat(e.mayHaveReachedVidu()).isFalse())
          .hasMessageContaining("before a connection was established");
      assertThat(time.sleeps).hasSize(DEFAULT_MAX_RETRIES);
    }
  }

  @Test
  void readsAreRetriedOn5xxAnd429AndTransportFailures() {
    server.enqueue(Responses.error(503, "InternalServiceFailure", "busy"));
    server.enqueue(Responses.error(429, "TooManyRequests", "slow down"));
    server.enqueue(Responses.task("t-1", "processing"));

    assertThat(client.tasks().get("t-1").getState().getValue()).isEqualTo("processing");
    assertThat(server.getRequestCount()).isEqualTo(3);

    server.enqueue(
        new MockResponse.Builder(Responses.task("t-1", "queueing"))
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(Responses.task("t-1", "success"));
    assertThat(client.tasks().get("t-1").getState().getValue()).isEqualTo("success");
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0} {1}: retryable {2}")
  @CsvSource({
    "400, FieldInvalid, false",
    "400, OperationInProcess, false",
    "401, Unauthorized, false",
    "404, TaskNotFound, false",
    "408, RequestTimeout, true",
    "409, Conflict, false",
    "429, TooManyRequests, true",
    "429, QuotaExceeded, true",
    "499, Canceled, false",
    "500, InternalServiceFailure, true",
    "501, NotImplemented, false",
    "502, BadGateway, true",
    "503, ServiceUnavailable, true",
    "504, GatewayTimeout, true",
    "599, Unknown, true",
  })
  void isRetryableSaysExactlyWhatTheClientRetriesForReads(
      int status, String reason, boolean retryable) {
    try (ViduClient once = client(b -> b.maxRetries(0));
        ViduClient twice = client(b -> b.maxRetries(1))) {
      server.enqueue(Responses.error(status, reason, "x"));
      assertThatThrownBy(() -> once.tasks().get("t-1"))
          .isInstanceOfSatisfying(
              ViduApiException.class, e -> assertThat(e.isRetryable()).isEqualTo(retryable));

      server.enqueue(Responses.error(status, reason, "x"));
      server.enqueue(Responses.task("t-1", "success"));
      try {
        twice.tasks().get("t-1");
      } catch (ViduApiException expectedWhenNotRetried) {
        // the request count below tells
      }
      assertThat(server.getRequestCount()).as("requests").isEqualTo(retryable ? 3 : 2);
    }
  }

  @Test
  void readsStopAfterMaxRetries() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(Responses.error(500, "InternalServiceFailure", "down"));
    }
    assertThatThrownBy(() -> client.tasks().get("t-1")).isInstanceOf(ViduApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1 + DEFAULT_MAX_RETRIES);
  }

  @Test
  void readsAreNotRetriedOnClientErrors() {
    server.enqueue(Responses.error(404, "TaskNotFound", "task not found"));
    assertThatThrownBy(() -> client.tasks().get("t-404")).isInstanceOf(ViduApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retryAfterIsHonouredButCapped() {
    server.enqueue(
        new MockResponse.Builder(Responses.error(429, "TooManyRequests", "wait"))
            .setHeader("Retry-After", "7")
            .build());
    server.enqueue(
        new MockResponse.Builder(Responses.error(503, "InternalServiceFailure", "wait"))
            .setHeader("Retry-After", "3600")
            .build());
    server.enqueue(Responses.task("t-1", "success"));

    client.tasks().get("t-1");

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(30));
  }

  @Test
  void readsAreRetriedAfterA408() {
    server.enqueue(Responses.error(408, "RequestTimeout", "request timeout"));
    server.enqueue(Responses.task("t-1", "processing"));

    assertThat(client.tasks().get("t-1").getState().getValue()).isEqualTo("processing");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).hasSize(1);
  }

  @Test
  void retryAfterAsAnHttpDateIsTheTimeUntilThatDate() {
    // FakeTime starts at 2026-11-25T10:00:00Z.
    server.enqueue(
        new MockResponse.Builder(Responses.error(503, "InternalServiceFailure", "wait"))
            .setHeader("Retry-After", "Wed, 25 Nov 2026 10:00:12 GMT")
            .build());
    server.enqueue(
        new MockResponse.Builder(Responses.error(429, "TooManyRequests", "wait"))
            .setHeader("Retry-After", "Wed, 25 Nov 2026 09:00:00 GMT")
            .build());
    server.enqueue(Responses.task("t-1", "success"));

    client.tasks().get("t-1");

    assertThat(time.sleeps)
        .as("a date in the past means now")
        .containsExactly(Duration.ofSeconds(12), Duration.ZERO);
  }

  @Test
  void backoffGrowsWithJitterWithinBounds() {
    try (ViduClient patient = client(b -> b.maxRetries(4))) {
      for (int i = 0; i < 5; i++) {
        server.enqueue(Responses.error(500, "InternalServiceFailure", "down"));
      }
      assertThatThrownBy(() -> patient.tasks().get("t-1")).isInstanceOf(ViduApiException.class);
      assertThat(time.sleeps).hasSize(4);
      long[] ceilings = {500, 1000, 2000, 4000};
      for (int i = 0; i < 4; i++) {
        assertThat(time.sleeps.get(i).toMillis()).isBetween(ceilings[i] / 2, ceilings[i]);
      }
    }
  }

  @Test
  void noRetryStartsPastTheRetryBudget() {
    try (ViduClient hurried = client(b -> b.retryBudget(Duration.ofSeconds(5)))) {
      server.enqueue(
          new MockResponse.Builder(Responses.error(503, "InternalServiceFailure", "wait"))
              .setHeader("Retry-After", "10")
              .build());
      server.enqueue(Responses.task("t-1", "success"));
      assertThatThrownBy(() -> hurried.tasks().get("t-1")).isInstanceOf(ViduApiException.class);
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }
}
