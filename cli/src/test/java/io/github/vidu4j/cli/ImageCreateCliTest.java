package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image commands: create, wait, download, progress and --json, against an in-process sandbox.
 */
class ImageCreateCliTest {
  static final String KEY = SandboxedCli.KEY;

  @RegisterExtension static final ViduSandboxExtension vidu = SandboxedCli.extension();

  @TempDir Path dir;

  CliRun vidu(String... args) {
    return SandboxedCli.run(vidu, args);
  }

  // create and --wait
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
      assertThat(run.err()).contains("creation 1 of task t-two not saved").doesNotContain("sig=x");
      assertThat(dir.resolve("t-two-1.png")).doesNotExist();
    } finally {
      stub.stop(0);
    }
  }

  // progress while waiting
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
    assertThat(logged.err()).doesNotContain("\r").containsPattern("task \\d+: success \\(\\d+s\\)");
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

  // --json
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
    assertThat(JsonParser.parseString(timedOut.out()).getAsJsonObject().get("state").getAsString())
        .isEqualTo("processing");
  }

  @Test
  void commandsWithNoApiJsonPrintADocumentOfTheirOwn() throws Exception {
    vidu.sandbox().givenTask("t-q", TaskState.QUEUEING);
    CliRun cancel = vidu("--json", "task", "cancel", "t-q");
    assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
    assertThat(
            JsonParser.parseString(cancel.out()).getAsJsonObject().get("cancelled").getAsBoolean())
        .isTrue();
    assertThat(cancel.err()).contains("task t-q cancelled");

    CliRun serve = CliRun.of(Map.of(), "--json", "sandbox", "serve", "--duration", "200ms");
    assertThat(serve.exitCode()).as(serve.toString()).isZero();
    assertThat(JsonParser.parseString(serve.out()).getAsJsonObject().get("base_url").getAsString())
        .startsWith("http://127.0.0.1:");
    assertThat(serve.err()).contains("listening on http://127.0.0.1:");

    List<String> verify =
        new ArrayList<>(
            List.of(
                "--json", "callback", "verify", "--secret", KEY, "--url", "https://h.example/cb"));
    CallbackSigner.withSecret(KEY)
        .sign("POST", "https://h.example/cb", Instant.now(), "n-json")
        .forEach((k, v) -> verify.addAll(List.of("--header", k + ": " + v)));
    CliRun headersOnly = CliRun.of(Map.of(), verify.toArray(String[]::new));
    assertThat(headersOnly.exitCode()).as(headersOnly.toString()).isZero();
    assertThat(
            JsonParser.parseString(headersOnly.out())
                .getAsJsonObject()
                .get("verified")
                .getAsBoolean())
        .isTrue();
    assertThat(headersOnly.err()).contains("headers only");
  }
}
