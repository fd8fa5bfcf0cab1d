package io.github.vidu4j.contract.consumer;

import static io.github.vidu4j.contract.Contract.API;
import static io.github.vidu4j.contract.Contract.API_KEY;
import static io.github.vidu4j.contract.Contract.CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
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

  /** The body of a create with only {@code model} and the prompt. */
  private static DslPart modelAndPrompt(String model) {
    return LambdaDsl.newJsonBody(
            o -> {
              o.stringMatcher("model", model, model);
              o.stringType("prompt", "a red fox in the snow");
            })
        .build();
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownModel(PactDslWithProvider builder) {
    return Answers.error(
        Requests.createTask(
            builder,
            "model viduq9 is not offered",
            "create a task for a model Vidu does not offer",
            modelAndPrompt("viduq9")),
        400,
        "FieldInvalid");
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
      ApiErrors.assertThrows(
          () ->
              client
                  .images()
                  .create(
                      new ReferenceToImageRequest()
                          .model("viduq9")
                          .prompt("a red fox in the snow")),
          400,
          "FieldInvalid",
          false,
          e -> {
            assertThat(e.apiMessage()).isPresent();
            assertThat(e.traceId()).contains("04e5c2fe159ff7c574acd0424e78c35f");
          });
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact revokedKey(PactDslWithProvider builder) {
    return Answers.error(
        builder
            .given("the API key " + REVOKED_KEY + " is not valid")
            .uponReceiving("get credits with a key that is not valid")
            .method("GET")
            .path("/ent/v2/credits")
            .matchQuery("show_detail", "false", "false")
            .matchHeader("Authorization", "Token " + REVOKED_KEY, "Token " + REVOKED_KEY),
        401,
        "Unauthorized");
  }

  @Test
  @PactTestFor(pactMethod = "revokedKey")
  void revokedKey(MockServer server) {
    try (ViduClient client =
        ViduClient.builder().apiKey(REVOKED_KEY).baseUrl(server.getUrl()).maxRetries(0).build()) {
      ApiErrors.assertThrows(
          client::credits,
          401,
          "Unauthorized",
          false,
          e -> assertThat(e.getMessage()).doesNotContain(REVOKED_KEY));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact taskNotFound(PactDslWithProvider builder) {
    return Answers.error(
        Requests.getTask(
            builder.given("task t-missing does not exist"),
            "get a task that does not exist",
            "t-missing"),
        404,
        "TaskNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "taskNotFound")
  void taskNotFound(MockServer server) {
    ApiErrors.assertThrows(
        server, client -> client.tasks().get("t-missing"), 404, "TaskNotFound", false, e -> {});
  }

  @Pact(consumer = CONSUMER)
  V4Pact throttled(PactDslWithProvider builder) {
    return Answers.error(
        Requests.createTask(
            builder,
            "the organisation is sending requests too fast",
            "create a task while requests are throttled",
            modelAndPrompt("viduq2")),
        429,
        "TooManyRequests",
        response -> response.matchHeader("Retry-After", "\\d+", "2"));
  }

  /** 429 means not processed: retrying is safe, after the time Vidu asked for. */
  @Test
  @PactTestFor(pactMethod = "throttled")
  void throttled(MockServer server) {
    ApiErrors.assertThrows(
        server,
        client ->
            client
                .images()
                .create(
                    new ReferenceToImageRequest().model("viduq2").prompt("a red fox in the snow")),
        429,
        "TooManyRequests",
        true,
        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
  }

  @Pact(consumer = CONSUMER)
  V4Pact internalFailure(PactDslWithProvider builder) {
    return Answers.error(
        Requests.getTask(
            builder.given("task t-processing is processing").given("Vidu fails internally"),
            "get a task while Vidu fails internally",
            "t-processing"),
        500,
        "InternalServiceFailure");
  }

  @Test
  @PactTestFor(pactMethod = "internalFailure")
  void internalFailure(MockServer server) {
    ApiErrors.assertThrows(
        server,
        client -> client.tasks().get("t-processing"),
        500,
        "InternalServiceFailure",
        true,
        e -> assertThat(e.traceId()).isPresent());
  }
}
