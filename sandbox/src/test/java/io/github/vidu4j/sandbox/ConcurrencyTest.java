package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.Images;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.CreditBalance;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  @Test
  void fiveProcessAtOnceTheSixthQueuesUntilASlotFrees() {
    // No task finishes during the test, however slow the machine: the six states cannot move on.
    SandboxOptions slow =
        SandboxOptions.fast().toBuilder()
            .queueDelay(Duration.ZERO)
            .processingTime(Duration.ofHours(1))
            .build();
    try (ViduSandbox sandbox = ViduSandbox.start(slow);
        ViduClient client = sandbox.newClient()) {
      List<CompletableFuture<String>> creating = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        creating.add(
            client
                .async()
                .create(
                    Images.REFERENCE_TO_IMAGE,
                    new ReferenceToImageRequest().model("viduq2").prompt("task " + i),
                    RequestOptions.defaults(),
                    ReferenceToImageTask.class)
                .thenApply(t -> t.getTaskId()));
      }
      List<String> ids = creating.stream().map(CompletableFuture::join).toList();

      Eventually.await(
          "all six have left created",
          () ->
              ids.stream()
                  .noneMatch(id -> TaskState.CREATED.equals(sandbox.taskState(id).orElseThrow())));
      // The creates race each other, so which one queues is arbitrary: count the states.
      List<TaskState> states = ids.stream().map(id -> client.tasks().get(id).getState()).toList();
      assertThat(states).filteredOn(s -> TaskState.PROCESSING.equals(s)).hasSize(5);
      assertThat(states).filteredOn(s -> TaskState.QUEUEING.equals(s)).hasSize(1);
      CreditBalance balance = client.credits().getRemains().get(0);
      assertThat(balance.getCurrentConcurrency()).isEqualTo(5);
      assertThat(balance.getQueueCount()).isEqualTo(1);

      String queued = ids.get(states.indexOf(TaskState.QUEUEING));
      client.tasks().cancel(ids.get(states.indexOf(TaskState.PROCESSING)));
      assertThat(sandbox.taskState(queued)).contains(TaskState.PROCESSING);
    }
  }
}
