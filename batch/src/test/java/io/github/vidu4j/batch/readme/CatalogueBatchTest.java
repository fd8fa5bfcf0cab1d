package io.github.vidu4j.batch.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.batch.BatchReport;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's batch example, run against the sandbox, twice: the second run resumes and creates nothing. */
@Timeout(120)
class CatalogueBatchTest {
  @TempDir Path dir;

  @Test
  void theReadmeBatchRunsAndASecondRunCreatesNothing() throws Exception {
    Path catalogue = dir.resolve("catalogue.jsonl");
    Files.writeString(catalogue, "{\"name\": \"fox\", \"model\": \"viduq2\", \"prompt\": \"a red fox in the snow\", \"aspect_ratio\": \"1:1\"}\n"
        + "{\"model\": \"viduq2\", \"prompt\": \"the same fox at night\", \"aspect_ratio\": \"1:1\"}\n");
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast()); ViduClient client = sandbox.newClient()) {
      BatchReport report = CatalogueBatch.run(client, catalogue, dir.resolve("out"));
      assertThat(report.allSucceeded()).isTrue();
      assertThat(dir.resolve("out/fox-1.png")).isRegularFile();
      assertThat(dir.resolve("out/2-1.png")).isRegularFile();
      assertThat(CatalogueBatch.run(client, catalogue, dir.resolve("out")).allSucceeded()).isTrue();
      assertThat(sandbox.taskCount()).isEqualTo(2);
    }
  }
}
