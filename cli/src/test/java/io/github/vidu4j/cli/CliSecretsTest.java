package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The API key and callback secrets never appear in any output, with or without --verbose. */
class CliSecretsTest {
  static final String KEY = SandboxedCli.KEY;

  @RegisterExtension static final ViduSandboxExtension vidu = SandboxedCli.extension();

  @TempDir Path dir;

  CliRun vidu(String... args) {
    return SandboxedCli.run(vidu, args);
  }

  @Test
  void theKeyNeverAppearsEvenWithVerbose() {
    List<CliRun> runs =
        List.of(
            CliRun.of(
                Map.of(),
                "--verbose",
                "--api-key",
                KEY,
                "--base-url",
                vidu.baseUrl(),
                "image",
                "create",
                "--model",
                "viduq2",
                "--prompt",
                "p",
                "--wait",
                "--output",
                dir.toString()),
            CliRun.of(
                Map.of("VIDU_API_KEY", KEY),
                "--verbose",
                "--base-url",
                vidu.baseUrl(),
                "task",
                "get",
                "missing"),
            CliRun.of(
                Map.of(), "--verbose", "--api-key=" + KEY, "--base-url", vidu.baseUrl(), "credits"),
            CliRun.of(
                Map.of(), "--verbose", "--api-key", KEY, "--base-url", "not a url", "credits"));
    // The log did run (it shows the request), and the key is in no line of it.
    assertThat(runs.get(0).err()).contains("[http] --> POST");
    assertThat(runs).allSatisfy(r -> assertThat(r.all()).doesNotContain(KEY));
  }

  @Test
  void aShortSecretDoesNotMangleOutputThatMerelyContainsIt() {
    CliRun run =
        CliRun.of(
            Map.of(), "callback", "sign", "--secret", "vidu", "--url", "https://h.example/cb");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("X-HMAC-ACCESS-KEY: vidu").doesNotContain("<redacted>");
  }

  @Test
  void aKeyGivenWithSurroundingSpacesIsMaskedAsSent() {
    CliRun run =
        CliRun.of(
            Map.of(),
            "--verbose",
            "--api-key",
            "  " + KEY + "  ",
            "--base-url",
            vidu.baseUrl(),
            "credits");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.all()).doesNotContain(KEY);
  }

  /**
   * A result URL's signed query is a credential to the image: kept out of the --verbose HTTP log
   * (which ends up in CI logs and bug reports), shown whole by task get, which exists to give it.
   */
  @Test
  void signedResultUrlsStayOutOfTheHttpLog() {
    CliRun waited =
        vidu(
            "--verbose",
            "image",
            "create",
            "--model",
            "viduq2",
            "--prompt",
            "p",
            "--wait",
            "--output",
            dir.toString());
    assertThat(waited.exitCode()).as(waited.toString()).isZero();
    assertThat(waited.err())
        .contains("/results/")
        .contains("sig=\u2026")
        .doesNotContainPattern("sig=(?!\u2026)")
        // OkHttp's events for each request, the client's own (with their call's handle) beside.
        .containsPattern("\\[http\\] --> GET \\S+/results/")
        .containsPattern("\\[event\\] #\\d+ task \\S+ is success")
        .containsPattern("\\[event\\] #\\d+ downloaded \\d+ bytes from \\S+/results/");
    String id = Path.of(waited.out().strip()).getFileName().toString().replace("-1.png", "");

    CliRun get = vidu("task", "get", id);
    assertThat(get.out())
        .contains("creation 1: ")
        .containsPattern("/results/\\S+\\?expires=\\d+&sig=[\\w-]+");
  }

  @Test
  void callbackSecretsAreNotPrinted() {
    CliRun run =
        CliRun.of(
            Map.of(),
            "callback",
            "sign",
            "--secret",
            "cb-secret-123",
            "--url",
            "https://h.example/cb");
    assertThat(run.all()).doesNotContain("cb-secret-123");
  }
}
