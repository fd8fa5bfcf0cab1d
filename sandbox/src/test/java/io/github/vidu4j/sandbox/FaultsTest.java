package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The resilience the client promises, against faults the sandbox plays on demand. */
class FaultsTest {
  @RegisterExtension static final ViduSandboxExtension vidu = ViduSandboxExtension.create();

  static final ReferenceToImageRequest REQUEST =
      new ReferenceToImageRequest().model("viduq2").prompt("a paper boat");

  ViduClient client() {
    return vidu.sandbox().clientBuilder().maxRetryWait(Duration.ofMillis(50)).build();
  }

  @Test
  void throttledCreateIsRetriedAndCreatesExactlyOneTask() {
    vidu.sandbox()
        .faults()
        .next(Operation.CREATE_TASK, Fault.error(429, "TooManyRequests", Duration.ZERO));
    int before = vidu.sandbox().taskCount();
    try (ViduClient client = client()) {
      client.images().create(REQUEST);
    }
    assertThat(vidu.sandbox().received(Operation.CREATE_TASK))
        .extracting(RecordedExchange::status)
        .containsExactly(429, 200);
    assertThat(vidu.sandbox().taskCount()).isEqualTo(before + 1);
  }

  @Test
  void aCreateWhoseAnswerIsLostIsNotRepeated() {
    vidu.sandbox().faults().next(Operation.CREATE_TASK, Fault.dropAfterProcessing());
    int before = vidu.sandbox().taskCount();
    try (ViduClient client = client()) {
      assertThatThrownBy(() -> client.images().create(REQUEST))
          .isInstanceOfSatisfying(
              ViduTransportException.class, e -> assertThat(e.mayHaveReachedVidu()).isTrue())
          .hasMessageContaining("tasks().list");
    }
    assertThat(vidu.sandbox().received(Operation.CREATE_TASK)).hasSize(1);
    assertThat(vidu.sandbox().taskCount()).isEqualTo(before + 1);
  }

  @Test
  void internalErrorsAndDroppedConnectionsOnReadsAreRetried() {
    vidu.sandbox().givenTask("t-read", TaskState.PROCESSING);
    vidu.sandbox()
        .faults()
        .next(
            Operation.GET_TASK,
            Fault.error(500, "InternalServiceFailure"),
            Fault.dropBeforeReading());
    try (ViduClient client = client()) {
      assertThat(client.tasks().get("t-read").getState()).isEqualTo(TaskState.PROCESSING);
    }
    assertThat(vidu.sandbox().received(Operation.GET_TASK))
        .extracting(RecordedExchange::status)
        .containsExactly(500, -1, 200);
  }

  @Test
  void serverErrorOnCreateIsNotRetried() {
    vidu.sandbox().faults().next(Operation.CREATE_TASK, Fault.error(500, "InternalServiceFailure"));
    try (ViduClient client = client()) {
      assertThatThrownBy(() -> client.images().create(REQUEST))
          .isInstanceOfSatisfying(
              ViduApiException.class,
              e -> assertThat(e.reason()).contains("InternalServiceFailure"));
    }
    assertThat(vidu.sandbox().received(Operation.CREATE_TASK)).hasSize(1);
  }

  @Test
  void unknownFieldsAndNewStatesAreToleratedAndKept() {
    vidu.sandbox().givenTask("t-new", TaskState.PROCESSING);
    vidu.sandbox()
        .faults()
        .next(
            Operation.GET_TASK,
            Fault.extraField("x_watermark", "{\"kind\":\"visible\"}"),
            Fault.state("archiving"));
    try (ViduClient client = client()) {
      TaskCreations withField = client.tasks().get("t-new");
      assertThat(RawJson.unknownFields(withField)).containsKey("x_watermark");
      TaskCreations withState = client.tasks().get("t-new");
      assertThat(withState.getState()).isEqualTo(TaskState.UNKNOWN_DEFAULT_OPEN_API);
      assertThat(RawJson.field(withState, "state")).contains("archiving");
    }
  }

  @Test
  void everyTaskCanShowAnUnlistedStateOnItsFirstPollOnly() {
    vidu.sandbox().givenTask("t-first", TaskState.PROCESSING);
    vidu.sandbox().givenTask("t-second", TaskState.SUCCESS);
    vidu.sandbox().faults().unlistedStateOnFirstPoll("scheduled");
    try (ViduClient client = client()) {
      TaskCreations first = client.tasks().get("t-first");
      assertThat(first.getState()).isEqualTo(TaskState.UNKNOWN_DEFAULT_OPEN_API);
      assertThat(RawJson.field(first, "state")).contains("scheduled");
      assertThat(client.tasks().get("t-first").getState()).isEqualTo(TaskState.PROCESSING);
      assertThat(RawJson.field(client.tasks().get("t-second"), "state")).contains("scheduled");
      assertThat(client.tasks().await("t-second").getState()).isEqualTo(TaskState.SUCCESS);

      vidu.sandbox().faults().clear();
      vidu.sandbox().givenTask("t-after-clear", TaskState.QUEUEING);
      assertThat(client.tasks().get("t-after-clear").getState()).isEqualTo(TaskState.QUEUEING);
    }
    assertThatThrownBy(() -> vidu.sandbox().faults().unlistedStateOnFirstPoll(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void slowAnswersHitTheClientsReadTimeout() {
    vidu.sandbox().givenTask("t-slow", TaskState.QUEUEING);
    vidu.sandbox().faults().next(Operation.GET_TASK, Fault.delay(Duration.ofMillis(800)));
    try (ViduClient client =
        vidu.sandbox().clientBuilder().readTimeout(Duration.ofMillis(200)).maxRetries(0).build()) {
      assertThatThrownBy(() -> client.tasks().get("t-slow"))
          .isInstanceOf(ViduTransportException.class);
    }
  }

  @Test
  void resultUrlsExpire() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
    Clock clock = new SuppliedClock(now::get);
    SandboxOptions options =
        SandboxOptions.fast().toBuilder().clock(clock).resultUrlTtl(Duration.ofHours(1)).build();
    try (ViduSandbox sandbox = ViduSandbox.start(options);
        ViduClient client = sandbox.newClient()) {
      sandbox.givenTask("t-done", TaskState.SUCCESS);
      String url = client.tasks().get("t-done").getCreations().get(0).getUrl();
      assertThat(client.downloads().toStream(url, new ByteArrayOutputStream())).isPositive();

      now.set(now.get().plus(Duration.ofMinutes(61)));
      assertThatThrownBy(() -> client.downloads().toStream(url, new ByteArrayOutputStream()))
          .isInstanceOf(ViduException.class)
          .hasMessageContaining("403");
      String fresh = client.tasks().get("t-done").getCreations().get(0).getUrl();
      assertThat(client.downloads().toStream(fresh, new ByteArrayOutputStream())).isPositive();
    }
  }
}
