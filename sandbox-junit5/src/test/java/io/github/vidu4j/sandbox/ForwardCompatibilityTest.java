package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskList;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import io.github.vidu4j.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link SandboxOptions.Builder#extraField}: a field from a future Vidu in every JSON object the
 * sandbox sends, answers and callbacks alike; and the shapes Vidu's docs show (page tokens, cover
 * URLs) that contracts rely on.
 */
class ForwardCompatibilityTest {
  @RegisterExtension
  static final ViduSandboxExtension vidu =
      ViduSandboxExtension.withOptions(
          SandboxOptions.fast().toBuilder()
              .extraField("x_new_field", "{\"nested\":[1,2]}")
              .build());

  static final ReferenceToImageRequest REQUEST =
      new ReferenceToImageRequest().model("viduq2").prompt("a paper boat");

  /** Every JSON object in {@code json} at any depth. */
  private static List<JsonObject> objects(JsonElement json) {
    List<JsonObject> found = new ArrayList<>();
    if (json.isJsonObject()) {
      found.add(json.getAsJsonObject());
      json.getAsJsonObject().entrySet().forEach(e -> found.addAll(objects(e.getValue())));
    } else if (json.isJsonArray()) {
      json.getAsJsonArray().forEach(e -> found.addAll(objects(e)));
    }
    return found;
  }

  private static boolean original(JsonObject object) {
    return !(object.size() == 1 && object.has("nested")); // the extra field's own value
  }

  @Test
  void everyObjectOfEveryAnswerCarriesTheExtraField() {
    try (ViduClient client = vidu.newClient()) {
      TaskCreations task =
          client
              .tasks()
              .await(
                  client.images().create(REQUEST).getTaskId(),
                  AwaitOptions.defaults().withTimeout(Duration.ofSeconds(10)));
      assertThat(RawJson.unknownFields(task)).containsEntry("x_new_field", "{\"nested\":[1,2]}");
      assertThat(RawJson.unknownFields(task.getCreations().get(0))).containsKey("x_new_field");
      client.credits(true);
      client.tasks().list(TaskQuery.all());
    }
    List<RecordedExchange> answers =
        vidu.sandbox().received().stream()
            .filter(e -> e.operation() != Operation.DOWNLOAD_RESULT)
            .toList();
    assertThat(answers)
        .extracting(RecordedExchange::operation)
        .contains(
            Operation.CREATE_TASK, Operation.GET_TASK, Operation.GET_CREDITS, Operation.LIST_TASKS);
    for (RecordedExchange answer : answers) {
      List<JsonObject> objects = objects(JsonParser.parseString(answer.responseBody()));
      assertThat(objects).as(answer.operation() + " answer").isNotEmpty();
      objects.stream()
          .filter(ForwardCompatibilityTest::original)
          .forEach(
              o -> assertThat(o.has("x_new_field")).as("%s in %s", o, answer.operation()).isTrue());
    }
  }

  @Test
  void errorAnswersCarryItToo() {
    try (ViduClient client = vidu.newClient()) {
      assertThatThrownBy(() -> client.tasks().get("no-such-task"))
          .isInstanceOf(ViduApiException.class);
    }
    RecordedExchange answer = vidu.sandbox().received(Operation.GET_TASK).get(0);
    assertThat(answer.status()).isEqualTo(404);
    JsonObject body = JsonParser.parseString(answer.responseBody()).getAsJsonObject();
    assertThat(body.has("x_new_field")).isTrue();
    assertThat(body.getAsJsonObject("metadata").has("x_new_field")).isTrue();
  }

  @Test
  void callbacksCarryItAndStillVerify() throws Exception {
    try (CallbackReceiver receiver =
            new CallbackReceiver(
                CallbackVerifier.builder().secret(vidu.sandbox().demoKey()).build());
        ViduClient client = vidu.newClient()) {
      client
          .images()
          .create(
              new ReferenceToImageRequest()
                  .model("viduq2")
                  .prompt("a paper boat")
                  .callbackUrl(receiver.url));
      Eventually.await("the success callback", () -> receiver.acceptedStates().contains("success"));
      synchronized (receiver) {
        receiver
            .acceptedCallbacks()
            .forEach(c -> assertThat(RawJson.unknownFields(c.task())).containsKey("x_new_field"));
      }
    }
  }

  @Test
  void pageTokensAreBase64urlOfThePageAsVidusDocsShow() {
    for (String id : List.of("t-a", "t-b", "t-c")) {
      vidu.sandbox().givenTask(id, TaskState.SUCCESS);
    }
    try (ViduClient client = vidu.newClient()) {
      TaskQuery query = TaskQuery.all().taskIds(List.of("t-a", "t-b", "t-c")).pageSize(2);
      TaskList first = client.tasks().list(query);
      assertThat(
              new String(
                  Base64.getUrlDecoder().decode(first.getNextPageToken()), StandardCharsets.UTF_8))
          .isEqualTo("{\"page\":1}");
      TaskList docsToken = client.tasks().list(query.pageToken("eyJwYWdlIjoxfQ"));
      assertThat(docsToken.getTasks()).hasSize(1);
      assertThat(docsToken.getNextPageToken()).isEmpty();
      assertThat(client.tasks().listAll(query)).hasSize(3);
    }
  }

  @Test
  void successfulTasksHaveACoverUrl() {
    vidu.sandbox().givenTask("t-cover", TaskState.SUCCESS);
    try (ViduClient client = vidu.newClient()) {
      assertThat(client.tasks().get("t-cover").getCreations())
          .allSatisfy(c -> assertThat(c.getCoverUrl()).isEqualTo(c.getUrl()));
    }
  }

  @Test
  void anExtraFieldMustBeJson() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SandboxOptions.builder().extraField("x", "not json {"))
        .withMessageContaining("x")
        .withMessageContaining("not JSON");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SandboxOptions.builder().extraField(" ", "1"));
    assertThat(
            SandboxOptions.builder().extraField("a", "1").build().toBuilder().build().extraFields())
        .containsEntry("a", "1");
  }

  /** An image host is never resolved: DNS would leave the machine, and CI has no network. */
  @Test
  void onlyLiteralLoopbackHostsCountAsLoopback() {
    assertThat(ResultSizes.isLoopback("127.0.0.1")).isTrue();
    assertThat(ResultSizes.isLoopback("[::1]")).isTrue();
    assertThat(ResultSizes.isLoopback("localhost")).isTrue();
    assertThat(ResultSizes.isLoopback("10.0.0.1")).isFalse();
    assertThat(ResultSizes.isLoopback("example.com")).isFalse();
    assertThat(ResultSizes.isLoopback("127.0.0.1.nip.io")).isFalse();
    assertThat(ResultSizes.isLoopback(null)).isFalse();
  }
}
