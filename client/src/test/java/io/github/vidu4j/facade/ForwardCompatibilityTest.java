package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.model.TaskSummary;
import io.github.vidu4j.testing.Responses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fields and values Vidu adds later are kept, never a crash. */
class ForwardCompatibilityTest extends ClientHarness {
  @Test
  void unknownStateAndFieldsAreToleratedAndReachable() {
    server.enqueue(
        Responses.json(
            200,
            "{\"id\":\"t-1\",\"state\":\"paused\",\"err_code\":\"\",\"credits\":4,"
                + "\"priority\":\"high\",\"billing\":{\"plan\":\"pro\"},\"creations\":[{\"id\":\"c1\",\"url\":\"https://x/1.png\",\"blurhash\":\"LEHV6n\"}]}"));

    TaskCreations task = client.tasks().get("t-1");

    assertThat(task.getState().getValue()).isEqualTo("paused");
    assertThat(task.getState().isKnown()).isFalse();
    assertThat(RawJson.field(task, "state")).contains("paused");
    assertThat(RawJson.unknownFields(task))
        .containsEntry("priority", "\"high\"")
        .containsEntry("billing", "{\"plan\":\"pro\"}");
    assertThat(RawJson.unknownFields(task.getCreations().get(0)))
        .containsEntry("blurhash", "\"LEHV6n\"");
  }

  @Test
  void unknownErrorReasonIsPassedThrough() {
    server.enqueue(Responses.error(400, "PromptTooSpicy", "new reason"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.tasks().get("t-1"))
        .isInstanceOfSatisfying(
            io.github.vidu4j.core.ViduApiException.class,
            e -> assertThat(e.reason()).contains("PromptTooSpicy"));
  }

  @Test
  void unknownStateInAListIsKept() {
    server.enqueue(
        Responses.json(
            200,
            "{\"next_page_token\":\"\",\"tasks\":[{\"id\":\"t-9\",\"state\":\"archived\",\"type\":\"reference2image\"}]}"));

    List<TaskSummary> tasks = client.tasks().listAll(TaskQuery.all()).toList();

    assertThat(tasks)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getState()).isEqualTo(TaskState.fromValue("archived"));
              assertThat(RawJson.field(t, "state")).contains("archived");
            });
  }
}
