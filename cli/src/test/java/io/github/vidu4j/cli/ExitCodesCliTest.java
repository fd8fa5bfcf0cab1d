package io.github.vidu4j.cli;

import static io.github.vidu4j.cli.SandboxedCli.KEY;
import static io.github.vidu4j.cli.SandboxedCli.imageCreate;
import static io.github.vidu4j.cli.SandboxedCli.imageCreateAndWait;
import static io.github.vidu4j.cli.SandboxedCli.prefixed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every exit code and usage error of the command line, against an in-process sandbox. */
class ExitCodesCliTest {
  @RegisterExtension static final ViduSandboxExtension vidu = SandboxedCli.extension();

  @TempDir Path dir;

  CliRun vidu(String... args) {
    return SandboxedCli.run(vidu, args);
  }

  @Test
  void invalidInputExits2WithTheClientsMessagesAndSendsNothing() {
    CliRun run = vidu(imageCreate("viduq1", " ", "--resolution", "4K"));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err())
        .contains("nothing was sent")
        .contains("images: viduq1 needs 1 to 7 images, got 0")
        .contains("prompt")
        .contains("resolution");
    assertThat(vidu.sandbox().received()).isEmpty();
  }

  @Test
  void unknownModelIsRefusedUnlessExplicitlyAllowed() {
    CliRun refused = vidu(imageCreate("viduq3", "p"));
    assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(refused.err()).contains("--allow-unknown-model").doesNotContain("Exception");
    assertThat(vidu.sandbox().received()).isEmpty();

    CliRun sent = vidu(imageCreate("viduq3", "p", "--allow-unknown-model"));
    // The sandbox, like Vidu today, does not know viduq3 either: an API error, exit 3.
    assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(ExitCode.API_ERROR);
    assertThat(vidu.sandbox().received(Operation.CREATE_TASK)).hasSize(1);
  }

  @Test
  void badDurationAndMissingOptionExit2() {
    assertThat(vidu("task", "wait", "1", "--timeout", "soon").exitCode())
        .isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(vidu("image", "create", "--prompt", "p").exitCode())
        .isEqualTo(ExitCode.INVALID_INPUT);
  }

  @Test
  void aMistypedCommandLineGetsTheProblemAndWhereToReadMoreNotTheWholeUsage() {
    CliRun unknown = vidu("task", "get", "1", "--bogus");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(unknown.err())
        .contains("Unknown option: '--bogus'")
        .contains("see: vidu task get --help")
        .doesNotContain("Usage:");
    assertThat(unknown.err().lines()).hasSizeLessThanOrEqualTo(3);
    assertThat(unknown.out()).isEmpty();

    CliRun typo = vidu("task", "wait", "1", "--timout", "5m");
    assertThat(typo.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(typo.err())
        .contains("--timeout")
        .contains("see: vidu task wait --help")
        .doesNotContain("Usage:");

    CliRun bare = CliRun.of(Map.of(), "task");
    assertThat(bare.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(bare.err())
        .contains("vidu task needs a command: get, wait, cancel, list")
        .doesNotContain("Usage:");
  }

  @Test
  void anOptionWhereTheKeyShouldBeIsNamedNotMasked() {
    CliRun run = CliRun.of(Map.of(), "--api-key", "--sandbox", "credits");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("'--sandbox'").doesNotContain("<redacted>");
  }

  @Test
  void messagesNameTheOptionsAndVariablesNotTheJavaParameters() {
    CliRun option = CliRun.of(Map.of("VIDU_API_KEY", KEY), "--base-url", "nope", "credits");
    assertThat(option.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(option.err())
        .contains("--base-url is not an absolute http(s) URL: nope")
        .doesNotContain("baseUrl");
    CliRun variable = CliRun.of(Map.of("VIDU_API_KEY", KEY, "VIDU_BASE_URL", "nope"), "credits");
    assertThat(variable.err())
        .contains("VIDU_BASE_URL is not an absolute http(s) URL")
        .doesNotContain("baseUrl");

    CliRun id = vidu("task", "get", " ");
    assertThat(id.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(id.err()).contains("ID \" \" is not a task id").doesNotContain("taskId");

    CliRun pageSize = vidu("task", "list", "--page-size", "0");
    assertThat(pageSize.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(pageSize.err())
        .contains("--page-size must be 1 to 100, got 0")
        .doesNotContain("pageSize");

    CliRun state = vidu("task", "list", "--state", "bogus");
    assertThat(state.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(state.err())
        .contains("created, queueing, processing, success, failed")
        .doesNotContainIgnoringCase("unknown_default");
    assertThat(vidu("task", "list", "--state", "SUCCESS").exitCode()).isZero();

    CliRun model = vidu(imageCreate("viduq3", "p"));
    assertThat(model.err())
        .contains("unknown model; known: viduq1, viduq2")
        .contains("--allow-unknown-model")
        .doesNotContain("RequestValidator");
    assertThat(vidu.sandbox().received(Operation.CREATE_TASK)).isEmpty();
  }

  @Test
  void aMissingBodyFileIsNamedAndExits2() {
    Path missing = dir.resolve("nope.json");
    CliRun run =
        CliRun.of(
            Map.of(),
            "callback",
            "verify",
            "--secret",
            KEY,
            "--url",
            "https://h.example/cb",
            "--header",
            "Date: x",
            "--body-file",
            missing.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("--body-file " + missing + ": no such file");
  }

  @Test
  void aCallbackUrlThatIsNoUrlIsRefusedClearly() {
    for (String command : List.of("verify", "sign", "listen")) {
      CliRun run =
          CliRun.of(
              Map.of(),
              "callback",
              command,
              "--secret",
              KEY,
              "--url",
              "not a url",
              "--port",
              "0",
              "--count",
              "1");
      if (!command.equals("listen")) {
        run = CliRun.of(Map.of(), "callback", command, "--secret", KEY, "--url", "not a url");
      }
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(run.err())
          .as(command)
          .contains("--url must be the callback_url")
          .contains("'not a url'");
    }
    CliRun relative =
        CliRun.of(Map.of(), "callback", "sign", "--secret", KEY, "--url", "/vidu/callback");
    assertThat(relative.err()).contains("not an absolute http(s) URL");
    CliRun underscore =
        CliRun.of(
            Map.of(),
            "callback",
            "sign",
            "--secret",
            KEY,
            "--url",
            "https://my_hooks.example.com/vidu");
    assertThat(underscore.exitCode()).as("a host with '_' is a valid host: " + underscore).isZero();
  }

  @Test
  void aBusyPortIsNamed() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(taken.getLocalPort());
      CliRun listen =
          CliRun.of(
              Map.of(),
              "callback",
              "listen",
              "--port",
              port,
              "--secret",
              KEY,
              "--url",
              "http://127.0.0.1/cb");
      CliRun serve = CliRun.of(Map.of(), "sandbox", "serve", "--port", port, "--duration", "1s");
      assertThat(List.of(listen, serve))
          .allSatisfy(
              run -> {
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
                assertThat(run.err())
                    .contains("port " + port + " is already in use")
                    .doesNotContain("Exception");
              });
    }
    assertThat(CliRun.of(Map.of(), "sandbox", "serve", "--port", "70000").err())
        .contains("--port must be 0");
  }

  @Test
  void verboseShowsNoStackTraceForAnOrdinaryApiError() {
    CliRun run = vidu("--verbose", "task", "get", "404404");
    assertThat(run.exitCode()).isEqualTo(ExitCode.API_ERROR);
    assertThat(run.err())
        .contains("[http]")
        .contains("TaskNotFound")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void apiErrorExits3WithReasonAndTraceId() {
    CliRun run = vidu("task", "get", "404404");
    assertThat(run.exitCode()).isEqualTo(ExitCode.API_ERROR);
    assertThat(run.err()).contains("TaskNotFound").containsPattern("trace[ _]id[ =:]+[0-9a-f]{32}");
  }

  @Test
  void failedTaskExits4WithErrCode() {
    vidu.sandbox().faults().failNextTask("CreationPolicyViolation");
    CliRun run = vidu(imageCreateAndWait("viduq2", "p", dir));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TASK_FAILED);
    assertThat(run.err()).contains("CreationPolicyViolation");
  }

  @Test
  void waitTimeoutExits5WithTheResumeCommandBuiltFromTheOptionsGiven() {
    vidu.sandbox().givenTask("t-forever", TaskState.PROCESSING);
    CliRun run = vidu("task", "wait", "t-forever", "--timeout", "1s");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.WAIT_TIMED_OUT);
    // The --timeout that just ran out is not repeated: resuming with it would only time out
    // again.
    assertThat(run.err())
        .contains("within 1s (last state: processing)")
        .contains(
            "Resume with: vidu --base-url "
                + vidu.baseUrl()
                + " task wait t-forever"
                + System.lineSeparator())
        .doesNotContain("PT")
        .doesNotContain("--timeout 1s");

    Path spaced = dir.resolve("my images");
    CliRun withOutput =
        vidu("task", "wait", "t-forever", "--timeout", "500ms", "--output", spaced.toString());
    assertThat(withOutput.err())
        .contains("task wait t-forever --output '" + spaced + "'")
        .doesNotContain("--timeout 500ms");

    CliRun region =
        CliRun.of(
            Map.of("VIDU_API_KEY", KEY, "VIDU_BASE_URL", vidu.baseUrl()),
            "task",
            "wait",
            "t-forever",
            "--timeout",
            "1s");
    assertThat(region.exitCode()).isEqualTo(ExitCode.WAIT_TIMED_OUT);
    assertThat(region.err())
        .contains("Resume with: vidu task wait t-forever" + System.lineSeparator());
  }

  @Test
  void waitTimeoutUnderSandboxSaysTheTaskCannotBeResumed() {
    CliRun run =
        CliRun.of(
            Map.of(),
            prefixed(
                imageCreate(
                    "viduq2", "p", "--wait", "--timeout", "300ms", "--output", dir.toString()),
                "--sandbox"));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.WAIT_TIMED_OUT);
    assertThat(run.err())
        .contains("cannot be resumed")
        .contains("vidu sandbox serve")
        .contains("--base-url")
        .doesNotContain("Resume with");
  }

  @Test
  void rejectedCallbackExits6WithTheReason() {
    Map<String, String> headers =
        CallbackSigner.withSecret("someone-else")
            .sign("POST", "https://h.example/cb", Instant.now(), "n-1");
    List<String> args =
        new ArrayList<>(
            List.of("callback", "verify", "--secret", KEY, "--url", "https://h.example/cb"));
    args.addAll(SandboxedCli.headerOptions(headers));
    CliRun run = CliRun.of(Map.of(), args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(ExitCode.CALLBACK_REJECTED);
    assertThat(run.err()).contains("BAD_SIGNATURE").doesNotContain(KEY);
  }

  @Test
  void networkFailureExits7() {
    int closedPort;
    try (ViduSandbox gone = ViduSandbox.start(SandboxOptions.fast())) {
      closedPort = gone.port();
    }
    CliRun run =
        CliRun.of(
            Map.of("VIDU_API_KEY", KEY),
            "--base-url",
            "http://127.0.0.1:" + closedPort + "/",
            "credits");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NETWORK);
  }

  @Test
  void noKeyWithoutSandboxSaysHowToSetOne() {
    CliRun run = CliRun.of(Map.of(), "credits");
    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("VIDU_API_KEY").contains("--sandbox");
  }

  @Test
  void helpIsACommandToo() {
    CliRun root = CliRun.of(Map.of(), "help");
    assertThat(root.exitCode()).as(root.toString()).isZero();
    assertThat(root.out()).contains("Usage: vidu").contains("Exit codes:");
    CliRun task = CliRun.of(Map.of(), "help", "task");
    assertThat(task.exitCode()).as(task.toString()).isZero();
    assertThat(task.out()).contains("Usage: vidu task").contains("wait");
  }

  @Test
  void everyCommandsHelpDocumentsTheExitCodes() {
    List<List<String>> commands = new ArrayList<>();
    collect(
        new picocli.CommandLine(
            new ViduCli(
                Map.of(),
                java.io.OutputStream.nullOutputStream(),
                java.io.OutputStream.nullOutputStream(),
                false)),
        new ArrayList<>(),
        commands);
    assertThat(commands).hasSizeGreaterThanOrEqualTo(16);
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add("--help");
      CliRun run = CliRun.of(Map.of(), args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out())
          .as("vidu %s --help", String.join(" ", command))
          .contains("Exit codes:")
          .contains("5  wait timed out")
          .contains("7  network failure");
    }
  }

  private void collect(picocli.CommandLine command, List<String> path, List<List<String>> into) {
    into.add(path);
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> deeper = new ArrayList<>(path);
              deeper.add(name);
              collect(sub, deeper, into);
            });
  }
}
