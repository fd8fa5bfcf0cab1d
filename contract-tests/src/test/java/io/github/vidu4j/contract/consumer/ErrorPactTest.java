package io.github.vidu4j.contract.consumer;

import static io.github.vidu4j.contract.Contract.API;
import static io.github.vidu4j.contract.Contract.API_KEY;
import static io.github.vidu4j.contract.Contract.CONSUMER;
import static io.github.vidu4j.contract.Contract.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.RequestValidator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The error answers the client maps to {@link ViduApiException}: status, Vidu's reason, its trace
 * id, whether a retry may help and, for 429, when.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = API, pactVersion = PactSpecVersion.V4)
class ErrorPactTest {
  static final String REVOKED_KEY = "revoked-key";

  @Pact(consumer = CONSUMER)
  V4Pact unknownModel(PactDslWithProvider builder) {
    return Requests.createTask(
            builder,
            "model viduq9 is not offered",
            "create a task for a model Vidu does not offer",
            LambdaDsl.newJsonBody(
                    o -> {
                      o.stringMatcher("model", "viduq9", "viduq9");
                      o.stringType("prompt", "a red fox in the snow");
                    })
                .build())
        .willRespondWith()
        .status(400)
        .body(Bodies.error(400, "FieldInvalid"))
        .toPact(V4Pact.class);
  }

  /** The escape hatch lets an unknown model through; Vidu's own refusal then reaches the caller. */
  @Test
  @PactTestFor(pactMethod = "unknownModel")
  void unknownModel(MockServer server) {
    try (ViduClient client =
        ViduClient.builder()
            .apiKey(API_KEY)
            .baseUrl(server.getUrl())
            .maxRetries(0)
            .validator(RequestValidator.allowingUnknownModels())
            .build()) {
      assertThatExceptionOfType(ViduApiException.class)
          .isThrownBy(
              () ->
                  client
                      .images()
                      .create(
                          new ReferenceToImageRequest()
                              .model("viduq9")
                              .prompt("a red fox in the snow")))
          .satisfies(
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.reason()).contains("FieldInvalid");
                assertThat(e.apiMessage()).isPresent();
                assertThat(e.traceId()).contains("04e5c2fe159ff7c574acd0424e78c35f");
                assertThat(e.isRetryable()).isFalse();
              });
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact revokedKey(PactDslWithProvider builder) {
    return builder
        .given("the API key " + REVOKED_KEY + " is not valid")
        .uponReceiving("get credits with a key that is not valid")
        .method("GET")
        .path("/ent/v2/credits")
        .matchQuery("show_detail", "false", "false")
        .matchHeader("Authorization", "Token " + REVOKED_KEY, "Token " + REVOKED_KEY)
        .willRespondWith()
        .status(401)
        .body(Bodies.error(401, "Unauthorized"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "revokedKey")
  void revokedKey(MockServer server) {
    try (ViduClient client =
        ViduClient.builder().apiKey(REVOKED_KEY).baseUrl(server.getUrl()).maxRetries(0).build()) {
      assertThatExceptionOfType(ViduApiException.class)
          .isThrownBy(client::credits)
          .satisfies(
              e -> {
                assertThat(e.statusCode()).isEqualTo(401);
                assertThat(e.reason()).contains("Unauthorized");
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.getMessage()).doesNotContain(REVOKED_KEY);
              });
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact taskNotFound(PactDslWithProvider builder) {
    return builder
        .given("task t-missing does not exist")
        .uponReceiving("get a task that does not exist")
        .method("GET")
        .matchPath("/ent/v2/tasks/[^/]+/creations", "/ent/v2/tasks/t-missing/creations")
        .matchHeader("Authorization", "Token \\S+", "Token " + API_KEY)
        .willRespondWith()
        .status(404)
        .body(Bodies.error(404, "TaskNotFound"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "taskNotFound")
  void taskNotFound(MockServer server) {
    try (ViduClient client = clientFor(server)) {
      assertThatExceptionOfType(ViduApiException.class)
          .isThrownBy(() -> client.tasks().get("t-missing"))
          .satisfies(
              e -> {
                assertThat(e.statusCode()).isEqualTo(404);
                assertThat(e.reason()).contains("TaskNotFound");
                assertThat(e.isRetryable()).isFalse();
              });
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact throttled(PactDslWithProvider builder) {
    return Requests.createTask(
            builder,
            "the organisation is sending requests too fast",
            "create a task while requests are throttled",
            LambdaDsl.newJsonBody(
                    o -> {
                      o.stringMatcher("model", "viduq2", "viduq2");
                      o.stringType("prompt", "a red fox in the snow");
                    })
                .build())
        .willRespondWith()
        .status(429)
        .matchHeader("Retry-After", "\\d+", "2")
        .body(Bodies.error(429, "TooManyRequests"))
        .toPact(V4Pact.class);
  }

  /** 429 means not processed: retrying is safe, after the time Vidu asked for. */
  @Test
  @PactTestFor(pactMethod = "throttled")
  void throttled(MockServer server) {
    try (ViduClient client = clientFor(server)) {
      assertThatExceptionOfType(ViduApiException.class)
          .isThrownBy(
              () ->
                  client
                      .images()
                      .create(
                          new ReferenceToImageRequest()
                              .model("viduq2")
                              .prompt("a red fox in the snow")))
          .satisfies(
              e -> {
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.reason()).contains("TooManyRequests");
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                assertThat(e.isRetryable()).isTrue();
              });
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact internalFailure(PactDslWithProvider builder) {
    return builder
        .given("task t-processing is processing")
        .given("Vidu fails internally")
        .uponReceiving("get a task while Vidu fails internally")
        .method("GET")
        .matchPath("/ent/v2/tasks/[^/]+/creations", "/ent/v2/tasks/t-processing/creations")
        .matchHeader("Authorization", "Token \\S+", "Token " + API_KEY)
        .willRespondWith()
        .status(500)
        .body(Bodies.error(500, "InternalServiceFailure"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "internalFailure")
  void internalFailure(MockServer server) {
    try (ViduClient client = clientFor(server)) {
      assertThatExceptionOfType(ViduApiException.class)
          .isThrownBy(() -> client.tasks().get("t-processing"))
          .satisfies(
              e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.reason()).contains("InternalServiceFailure");
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.traceId()).isPresent();
              });
    }
  }
}
