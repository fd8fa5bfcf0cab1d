package io.github.vidu4j.cli;

import static io.github.vidu4j.cli.SandboxedCli.KEY;
import static io.github.vidu4j.cli.SandboxedCli.imageCreate;
import static io.github.vidu4j.cli.SandboxedCli.imageCreateAndWait;
import static io.github.vidu4j.cli.SandboxedCli.prefixed;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.cli.SandboxedCli.FakeApi;
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
  @RegisterExtension static final ViduSandboxExtension vidu = SandboxedCli.extension();

  @TempDir Path dir;

  CliRun vidu(String... args) {
    return SandboxedCli.run(vidu, args);
  }

  // create and --wait
  @Test
  void createPrintsTheTaskAndHowToFollowIt() {
    CliRun run = vidu(imageCreate("viduq2", "a red fox"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("task ").contains("created");
    assertThat(run.err()).contains("vidu task wait ");
  }

  @Test
  void waitDownloadsAPngAndPrintsItsPath() throws Exception {
    CliRun run =
        vidu(
            imageCreate(
                "viduq2",
                "a red fox",
                "--aspect-ratio",
                "1:1",
                "--wait",
                "--output",
                dir.toString()));
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
    CliRun run = vidu(prefixed(imageCreateAndWait("viduq2", "a red fox", dir), "--json"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(JsonParser.parseString(run.out()).getAsJsonObject().get("state").getAsString())
        .isEqualTo("success");
    assertThat(run.err()).contains("saved ");
  }

  @Test
  void localImageFileIsSentInline() throws Exception {
    Path input = dir.resolve("in.png");
    ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", input.toFile());
    CliRun run = vidu(imageCreate("viduq1", "same scene at night", "--image", input.toString()));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(vidu.sandbox().received(Operation.CREATE_TASK).get(0).requestBody())
        .contains("data:image/png;base64,");
  }

  @Test
  void waitOptionsWithoutWaitAreRefusedNotIgnored() {
    CliRun output = vidu(imageCreate("viduq2", "p", "--output", dir.toString()));
    assertThat(output.exitCode()).as(output.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(output.err()).contains("--output applies only with --wait");
    CliRun both = vidu(imageCreate("viduq2", "p", "--timeout", "5m", "--output", dir.toString()));
    assertThat(both.err()).contains("--timeout and --output apply only with --wait");
    assertThat(vidu.sandbox().received()).isEmpty();
  }

  @Test
  void anOutputThatCannotBeWrittenIsRefusedBeforeTheTaskIsCreated() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "not a directory");
    for (Path output : List.of(file, file.resolve("below"))) {
      CliRun run = vidu(imageCreateAndWait("viduq2", "p", output));
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
    CliRun invalid = vidu(imageCreateAndWait("viduq1", "p", output));
    assertThat(invalid.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(output.getParent()).doesNotExist();

    CliRun run = vidu(imageCreateAndWait("viduq2", "p", output));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Path.of(run.out().strip())).exists().hasParent(output);
  }

  @Test
  void anExistingFileIsKeptAndTheImageSavedUnderTheNextFreeName() throws Exception {
    CliRun created = vidu(imageCreateAndWait("viduq2", "twice", dir));
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
    try (FakeApi stub =
        FakeApi.start(
            exchange -> {
              String path = exchange.getRequestURI().getPath();
              String base = "http://127.0.0.1:" + exchange.getLocalAddress().getPort();
              String task =
                  "{\"id\":\"t-two\",\"state\":\"success\",\"err_code\":\"\",\"creations\":["
                      + "{\"id\":\"c1\",\"url\":\""
                      + base
                      + "/gone.png?sig=x\"},{\"id\":\"c2\",\"url\":\""
                      + base
                      + "/ok?sig=y\"}]}";
              byte[] body =
                  path.endsWith("/creations")
                      ? task.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                      : path.equals("/ok") ? png.toByteArray() : new byte[0];
              FakeApi.answer(exchange, body.length == 0 ? 404 : 200, body);
            })) {
      CliRun run =
          CliRun.of(
              Map.of("VIDU_API_KEY", KEY),
              "--base-url",
              stub.base() + "/",
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
    }
  }

  // progress while waiting
  String[] waitFor(String... extra) {
    return prefixed(
        imageCreateAndWait("viduq2", "p", dir), prefixed(extra, "--base-url", vidu.baseUrl()));
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
    CliRun failed = vidu(prefixed(imageCreateAndWait("viduq2", "p", dir), "--json"));
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
    verify.addAll(
        SandboxedCli.headerOptions(
            CallbackSigner.withSecret(KEY)
                .sign("POST", "https://h.example/cb", Instant.now(), "n-json")));
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
