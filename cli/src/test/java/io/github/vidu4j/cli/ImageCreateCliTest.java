package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import io.github.vidu4j.sandbox.ViduSandboxExtension;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every command and exit code, against an in-process sandbox with millisecond timings. */
class ViduCliTest {
  static final String KEY = "vda_cli_test_key_7d1e";

  @RegisterExtension
  static final ViduSandboxExtension vidu =
      ViduSandboxExtension.withOptions(SandboxOptions.fast().toBuilder().apiKey(KEY).build());

  @TempDir Path dir;

  CliRun vidu(String... args) {
    List<String> all = new ArrayList<>(List.of("--base-url", vidu.baseUrl()));
    all.addAll(List.of(args));
    return CliRun.of(Map.of("VIDU_API_KEY", KEY), all.toArray(String[]::new));
  }

  @Nested
  class Images {
    @Test
    void createPrintsTheTaskAndHowToFollowIt() {
      CliRun run = vidu("image", "create", "--model", "viduq2", "--prompt", "a red fox");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).startsWith("task ").contains("created");
      assertThat(run.err()).contains("vidu task wait ");
    }

    @Test
    void waitDownloadsAPngAndPrintsItsPath() throws Exception {
      CliRun run =
          vidu(
              "image",
              "create",
              "--model",
              "viduq2",
              "--prompt",
              "a red fox",
              "--aspect-ratio",
              "1:1",
              "--wait",
              "--output",
              dir.toString());
      assertThat(run.exitCode()).as(run.toString()).isZero();
      Path png = Path.of(run.out().strip());
      assertThat(png.getParent()).isEqualTo(dir);
      assertThat(png.getFileName().toString()).matches("\\d+-1\\.png");
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image.getWidth()).isEqualTo(1080).isEqualTo(image.getHeight());
      assertThat(run.err()).contains("success");
    }

    @Test
    void jsonPutsOnlyTheApisJsonOnStdout() {
      CliRun run =
          vidu(
              "--json",
              "image",
              "create",
              "--model",
              "viduq2",
              "--prompt",
              "a red fox",
              "--wait",
              "--output",
              dir.toString());
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(JsonParser.parseString(run.out()).getAsJsonObject().get("state").getAsString())
          .isEqualTo("success");
      assertThat(run.err()).contains("saved ");
    }

    @Test
    void localImageFileIsSentInline() throws Exception {
      Path input = dir.resolve("in.png");
      ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", input.toFile());
      CliRun run =
          vidu(
              "image",
              "create",
              "--model",
              "viduq1",
              "--prompt",
              "same scene at night",
              "--image",
              input.toString());
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(vidu.sandbox().received(Operation.CREATE_TASK).get(0).requestBody())
          .contains("data:image/png;base64,");
    }

    @Test
    void waitOptionsWithoutWaitAreRefusedNotIgnored() {
      CliRun output =
          vidu("image", "create", "--model", "viduq2", "--prompt", "p", "--output", dir.toString());
      assertThat(output.exitCode()).as(output.toString()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(output.err()).contains("--output applies only with --wait");
      CliRun both =
          vidu(
              "image",
              "create",
              "--model",
              "viduq2",
              "--prompt",
              "p",
              "--timeout",
              "5m",
              "--output",
              dir.toString());
      assertThat(both.err()).contains("--timeout and --output apply only with --wait");
      assertThat(vidu.sandbox().received()).isEmpty();
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeTheTaskIsCreated() throws Exception {
      Path file = Files.writeString(dir.resolve("taken"), "not a directory");
      for (Path output : List.of(file, file.resolve("below"))) {
        CliRun run =
            vidu(
                "image",
                "create",
                "--model",
                "viduq2",
                "--prompt",
                "p",
                "--wait",
                "--output",
                output.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err())
            .contains("--output")
            .contains(file.toString())
            .contains("no task was created");
      }
      assertThat(vidu.sandbox().received()).isEmpty();

      CliRun wait = vidu("task", "wait", "t-any", "--output", file.toString());
      assertThat(wait.exitCode()).as(wait.toString()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(wait.err()).contains("not a directory");
      assertThat(vidu.sandbox().received()).isEmpty();
    }

    @Test
    void aMissingOutputDirectoryIsCreatedOnlyWhenSaving() {
      Path output = dir.resolve("a/b");
      CliRun invalid =
          vidu(
              "image",
              "create",
              "--model",
              "viduq1",
              "--prompt",
              "p",
              "--wait",
              "--output",
              output.toString());
      assertThat(invalid.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(output.getParent()).doesNotExist();

      CliRun run =
          vidu(
              "image",
              "create",
              "--model",
              "viduq2",
              "--prompt",
              "p",
              "--wait",
              "--output",
              output.toString());
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(Path.of(run.out().strip())).exists().hasParent(output);
    }

    @Test
    void anExistingFileIsKeptAndTheImageSavedUnderTheNextFreeName() throws Exception {
      CliRun created =
          vidu(
              "image",
              "create",
              "--model",
              "viduq2",
              "--prompt",
              "twice",
              "--wait",
              "--output",
              dir.toString());
      Path first = Path.of(created.out().strip());
      String id = first.getFileName().toString().replace("-1.png", "");
      byte[] before = Files.readAllBytes(first);
      Files.writeString(dir.resolve(id + "-1-2.png"), "someone else's file");

      CliRun again = vidu("task", "wait", id, "--output", dir.toString());
      assertThat(again.exitCode()).as(again.toString()).isZero();
      assertThat(again.out().strip()).isEqualTo(dir.resolve(id + "-1-3.png").toString());
      assertThat(again.err())
          .contains(id + "-1.png already exists")
          .contains("saved as " + id + "-1-3.png");
      assertThat(Files.readAllBytes(first)).isEqualTo(before);
      assertThat(dir.resolve(id + "-1-2.png")).hasContent("someone else's file");
      assertThat(ImageIO.read(dir.resolve(id + "-1-3.png").toFile()).getWidth()).isPositive();
      try (var files = Files.list(dir)) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .noneMatch(name -> name.endsWith(".part"));
      }
    }

    @Test
    void oneCreationThatCannotBeDownloadedDoesNotLoseTheOthers() throws Exception {
      BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
      java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
      ImageIO.write(pixel, "png", png);
      com.sun.net.httpserver.HttpServer stub =
          com.sun.net.httpserver.HttpServer.create(
              new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
      String base = "http://127.0.0.1:" + stub.getAddress().getPort();
      String task =
          "{\"id\":\"t-two\",\"state\":\"success\",\"err_code\":\"\",\"creations\":["
              + "{\"id\":\"c1\",\"url\":\""
              + base
              + "/gone.png?sig=x\"},{\"id\":\"c2\",\"url\":\""
              + base
              + "/ok?sig=y\"}]}";
      stub.createContext(
          "/",
          exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body =
                path.endsWith("/creations")
                    ? task.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : path.equals("/ok") ? png.toByteArray() : new byte[0];
            exchange.sendResponseHeaders(
                body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      stub.start();
      try {
        CliRun run =
            CliRun.of(
                Map.of("VIDU_API_KEY", KEY),
                "--base-url",
                base + "/",
                "task",
                "wait",
                "t-two",
                "--output",
                dir.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.API_ERROR);
        // Named from the bytes, since the URL names no format.
        assertThat(run.out().strip()).isEqualTo(dir.resolve("t-two-2.png").toString());
        assertThat(run.err())
            .contains("creation 1 of task t-two not saved")
            .doesNotContain("sig=x");
        assertThat(dir.resolve("t-two-1.png")).doesNotExist();
      } finally {
        stub.stop(0);
      }
    }
  }

  @Nested
  class ProgressOutput {
    String[] waitFor(String... extra) {
      List<String> args = new ArrayList<>(List.of("--base-url", vidu.baseUrl()));
      args.addAll(List.of(extra));
      args.addAll(
          List.of(
              "image",
              "create",
              "--model",
              "viduq2",
              "--prompt",
              "p",
              "--wait",
              "--output",
              dir.toString()));
      return args.toArray(String[]::new);
    }

    @Test
    void aLiveLineOnlyWhenStderrIsATerminal() {
      CliRun live = CliRun.onTerminal(Map.of("VIDU_API_KEY", KEY), waitFor());
      assertThat(live.exitCode()).as(live.toString()).isZero();
      assertThat(live.err()).contains("\r");

      CliRun logged = CliRun.of(Map.of("VIDU_API_KEY", KEY), waitFor());
      assertThat(logged.exitCode()).as(logged.toString()).isZero();
      assertThat(logged.err())
          .doesNotContain("\r")
          .containsPattern("task \\d+: success \\(\\d+s\\)");
    }

    @Test
    void noProgressOptionOrEnvironmentVariableSilencesItEvenOnATerminal() {
      CliRun option = CliRun.onTerminal(Map.of("VIDU_API_KEY", KEY), waitFor("--no-progress"));
      CliRun variable =
          CliRun.onTerminal(Map.of("VIDU_API_KEY", KEY, "VIDU_NO_PROGRESS", "1"), waitFor());
      assertThat(List.of(option, variable))
          .allSatisfy(
              run -> {
                assertThat(run.exitCode()).as(run.toString()).isZero();
                assertThat(run.err()).doesNotContain("\r").doesNotContain(": success");
                assertThat(run.out()).endsWith("-1.png" + System.lineSeparator());
              });
    }

    @Test
    void helpStatesTheRule() {
      CliRun run = CliRun.of(Map.of(), "--help");
      assertThat(run.out())
          .contains("--no-progress")
          .contains("VIDU_NO_PROGRESS")
          .contains("TERM")
          .contains("dumb");
      assertThat(CliRun.of(Map.of(), "task", "wait", "--help").out())
          .contains("--no-progress")
          .contains("see vidu --help");
    }
  }

  @Nested
  class JsonOutput {
    @Test
    void aWaitEndingFailedOrTimedOutStillPrintsTheLastTaskJson() {
      vidu.sandbox().faults().failNextTask("CreationPolicyViolation");
      CliRun failed =
          vidu(
              "--json",
              "image",
              "create",
              "--model",
              "viduq2",
              "--prompt",
              "p",
              "--wait",
              "--output",
              dir.toString());
      assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.TASK_FAILED);
      var task = JsonParser.parseString(failed.out()).getAsJsonObject();
      assertThat(task.get("state").getAsString()).isEqualTo("failed");
      assertThat(task.get("err_code").getAsString()).isEqualTo("CreationPolicyViolation");

      vidu.sandbox().givenTask("t-slow", TaskState.PROCESSING);
      CliRun timedOut = vidu("--json", "task", "wait", "t-slow", "--timeout", "1s");
      assertThat(timedOut.exitCode()).as(timedOut.toString()).isEqualTo(ExitCode.WAIT_TIMED_OUT);
      assertThat(
              JsonParser.parseString(timedOut.out()).getAsJsonObject().get("state").getAsString())
          .isEqualTo("processing");
    }

    @Test
    void commandsWithNoApiJsonLeaveStdoutEmpty() throws Exception {
      vidu.sandbox().givenTask("t-q", TaskState.QUEUEING);
      CliRun cancel = vidu("--json", "task", "cancel", "t-q");
      assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
      assertThat(cancel.out()).isEmpty();
      assertThat(cancel.err()).contains("task t-q cancelled");

      CliRun serve = CliRun.of(Map.of(), "--json", "sandbox", "serve", "--duration", "200ms");
      assertThat(serve.exitCode()).as(serve.toString()).isZero();
      assertThat(serve.out()).isEmpty();
      assertThat(serve.err()).contains("listening on http://127.0.0.1:");

      List<String> verify =
          new ArrayList<>(
              List.of(
                  "--json",
                  "callback",
                  "verify",
                  "--secret",
                  KEY,
                  "--url",
                  "https://h.example/cb"));
      CallbackSigner.withSecret(KEY)
          .sign("POST", "https://h.example/cb", Instant.now(), "n-json")
          .forEach((k, v) -> verify.addAll(List.of("--header", k + ": " + v)));
      CliRun headersOnly = CliRun.of(Map.of(), verify.toArray(String[]::new));
      assertThat(headersOnly.exitCode()).as(headersOnly.toString()).isZero();
      assertThat(headersOnly.out()).isEmpty();
      assertThat(headersOnly.err()).contains("headers only");
    }
  }

  @Nested
  class ExitCodes {
    @Test
    void invalidInputExits2WithTheClientsMessagesAndSendsNothing() {
      CliRun run =
          vidu("image", "create", "--model", "viduq1", "--prompt", " ", "--resolution", "4K");
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
      CliRun refused = vidu("image", "create", "--model", "viduq3", "--prompt", "p");
      assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(refused.err()).contains("--allow-unknown-model").doesNotContain("Exception");
      assertThat(vidu.sandbox().received()).isEmpty();

      CliRun sent =
          vidu("image", "create", "--model", "viduq3", "--prompt", "p", "--allow-unknown-model");
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

      CliRun model = vidu("image", "create", "--model", "viduq3", "--prompt", "p");
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
      assertThat(underscore.exitCode())
          .as("a host with '_' is a valid host: " + underscore)
          .isZero();
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
      assertThat(run.err())
          .contains("TaskNotFound")
          .containsPattern("trace[ _]id[ =:]+[0-9a-f]{32}");
    }

    @Test
    void failedTaskExits4WithErrCode() {
      vidu.sandbox().faults().failNextTask("CreationPolicyViolation");
      CliRun run =
          vidu(
              "image",
              "create",
              "--model",
              "viduq2",
              "--prompt",
              "p",
              "--wait",
              "--output",
              dir.toString());
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
              "--sandbox",
              "image",
              "create",
              "--model",
              "viduq2",
              "--prompt",
              "p",
              "--wait",
              "--timeout",
              "300ms",
              "--output",
              dir.toString());
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
      headers.forEach((k, v) -> args.addAll(List.of("--header", k + ": " + v)));
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

  @Nested
  class Tasks {
    @Test
    void getCancelListAndCredits() {
      vidu.sandbox().givenTask("t-queued", TaskState.QUEUEING);
      assertThat(vidu("task", "get", "t-queued").out()).contains("queueing");
      CliRun cancel = vidu("task", "cancel", "t-queued");
      assertThat(cancel.exitCode()).isZero();
      assertThat(vidu("task", "get", "t-queued").out())
          .contains("failed")
          .contains("UserCancelled");
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
    assertThat(JsonParser.parseString(json.out()).getAsJsonArray()).isEmpty();
    assertThat(json.err()).contains("no tasks");
  }

  @Nested
  class Secrets {
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
                  Map.of(),
                  "--verbose",
                  "--api-key=" + KEY,
                  "--base-url",
                  vidu.baseUrl(),
                  "credits"),
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
          .doesNotContainPattern("sig=(?!\u2026)");
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

  @Nested
  class Callbacks {
    // The worked example of Vidu's callback-signature documentation.
    static final String URL = "http://127.0.0.1:8080/vidu/callback?name=james&age=36";
    static final String DATE = "Tue, 06 May 2025 12:09:42 GMT";
    static final String NONCE = "123e4567-e89b-12d3-a456-426614174000";

    @Test
    void signReproducesTheWorkedExample() {
      CliRun run =
          CliRun.of(
              Map.of(),
              "callback",
              "sign",
              "--secret",
              "your_secret_token",
              "--url",
              URL,
              "--date",
              DATE,
              "--nonce",
              NONCE);
      assertThat(run.out().lines())
          .containsExactly(
              "Date: " + DATE,
              "x-request-nonce: " + NONCE,
              "X-HMAC-SIGNED-HEADERS: Date;x-request-nonce",
              "X-HMAC-SIGNATURE: PrO4+kG4W+b3HOSimdHMHn8pnQ6YXQTseBDC/8yvvNA=",
              "X-HMAC-ALGORITHM: hmac-sha256",
              "X-HMAC-ACCESS-KEY: vidu");
    }

    @Test
    void verifyAcceptsTheWorkedExample() throws Exception {
      Path body =
          Files.writeString(
              dir.resolve("body.json"),
              "{\"state\":\"success\",\"err_code\":\"\",\"creations\":[{\"id\":\"c\",\"url\":\"https://x.example/a.png\"}]}");
      CliRun run =
          CliRun.of(
              Map.of(),
              "callback",
              "verify",
              "--secret",
              "your_secret_token",
              "--url",
              URL,
              "--header",
              "X-HMAC-SIGNED-HEADERS: Date;x-request-nonce",
              "--header",
              "Date: " + DATE,
              "--header",
              "x-request-nonce: " + NONCE,
              "--header",
              "X-HMAC-ALGORITHM: hmac-sha256",
              "--header",
              "X-HMAC-ACCESS-KEY: vidu",
              "--header",
              "X-HMAC-SIGNATURE: PrO4+kG4W+b3HOSimdHMHn8pnQ6YXQTseBDC/8yvvNA=",
              "--body-file",
              body.toString(),
              "--now",
              DATE);
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("callback verified").contains("success");

      CliRun late =
          CliRun.of(
              Map.of(),
              "callback",
              "verify",
              "--secret",
              "your_secret_token",
              "--url",
              URL,
              "--header",
              "X-HMAC-SIGNED-HEADERS: Date;x-request-nonce",
              "--header",
              "Date: " + DATE,
              "--header",
              "x-request-nonce: " + NONCE,
              "--header",
              "X-HMAC-ALGORITHM: hmac-sha256",
              "--header",
              "X-HMAC-ACCESS-KEY: vidu",
              "--header",
              "X-HMAC-SIGNATURE: PrO4+kG4W+b3HOSimdHMHn8pnQ6YXQTseBDC/8yvvNA=",
              "--now",
              "Tue, 06 May 2025 12:19:42 GMT");
      assertThat(late.exitCode()).isEqualTo(ExitCode.CALLBACK_REJECTED);
      assertThat(late.err()).contains("STALE");
    }

    @Test
    void listenVerifiesWhatTheSandboxSends() throws Exception {
      int port;
      try (java.net.ServerSocket socket =
          new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      String url = "http://127.0.0.1:" + port + "/hooks/vidu";
      CompletableFuture<CliRun> listening =
          CompletableFuture.supplyAsync(
              () ->
                  CliRun.of(
                      Map.of(),
                      "callback",
                      "listen",
                      "--port",
                      Integer.toString(port),
                      "--secret",
                      KEY,
                      "--url",
                      url,
                      "--count",
                      "2"));
      awaitPort(port);
      CliRun create =
          vidu("image", "create", "--model", "viduq2", "--prompt", "p", "--callback-url", url);
      assertThat(create.exitCode()).as(create.toString()).isZero();

      CliRun listen = listening.get(20, TimeUnit.SECONDS);
      assertThat(listen.exitCode()).as(listen.toString()).isZero();
      assertThat(listen.out().lines())
          .hasSize(2)
          .anySatisfy(l -> assertThat(l).startsWith("accepted task").contains("success"));
    }

    private void awaitPort(int port) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        try (java.net.Socket probe =
            new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
          assertThat(probe.isConnected()).isTrue();
          return;
        } catch (java.io.IOException notYet) {
          Thread.sleep(20);
        }
      }
      throw new AssertionError("callback listen did not start on port " + port);
    }
  }

  @Nested
  class SandboxCommands {
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
      CliRun run =
          CliRun.of(Map.of("VIDU_API_KEY", KEY), "sandbox", "serve", "--duration", "200ms");
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
}
