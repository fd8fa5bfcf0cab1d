package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The task and credits commands, against an in-process sandbox. */
class TaskCliTest {
  static final String KEY = SandboxedCli.KEY;

  @RegisterExtension static final ViduSandboxExtension vidu = SandboxedCli.extension();

  @TempDir Path dir;

  CliRun vidu(String... args) {
    return SandboxedCli.run(vidu, args);
  }

  @Test
  void getCancelListAndCredits() {
    vidu.sandbox().givenTask("t-queued", TaskState.QUEUEING);
    assertThat(vidu("task", "get", "t-queued").out()).contains("queueing");
    CliRun cancel = vidu("task", "cancel", "t-queued");
    assertThat(cancel.exitCode()).isZero();
    assertThat(vidu("task", "get", "t-queued").out()).contains("failed").contains("UserCancelled");
    assertThat(vidu("task", "cancel", "t-queued").exitCode()).isEqualTo(ExitCode.API_ERROR);

    vidu.sandbox().givenTask("t-a", TaskState.SUCCESS);
    vidu.sandbox().givenTask("t-b", TaskState.SUCCESS);
    CliRun page = vidu("task", "list", "--state", "success", "--page-size", "1");
    assertThat(page.out().lines()).hasSize(1);
    assertThat(page.err()).contains("--page-token");
    CliRun all = vidu("task", "list", "--state", "success", "--page-size", "1", "--all");
    assertThat(all.out().lines().count()).isGreaterThanOrEqualTo(2);
    assertThat(vidu("task", "list", "--since", "1h").exitCode()).isZero();

    CliRun credits = vidu("credits", "--detail");
    assertThat(credits.exitCode()).as(credits.toString()).isZero();
    assertThat(credits.out()).containsPattern("\\d");
  }

  @Test
  void anEmptyTaskListSaysSoOnStderr() {
    // A fresh --sandbox has no tasks at all.
    CliRun plain = CliRun.of(Map.of(), "--sandbox", "task", "list");
    assertThat(plain.exitCode()).as(plain.toString()).isZero();
    assertThat(plain.out()).isEmpty();
    assertThat(plain.err()).contains("no tasks");

    CliRun json = CliRun.of(Map.of(), "--sandbox", "--json", "task", "list", "--all");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("tasks"))
        .isEmpty();
    assertThat(json.err()).contains("no tasks");
  }
}
