package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.batch.BatchProgress;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vidu image batch}'s progress and summary: time that ticks, credits spent this run. */
@Timeout(120)
class BatchProgressCliTest {
  @TempDir Path dir;
  private ViduSandbox sandbox;

  @BeforeEach
  void start() {
    sandbox = ViduSandbox.start(SandboxOptions.fast());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void theLiveLineShowsTheTimeNowNotTheTimeOfTheLastEvent() {
    StringWriter text = new StringWriter();
    BatchDisplay display = new BatchDisplay(new PrintWriter(text), Progress.Mode.OFF);
    BatchProgress atEvent =
        new BatchProgress(3, 1, 2, 0, 0, 8, 0, 16, 0, Duration.ofMillis(134), null);
    display.lineChanged(null, atEvent); // not shown in this mode: only the totals are kept
    display.redraw(Duration.ofSeconds(5));

    assertThat(text.toString()).contains("5s").doesNotContain("134ms");
    assertThat(text.toString()).contains("8 credits spent + 16 committed");
  }

  @Test
  void aRerunOfAFinishedBatchSaysNothingToDoAndSpendsNothing() throws Exception {
    Path file = dir.resolve("two.jsonl");
    Files.writeString(
        file,
        "{\"model\": \"viduq2\", \"prompt\": \"one\", \"aspect_ratio\": \"1:1\"}\n"
            + "{\"model\": \"viduq2\", \"prompt\": \"two\", \"aspect_ratio\": \"1:1\"}\n");
    String[] args = {
      "--base-url",
      sandbox.baseUrl(),
      "--api-key",
      sandbox.demoKey(),
      "--no-progress",
      "image",
      "batch",
      file.toString(),
      "--output",
      dir.resolve("out").toString(),
      "--poll-interval",
      "50ms"
    };
    CliRun first = CliRun.of(Map.of(), args);
    assertThat(first.exitCode()).as("%s", first).isZero();
    assertThat(first.out())
        .contains("2 lines: 2 succeeded, 0 failed; 16 credits spent in this run");

    CliRun again = CliRun.of(Map.of(), args);
    assertThat(again.exitCode()).as("%s", again).isZero();
    assertThat(again.out())
        .startsWith("nothing to do: every line of ")
        .contains("ended in an earlier run (2 succeeded, 0 failed, 16 credits then)")
        .doesNotContain("16 credits spent");
    assertThat(sandbox.received(Operation.CREATE_TASK)).hasSize(2);
  }
}
