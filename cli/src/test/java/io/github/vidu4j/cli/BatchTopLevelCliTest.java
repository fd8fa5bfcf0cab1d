package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vidu batch}, the batch under its own name (images and videos alike), and {@code vidu image
 * batch}, the same command where it was first; the reports name each line's operation.
 */
@Timeout(300)
class BatchTopLevelCliTest {
  @RegisterExtension static final ViduSandboxExtension vidu = SandboxedCli.extension();

  @TempDir Path dir;

  private Path catalogue() throws Exception {
    return Files.writeString(
        dir.resolve("catalogue.jsonl"),
        """
        {"name": "fox", "model": "viduq2", "prompt": "a red fox in the snow", "aspect_ratio": "1:1"}
        {"name": "fox-run", "operation": "text2video", "model": "viduq2", "prompt": "a red fox runs", "duration": 1, "resolution": "540p"}
        """);
  }

  private CliRun batch(String... args) {
    List<String> all = new ArrayList<>(List.of("--no-progress", "--json"));
    all.addAll(List.of(args));
    all.addAll(List.of("--poll-interval", "50ms"));
    return SandboxedCli.run(vidu, all.toArray(String[]::new));
  }

  @Test
  void viduBatchIsACommandOfItsOwnWithTheBatchsHelp() {
    CliRun root = CliRun.of(java.util.Map.of(), "--help");
    assertThat(root.out()).containsPattern("(?m)^\\s+batch\\s+Create an image or a video per line");

    CliRun help = CliRun.of(java.util.Map.of(), "batch", "--help");
    assertThat(help.exitCode()).as(help.toString()).isZero();
    assertThat(help.out())
        .startsWith("Usage: vidu batch ")
        .contains("--concurrency", "--retry-failed", "--dry-run", "\"operation\"")
        .contains("Exit codes:");
    assertThat(CliRun.of(java.util.Map.of(), "help", "batch").out()).isEqualTo(help.out());

    CliRun old = CliRun.of(java.util.Map.of(), "image", "batch", "--help");
    assertThat(old.exitCode()).as(old.toString()).isZero();
    assertThat(old.out())
        .startsWith("Usage: vidu image batch ")
        .contains("--concurrency", "--retry-failed", "--dry-run", "\"operation\"");
  }

  @Test
  void viduBatchRunsAMixedFileItsJsonReportNamesEachLinesOperationAndImageBatchResumesIt()
      throws Exception {
    Path file = catalogue();
    Path out = dir.resolve("out");

    CliRun run = batch("batch", file.toString(), "--output", out.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonObject report = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(
            StreamSupport.stream(report.getAsJsonArray("lines").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .map(
                    l ->
                        l.get("line").getAsInt()
                            + " "
                            + l.get("operation").getAsString()
                            + " "
                            + l.get("state").getAsString()))
        .containsExactly("1 reference2image succeeded", "2 text2video succeeded");
    assertThat(out.resolve("fox-1.png")).isNotEmptyFile();
    assertThat(out.resolve("fox-run-1.mp4")).isNotEmptyFile();
    assertThat(vidu.sandbox().received(Operation.CREATE_TASK)).hasSize(2);

    // The same command under its first name: the same journal, so nothing is sent again.
    CliRun again = batch("image", "batch", file.toString(), "--output", out.toString());

    assertThat(again.exitCode()).as(again.toString()).isZero();
    JsonObject resumed = JsonParser.parseString(again.out()).getAsJsonObject();
    assertThat(resumed.get("nothing_to_do").getAsBoolean()).isTrue();
    assertThat(
            resumed.getAsJsonArray("lines").get(1).getAsJsonObject().get("operation").getAsString())
        .isEqualTo("text2video");
    assertThat(vidu.sandbox().received(Operation.CREATE_TASK)).hasSize(2);
  }

  @Test
  void theTextSummaryNamesTheOperationOfEachLineItLists() throws Exception {
    Path file = catalogue();
    vidu.sandbox().faults().failNextTask("CreationPolicyViolation");

    CliRun run =
        SandboxedCli.run(
            vidu,
            "--no-progress",
            "batch",
            file.toString(),
            "--output",
            dir.resolve("out").toString(),
            "--concurrency",
            "1",
            "--poll-interval",
            "50ms");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TASK_FAILED);
    assertThat(run.out())
        .contains("2 lines: 1 succeeded, 1 failed")
        .containsPattern(
            "line 1 \\(fox\\) reference2image: failed, task \\S+, err_code CreationPolicyViolation")
        .doesNotContain("line 2 (fox-run)");
  }
}
