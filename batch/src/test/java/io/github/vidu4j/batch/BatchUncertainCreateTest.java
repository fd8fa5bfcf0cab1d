package io.github.vidu4j.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.sandbox.Fault;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Creates whose outcome the batch cannot know (no answer within the read timeout, a 5xx, a list
 * that cannot be read): never created again until the task is found or cannot have landed.
 */
@Timeout(120)
class BatchUncertainCreateTest extends SandboxBatchHarness {
  /** Each line prompting the same: only a line's tag tells its task from the others. */
  static List<BatchLine> sameLines(int count) {
    return lines(count, n -> "the same prompt");
  }

  /** {@link #fast()}, looking for an unanswered create for 8 s. */
  static BatchOptions fastFindingUnanswered() {
    return fast().withUnansweredCreateWait(Duration.ofSeconds(8));
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
                fastFindingUnanswered().withConcurrency(8));

    assertThat(sandbox.taskCount()).as("tasks paid for 24 lines").isEqualTo(24);
    String journal = Files.readString(out.resolve(Batches.DEFAULT_JOURNAL_NAME));
    assertThat(journal).doesNotContain("never reached Vidu").contains("\"reconciled\":true");
    if (!report.allSucceeded()) {
      // On a loaded machine a download can outlast the short read timeout too: a rerun with
      // the default one saves what is missing, and creates nothing.
      try (ViduClient patient = sandbox.newClient()) {
        report =
            Batches.of(patient)
                .run(
                    sameLines(24),
                    out.resolve(Batches.DEFAULT_JOURNAL_NAME),
                    out,
                    fastFindingUnanswered());
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
            .run(
                sameLines(3),
                journal,
                out,
                fastFindingUnanswered().withConcurrency(1).withMaxCreateAttempts(2));

    assertThat(first.lines()).filteredOn(l -> l.state() == LineState.SUCCEEDED).hasSize(2);
    LineResult stuck =
        first.lines().stream().filter(l -> l.state() != LineState.SUCCEEDED).findFirst().get();
    assertThat(stuck.error()).get().asString().contains("may have reached Vidu");
    assertThat(sandbox.taskCount()).isEqualTo(3);

    sandbox.faults().clear();
    BatchReport second =
        Batches.of(client).run(sameLines(3), journal, out, fastFindingUnanswered());
    assertThat(second.allSucceeded()).isTrue();
    assertThat(sandbox.taskCount()).as("found by its tag on the next run").isEqualTo(3);
  }
}
