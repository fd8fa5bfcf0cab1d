package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.testing.Responses;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifyAndFetchTest extends ClientHarness {
  private static final String URL = "https://hooks.example.com/vidu/callback";

  private CallbackRequest callback(String secret, String nonce, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    CallbackSigner.withSecret(secret)
        .sign("POST", URL, time.instant(), nonce)
        .forEach((k, v) -> headers.put(k, List.of(v)));
    return CallbackRequest.of("POST", URL, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private CallbackVerifier verifier() {
    return CallbackVerifier.builder().secret(API_KEY).clock(time).build();
  }

  @Test
  void actsOnVidusAnswerNotOnTheUnsignedBody() throws Exception {
    server.enqueue(Responses.succeeded("t-1", "https://cdn.example/1.png"));
    // The body claims failure; Vidu says success. The caller gets Vidu's answer.
    TaskCreations task =
        client
            .callbacks()
            .verifyAndFetch(
                verifier(),
                callback(
                    API_KEY,
                    "n-1",
                    "{\"id\":\"t-1\",\"state\":\"failed\",\"err_code\":\"Forged\"}"));

    assertThat(task.getState()).isEqualTo(TaskState.SUCCESS);
    assertThat(take().getTarget()).isEqualTo("/ent/v2/tasks/t-1/creations");
  }

  @Test
  void aRefusedCallbackFetchesNothing() {
    assertThatThrownBy(
            () ->
                client
                    .callbacks()
                    .verifyAndFetch(
                        verifier(), callback("someone-else", "n-2", "{\"id\":\"t-1\"}")))
        .isInstanceOfSatisfying(
            InvalidSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidSignatureException.Reason.BAD_SIGNATURE));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aBodyWithoutTaskIdIsAnError() {
    assertThatThrownBy(
            () ->
                client
                    .callbacks()
                    .verifyAndFetch(
                        verifier(), callback(API_KEY, "n-3", "{\"state\":\"success\"}")))
        .isInstanceOf(ViduException.class)
        .hasMessageContaining("no task id")
        .hasMessageContaining("taskId");
    assertThat(server.getRequestCount()).isZero();
  }

  /** Vidu's own callback examples have no id: the caller names the task it knows. */
  @Test
  void theCallerMayNameTheTaskItKnows() throws Exception {
    server.enqueue(Responses.succeeded("t-9", "https://cdn.example/9.png"));
    TaskCreations task =
        client
            .callbacks()
            .verifyAndFetch(verifier(), callback(API_KEY, "n-5", "{\"state\":\"success\"}"), "t-9");

    assertThat(task.getState()).isEqualTo(TaskState.SUCCESS);
    assertThat(take().getTarget()).isEqualTo("/ent/v2/tasks/t-9/creations");
  }

  @Test
  void aNamedTaskIsNotFetchedForARefusedCallback() {
    assertThatThrownBy(
            () ->
                client
                    .callbacks()
                    .verifyAndFetch(verifier(), callback("someone-else", "n-6", "{}"), "t-9"))
        .isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(
            () ->
                client.callbacks().verifyAndFetch(verifier(), callback(API_KEY, "n-7", "{}"), " "))
        .isInstanceOf(InvalidSettingException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aBodyIdThatIsNoTaskIdIsTheSendersNotTheCallersMistake() {
    assertThatThrownBy(
            () ->
                client
                    .callbacks()
                    .verifyAndFetch(
                        verifier(), callback(API_KEY, "n-8", "{\"id\":\"a/\\u001b[2J\"}")))
        .isInstanceOf(ViduException.class)
        .isNotInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("is not a task id")
        .hasMessageNotContaining("\u001b");
    assertThatThrownBy(
            () ->
                client
                    .callbacks()
                    .verifyAndFetch(verifier(), callback(API_KEY, "n-9", "{\"id\":\"..\"}")))
        .isNotInstanceOf(InvalidSettingException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aGivenIdThatIsNoTaskIdIsRefusedBeforeTheNonceIsSpent() throws Exception {
    CallbackVerifier verifier = verifier();
    CallbackRequest request = callback(API_KEY, "n-10", "{}");
    assertThatThrownBy(() -> client.callbacks().verifyAndFetch(verifier, request, ".."))
        .isInstanceOf(InvalidSettingException.class);
    server.enqueue(Responses.succeeded("t-9", "https://cdn.example/9.png"));
    assertThat(client.callbacks().verifyAndFetch(verifier, request, "t-9").getState())
        .as("the same callback, its nonce unspent")
        .isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void acceptsTheCreateResponseSpellingTaskId() throws Exception {
    server.enqueue(Responses.task("t-7", "processing"));
    TaskCreations task =
        client
            .callbacks()
            .verifyAndFetch(
                verifier(),
                callback(API_KEY, "n-4", "{\"task_id\":\"t-7\",\"state\":\"processing\"}"));
    assertThat(task.getState()).isEqualTo(TaskState.PROCESSING);
    assertThat(take().getTarget()).isEqualTo("/ent/v2/tasks/t-7/creations");
  }
}
