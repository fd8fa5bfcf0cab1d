package io.github.vidu4j.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.sandbox.Fault;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creates whose outcome the batch cannot know (no answer within the read timeout, a 5xx, a list
 * that cannot be read): never created again until the task is found or cannot have landed.
 */
@Timeout(120)
class BatchUncertainCreateTest {
  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    Collections.reverse(open);
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private ViduSandbox sandbox() {
    ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast());
    open.add(sandbox);
    return sandbox;
  }

  private ViduClient client(ViduClient.Builder builder) {
    ViduClient client = builder.build();
    open.add(client);
    return client;
  }

  static List<BatchLine> sameLines(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(
            n ->
                BatchLine.of(
                    n,
                    null,
                    new ReferenceToImageRequest()
                        .model("viduq2")
                        .prompt("the same prompt")
                        .aspectRatio("1:1")))
        .toList();
  }

  static BatchOptions fast() {
    return BatchOptions.defaults()
        .withAwaitOptions(
            AwaitOptions.defaults().withIntervals(Duration.ofMillis(50), Duration.ofMillis(200)))
        .withThrottleBackoff(Duration.ofMillis(100))
        .withUnansweredCreateWait(Duration.ofSeconds(8));
  }

  @Test
  void createsAnsweredAfterTheReadTimeoutAreFoundNotPaidTwice() throws Exception {
    ViduSandbox sandbox = sandbox();
    for (int i = 0; i < 8; i++) {
      sandbox.faults().next(Operation.CREATE_TASK, Fault.delay(Duration.ofSeconds(3)));
    }
    ViduClient client = client(sandbox.clientBuilder().readTimeout(Duration.ofSeconds(2)));
    Path out = dir.resolve("out");

    BatchReport report =
        Batches.of(client)
            .run(
                sameLines(24),
                out.resolve(Batches.DEFAULT_JOURNAL_NAME),
                out,
                fast().withConcurrency(8));

    assertThat(sandbox.taskCount()).as("tasks paid for 24 lines").isEqualTo(24);
    String journal = Files.readString(out.resolve(Batches.DEFAULT_JOURNAL_NAME));
    assertThat(journal).doesNotContain("never reached Vidu").contains("\"reconciled\":true");
    if (!report.allSucceeded()) {
      // On a loaded machine a download can outlast the short read timeout too: a rerun with
      // the default one saves what is missing, and creates nothing.
      try (ViduClient patient = sandbox.newClient()) {
        report =
            Batches.of(patient)
                .run(sameLines(24), out.resolve(Batches.DEFAULT_JOURNAL_NAME), out, fast());
      }
    }
    assertThat(report.allSucceeded()).as("%s", report.lines()).isTrue();
    assertThat(sandbox.taskCount()).isEqualTo(24);
  }

  @Test
  void whenTheTaskListCannotBeReadAnUncertainLineWaitsAndTheOthersGoOn() throws Exception {
    ViduSandbox sandbox = sandbox();
    sandbox.faults().next(Operation.CREATE_TASK, Fault.dropAfterProcessing());
    for (int i = 0; i < 40; i++) {
      sandbox.faults().next(Operation.LIST_TASKS, Fault.error(503, "ServiceUnavailable"));
    }
    ViduClient client = client(sandbox.clientBuilder().maxRetries(0));
    Path out = dir.resolve("out");
    Path journal = out.resolve(Batches.DEFAULT_JOURNAL_NAME);

    BatchReport first =
        Batches.of(client)
            .run(sameLines(3), journal, out, fast().withConcurrency(1).withMaxCreateAttempts(2));

    assertThat(first.lines()).filteredOn(l -> l.state() == LineState.SUCCEEDED).hasSize(2);
    LineResult stuck =
        first.lines().stream().filter(l -> l.state() != LineState.SUCCEEDED).findFirst().get();
    assertThat(stuck.error()).get().asString().contains("may have reached Vidu");
    assertThat(sandbox.taskCount()).isEqualTo(3);

    sandbox.faults().clear();
    BatchReport second = Batches.of(client).run(sameLines(3), journal, out, fast());
    assertThat(second.allSucceeded()).isTrue();
    assertThat(sandbox.taskCount()).as("found by its tag on the next run").isEqualTo(3);
  }
}
