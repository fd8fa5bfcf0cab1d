package io.github.vidu4j.contract.consumer;

import static io.github.vidu4j.contract.Contract.API;
import static io.github.vidu4j.contract.Contract.CONSUMER;
import static io.github.vidu4j.contract.Contract.NEW_FIELD;
import static io.github.vidu4j.contract.Contract.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.model.Creation;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Get Generation in every state Vidu documents, and cancel, allowed and refused. Each task id is a
 * provider state: the provider puts the task in that state before the request.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = API, pactVersion = PactSpecVersion.V4)
class TaskPactTest {

  private static V4Pact getTask(
      PactDslWithProvider builder, String given, String id, String state, String errCode) {
    return Answers.ok(
        Requests.getTask(builder.given(given), "get task " + id + " (" + state + ")", id),
        Bodies.taskCreations(id, state, errCode));
  }

  /** Gets task {@code id}, checks it is that task in {@code state}, with the unknown field kept. */
  private static TaskCreations get(MockServer server, String id, TaskState state) {
    try (ViduClient client = clientFor(server)) {
      TaskCreations task = client.tasks().get(id);
      assertThat(task.getId()).isEqualTo(id);
      assertThat(task.getState()).isEqualTo(state);
      assertThat(RawJson.unknownFields(task)).containsKey(NEW_FIELD);
      return task;
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact created(PactDslWithProvider builder) {
    return getTask(builder, "task t-created was just created", "t-created", "created", "");
  }

  @Test
  @PactTestFor(pactMethod = "created")
  void created(MockServer server) {
    assertThat(get(server, "t-created", TaskState.CREATED).getCreations()).isEmpty();
  }

  @Pact(consumer = CONSUMER)
  V4Pact queueing(PactDslWithProvider builder) {
    return getTask(builder, "task t-queueing is queueing", "t-queueing", "queueing", "");
  }

  @Test
  @PactTestFor(pactMethod = "queueing")
  void queueing(MockServer server) {
    get(server, "t-queueing", TaskState.QUEUEING);
  }

  @Pact(consumer = CONSUMER)
  V4Pact processing(PactDslWithProvider builder) {
    return getTask(builder, "task t-processing is processing", "t-processing", "processing", "");
  }

  @Test
  @PactTestFor(pactMethod = "processing")
  void processing(MockServer server) {
    get(server, "t-processing", TaskState.PROCESSING);
  }

  @Pact(consumer = CONSUMER)
  V4Pact succeeded(PactDslWithProvider builder) {
    return getTask(builder, "task t-success has succeeded", "t-success", "success", "");
  }

  @Test
  @PactTestFor(pactMethod = "succeeded")
  void succeeded(MockServer server) {
    TaskCreations task = get(server, "t-success", TaskState.SUCCESS);
    assertThat(task.getErrCode()).isEmpty();
    assertThat(task.getCreations()).isNotEmpty();
    Creation first = task.getCreations().get(0);
    assertThat(first.getUrl()).startsWith("http");
    assertThat(first.getCoverUrl()).startsWith("http");
    assertThat(RawJson.unknownFields(first)).containsKey(NEW_FIELD);
  }

  @Pact(consumer = CONSUMER)
  V4Pact failed(PactDslWithProvider builder) {
    return getTask(
        builder,
        "task t-failed failed with CreationPolicyViolation",
        "t-failed",
        "failed",
        "CreationPolicyViolation");
  }

  /** Awaiting a failed task ends at once with the task's err_code, not a timeout. */
  @Test
  @PactTestFor(pactMethod = "failed")
  void failed(MockServer server) {
    assertThat(get(server, "t-failed", TaskState.FAILED).getErrCode())
        .isEqualTo("CreationPolicyViolation");
    try (ViduClient client = clientFor(server)) {
      assertThatExceptionOfType(TaskFailedException.class)
          .isThrownBy(
              () ->
                  client
                      .tasks()
                      .await(
                          "t-failed", AwaitOptions.defaults().withTimeout(Duration.ofSeconds(5))))
          .satisfies(
              e -> {
                assertThat(e.taskId()).isEqualTo("t-failed");
                assertThat(e.errCode()).contains("CreationPolicyViolation");
              });
    }
  }

  /** The client repeats the id in the body, as Vidu's curl example does. */
  private static PactDslRequestWithPath cancel(
      PactDslWithProvider builder, String given, String description, String id) {
    return Requests.postJson(
        builder
            .given(given)
            .uponReceiving(description)
            .method("POST")
            .matchPath("/ent/v2/tasks/[^/]+/cancel", "/ent/v2/tasks/" + id + "/cancel"),
        LambdaDsl.newJsonBody(o -> o.stringType("id", id)).build());
  }

  @Pact(consumer = CONSUMER)
  V4Pact cancelQueueing(PactDslWithProvider builder) {
    return Answers.ok(
        cancel(
            builder,
            "task t-queueing is queueing",
            "cancel task t-queueing, which is queueing",
            "t-queueing"),
        o -> o.stringType(NEW_FIELD, "an empty object today"));
  }

  @Test
  @PactTestFor(pactMethod = "cancelQueueing")
  void cancelQueueing(MockServer server) {
    try (ViduClient client = clientFor(server)) {
      client.tasks().cancel("t-queueing"); // returns normally: the 200 is the whole answer
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact cancelRefused(PactDslWithProvider builder) {
    return Answers.error(
        cancel(
            builder,
            "task t-success has succeeded",
            "cancel task t-success, which has finished",
            "t-success"),
        400,
        "BadRequest");
  }

  @Test
  @PactTestFor(pactMethod = "cancelRefused")
  void cancelRefused(MockServer server) {
    ApiErrors.assertThrows(
        server,
        client -> client.tasks().cancel("t-success"),
        400,
        "BadRequest",
        false,
        e -> assertThat(e.traceId()).isPresent());
  }
}
