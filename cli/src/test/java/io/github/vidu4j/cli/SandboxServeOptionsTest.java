package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What `vidu sandbox serve` prints and accepts for clients generated in other languages. */
class SandboxServeOptionsTest {
  @Test
  void theExportedBaseUrlHasNoTrailingSlash() {
    CliRun run = CliRun.of(Map.of(), "sandbox", "serve", "--duration", "200ms");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    Matcher exported = Pattern.compile("export VIDU_BASE_URL=(\\S+)").matcher(run.out());
    assertThat(exported.find()).as(run.out()).isTrue();
    assertThat(exported.group(1)).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(run.out()).contains("listening on " + exported.group(1) + "\n");
  }

  @Test
  void anExtraFieldNeedsANameAndJson() {
    CliRun noName =
        CliRun.of(Map.of(), "sandbox", "serve", "--extra-field", "=1", "--duration", "200ms");
    assertThat(noName.exitCode()).as(noName.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(noName.err()).contains("--extra-field needs NAME=JSON, got '=1'");

    CliRun notJson =
        CliRun.of(
            Map.of(), "sandbox", "serve", "--extra-field", "x_new={oops", "--duration", "200ms");
    assertThat(notJson.exitCode()).as(notJson.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(notJson.err()).contains("--extra-field").contains("x_new");

    CliRun fine =
        CliRun.of(
            Map.of(),
            "sandbox",
            "serve",
            "--extra-field",
            "x_new={\"a\":1}",
            "--duration",
            "200ms");
    assertThat(fine.exitCode()).as(fine.toString()).isZero();
  }
}
