package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** vidu sandbox serve and the --sandbox option. */
class SandboxCliTest {
  static final String KEY = SandboxedCli.KEY;

  @RegisterExtension static final ViduSandboxExtension vidu = SandboxedCli.extension();

  @TempDir Path dir;

  CliRun vidu(String... args) {
    return SandboxedCli.run(vidu, args);
  }

  @Test
  void sandboxServePrintsUrlAndDemoKey() {
    CliRun run = CliRun.of(Map.of(), "sandbox", "serve", "--duration", "200ms");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("listening on http://127.0.0.1:")
        .contains("Demo API key: " + SandboxOptions.DEMO_KEY);
  }

  @Test
  void sandboxServeDoesNotPrintAGivenKey() {
    CliRun run = CliRun.of(Map.of("VIDU_API_KEY", KEY), "sandbox", "serve", "--duration", "200ms");
    assertThat(run.out()).doesNotContain(KEY).contains("the one you gave");
  }

  @Test
  void sandboxServeRefusesABlankUnlistedState() {
    CliRun run =
        CliRun.of(Map.of(), "sandbox", "serve", "--unlisted-state", " ", "--duration", "200ms");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("--unlisted-state state must not be blank");
  }

  @Test
  void sandboxFlagCannotBeMixedWithABaseUrl() {
    CliRun run = CliRun.of(Map.of(), "--sandbox", "--base-url", "http://127.0.0.1:1/", "credits");
    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
  }

  @Test
  void sandboxFlagRunsWithNoAccount() {
    CliRun run = CliRun.of(Map.of(), "--sandbox", "credits");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).contains("sandbox");
  }
}
