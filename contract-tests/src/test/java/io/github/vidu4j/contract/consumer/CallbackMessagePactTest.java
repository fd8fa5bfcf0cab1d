package io.github.vidu4j.contract.consumer;

import static io.github.vidu4j.contract.Contract.API_KEY;
import static io.github.vidu4j.contract.Contract.BASE64;
import static io.github.vidu4j.contract.Contract.CALLBACKS;
import static io.github.vidu4j.contract.Contract.CALLBACK_URL;
import static io.github.vidu4j.contract.Contract.CONSUMER;
import static io.github.vidu4j.contract.Contract.NEW_FIELD;
import static io.github.vidu4j.contract.Contract.RFC_1123;
import static io.github.vidu4j.contract.Contract.SIGNATURE_HEADERS;
import static io.github.vidu4j.contract.Contract.UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.model.TaskState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Vidu's callback as an asynchronous message: the Get Generation body, and the six signature
 * headers as metadata. Each test receives it exactly as a user's endpoint would: headers,
 * registered callback URL and raw body into {@link CallbackVerifier}, then the parsed task.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(
    providerName = CALLBACKS,
    providerType = ProviderType.ASYNCH,
    pactVersion = PactSpecVersion.V4)
class CallbackMessagePactTest {
  static final Instant SENT = Instant.parse("2025-05-06T12:09:42Z");
  static final String NONCE = "123e4567-e89b-12d3-a456-426614174000";

  private static V4Pact callback(
      MessagePactBuilder builder,
      String given,
      String description,
      String id,
      String state,
      String errCode) {
    // The example is a real signature with the consumer's key, so the consumer test verifies it.
    Map<String, String> signed =
        CallbackSigner.withSecret(API_KEY).sign("POST", CALLBACK_URL, SENT, NONCE);
    return builder
        .given(given)
        .expectsToReceive(description)
        .withMetadata(
            m -> {
              m.add("contentType", "application/json");
              m.matchRegex("Date", RFC_1123, signed.get("Date"));
              m.matchRegex("x-request-nonce", UUID, signed.get("x-request-nonce"));
              m.matchRegex(
                  "X-HMAC-SIGNED-HEADERS",
                  "(?i)date;x-request-nonce",
                  signed.get("X-HMAC-SIGNED-HEADERS"));
              m.matchRegex("X-HMAC-SIGNATURE", BASE64, signed.get("X-HMAC-SIGNATURE"));
              m.matchRegex("X-HMAC-ALGORITHM", "hmac-sha256", "hmac-sha256");
              m.matchRegex("X-HMAC-ACCESS-KEY", "vidu", "vidu");
            })
        .withContent(Bodies.taskCreations(id, state, errCode))
        .toPact(V4Pact.class);
  }

  /**
   * What a receiver does with a delivery: verify the headers against the registered URL, then
   * parse.
   */
  static VerifiedCallback receive(V4Interaction.AsynchronousMessage message, String secret) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    message
        .getContents()
        .getMetadata()
        .forEach(
            (name, value) -> {
              if (SIGNATURE_HEADERS.contains(name)) {
                headers.put(name, List.of(String.valueOf(value)));
              }
            });
    assertThat(headers.keySet()).containsExactlyInAnyOrderElementsOf(SIGNATURE_HEADERS);
    Instant sent =
        ZonedDateTime.parse(headers.get("Date").get(0), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
    CallbackVerifier verifier =
        CallbackVerifier.builder()
            .secret(secret)
            .clock(Clock.fixed(sent.plusSeconds(3), ZoneOffset.UTC))
            .build();
    return verifier.verify(
        CallbackRequest.of("POST", CALLBACK_URL, headers, message.contentsAsBytes()));
  }

  @Pact(consumer = CONSUMER)
  V4Pact processing(MessagePactBuilder builder) {
    return callback(
        builder,
        "a task with a callback URL is processing",
        "a signed callback for a task that is processing",
        "860245771473956864",
        "processing",
        "");
  }

  @Test
  @PactTestFor(pactMethod = "processing")
  void processing(V4Interaction.AsynchronousMessage message) {
    VerifiedCallback callback = receive(message, API_KEY);

    assertThat(callback.taskId()).isPresent();
    assertThat(callback.state()).contains(TaskState.PROCESSING);
    assertThat(callback.task().getCreations()).isEmpty();
  }

  @Pact(consumer = CONSUMER)
  V4Pact succeeded(MessagePactBuilder builder) {
    return callback(
        builder,
        "a task with a callback URL has succeeded",
        "a signed callback for a task that has succeeded",
        "860245771473956864",
        "success",
        "");
  }

  @Test
  @PactTestFor(pactMethod = "succeeded")
  void succeeded(V4Interaction.AsynchronousMessage message) {
    VerifiedCallback callback = receive(message, API_KEY);

    assertThat(callback.state()).contains(TaskState.SUCCESS);
    assertThat(callback.task().getCreations())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.getUrl()).startsWith("http"));
    assertThat(RawJson.unknownFields(callback.task())).containsKey(NEW_FIELD);
  }

  @Pact(consumer = CONSUMER)
  V4Pact failed(MessagePactBuilder builder) {
    return callback(
        builder,
        "a task with a callback URL failed with CreationPolicyViolation",
        "a signed callback for a task that has failed",
        "860245771473956864",
        "failed",
        "CreationPolicyViolation");
  }

  /** The failed callback parses; and a receiver holding another key refuses the same delivery. */
  @Test
  @PactTestFor(pactMethod = "failed")
  void failed(V4Interaction.AsynchronousMessage message) {
    VerifiedCallback callback = receive(message, API_KEY);
    assertThat(callback.state()).contains(TaskState.FAILED);
    assertThat(callback.task().getErrCode()).isEqualTo("CreationPolicyViolation");

    assertThatExceptionOfType(InvalidSignatureException.class)
        .isThrownBy(() -> receive(message, "some-other-key"))
        .satisfies(
            e -> assertThat(e.reason()).isEqualTo(InvalidSignatureException.Reason.BAD_SIGNATURE));
  }
}
