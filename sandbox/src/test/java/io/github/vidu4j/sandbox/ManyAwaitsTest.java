package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.Images;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Waiting costs no thread: 200 awaits at once run on the client's few async threads. */
@Tag("slow")
class ManyAwaitsTest {
  private static final int TASKS = 200;

  @Test
  void twoHundredAwaitsAtOnceCompleteOnAHandfulOfThreads() throws Exception {
    // All 200 process at once for 2 s, so every wait is in flight together for most of the test.
    SandboxOptions options =
        SandboxOptions.fast().toBuilder()
            .concurrencyLimit(TASKS)
            .processingTime(Duration.ofSeconds(2))
            .build();
    try (ViduSandbox sandbox = ViduSandbox.start(options);
        ViduClient client = sandbox.newClient()) {
      List<CompletableFuture<String>> creates = new ArrayList<>();
      for (int i = 0; i < TASKS; i++) {
        creates.add(
            client
                .async()
                .create(
                    Images.REFERENCE_TO_IMAGE,
                    new ReferenceToImageRequest().model("viduq2").prompt("fox " + i),
                    RequestOptions.defaults(),
                    ReferenceToImageTask.class)
                .thenApply(t -> t.getTaskId()));
      }
      List<String> ids = creates.stream().map(CompletableFuture::join).toList();
      AwaitOptions polls =
          AwaitOptions.defaults()
              .withIntervals(Duration.ofMillis(100), Duration.ofMillis(100))
              .withTimeout(Duration.ofMinutes(1));
      List<CompletableFuture<TaskCreations>> waits =
          ids.stream().map(id -> client.async().await(id, polls)).toList();
      CompletableFuture<Void> all =
          CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new));

      int peakClientThreads = 0;
      int samples = 0;
      while (!all.isDone()) {
        peakClientThreads = Math.max(peakClientThreads, clientThreads());
        samples++;
        Thread.sleep(5);
      }
      all.get(1, TimeUnit.SECONDS);

      System.out.printf(
          "%d awaits: at most %d vidu4j threads alive over %d samples%n",
          TASKS, peakClientThreads, samples);
      assertThat(waits)
          .allSatisfy(wait -> assertThat(wait.join().getState()).isEqualTo(TaskState.SUCCESS));
      assertThat(samples).as("samples taken while the waits ran").isGreaterThan(50);
      // The 4 threads of the async executor and the one that keeps the waits' deadlines.
      assertThat(peakClientThreads).isBetween(1, 5);
    }
  }

  /**
   * Threads of vidu4j's own async executor ({@code vidu4j-async-<n>}) and its deadline timer
   * ({@code vidu4j-deadline}): the only ones the client starts.
   */
  private static int clientThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && t.getName().startsWith("vidu4j-"))
            .count();
  }
}
