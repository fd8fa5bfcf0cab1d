package io.github.vidu4j.cli;

import static io.github.vidu4j.cli.SandboxedCli.imageCreate;
import static io.github.vidu4j.cli.SandboxedCli.prefixed;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import io.github.vidu4j.cli.SandboxedCli.FakeApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile API puts terminal escape sequences in every field the CLI prints: window title (OSC 0),
 * clipboard write (OSC 52), clear screen, cursor up and carriage return to overwrite earlier lines,
 * a hyperlink (OSC 8), an 8-bit CSI, a bidi override and a line feed. In text mode none of them
 * reaches stdout or stderr raw, and each is shown escaped; {@code --json} is still JSON with the
 * exact values.
 */
class TerminalInjectionTest {
  /** Everything a terminal would act on, behind one printable character (so trim() keeps it). */
  static final String HOSTILE =
      "x\u001b]0;PWNEDTITLE\u0007\u001b]52;c;cm0gLXJmIH4K\u0007\u001b[2J\u001b[1A\rPWNEDOVERWRITE"
          + "\u001b]8;;http://evil.example/\u0007PWNEDLINK\u009b2J\u202eevil\nFAKE LINE\u0000\u007f";

  /** The same without its one {@code /} (OSC 8's URL), so the CLI can follow it as a task id. */
  static final String HOSTILE_ID = HOSTILE.replace("http://evil.example/", "evil");

  @TempDir Path dir;
  volatile String createdId = HOSTILE_ID;
  FakeApi hostile;

  @BeforeEach
  void startHostileApi() throws IOException {
    hostile = FakeApi.start(this::answer);
  }

  @AfterEach
  void stopHostileApi() {
    hostile.close();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    exchange.getRequestBody().readAllBytes();
    JsonObject body = new JsonObject();
    int status = 200;
    if (path.endsWith("/creations")) {
      body.addProperty("id", HOSTILE);
      body.addProperty("state", HOSTILE);
      body.addProperty("err_code", HOSTILE);
      body.addProperty("credits", 8);
      JsonObject creation = new JsonObject();
      creation.addProperty("id", "1");
      creation.addProperty("url", "https://cdn.example/" + HOSTILE);
      com.google.gson.JsonArray creations = new com.google.gson.JsonArray();
      creations.add(creation);
      body.add("creations", creations);
    } else if (path.endsWith("/credits")) {
      status = 400;
      body.addProperty("code", 400);
      body.addProperty("reason", HOSTILE);
      body.addProperty("message", HOSTILE);
      JsonObject metadata = new JsonObject();
      metadata.addProperty("trace_id", HOSTILE);
      body.add("metadata", metadata);
    } else if (path.endsWith("/tasks")) {
      JsonObject task = new JsonObject();
      task.addProperty("id", HOSTILE);
      task.addProperty("state", HOSTILE);
      task.addProperty("model", HOSTILE);
      task.addProperty("prompt", HOSTILE);
      com.google.gson.JsonArray tasks = new com.google.gson.JsonArray();
      tasks.add(task);
      body.add("tasks", tasks);
      body.addProperty("next_page_token", HOSTILE);
    } else if (path.endsWith("/reference2image") || path.endsWith("/text2video")) {
      body.addProperty("task_id", createdId);
      body.addProperty("state", HOSTILE);
      body.addProperty("credits", 8);
    }
    FakeApi.answerJson(exchange, status, body.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Every character a terminal would act on, other than the line feeds the CLI writes itself. */
  static void assertNoRawControl(String stream, boolean liveProgress) {
    for (int i = 0; i < stream.length(); i++) {
      char c = stream.charAt(i);
      if (c == '\n' || c == '\t' || (c == '\r' && liveProgress)) {
        continue;
      }
      assertThat(TerminalText.unsafe(c))
          .as(
              "raw U+%04X at %d in %s",
              (int) c, i, stream.substring(Math.max(0, i - 40), Math.min(stream.length(), i + 40)))
          .isFalse();
    }
    // The payload's own carriage return and line feed are shown escaped, never acted on.
    assertThat(stream).doesNotContain("\rPWNEDOVERWRITE").doesNotContain("\nFAKE LINE");
  }

  /** {@code vidu} against the hostile API, asserting that nothing raw reached either stream. */
  private CliRun safeRun(String... args) {
    CliRun run = CliRun.of(hostile.environment(), args);
    assertNoRawControl(run.out(), false);
    assertNoRawControl(run.err(), false);
    return run;
  }

  /** {@code image create} of a fox from a reference URL, then {@code more}. */
  private static String[] foxImage(String... more) {
    return imageCreate("viduq2", "a fox", prefixed(more, "--image", "https://img.example/fox.png"));
  }

  /** {@code video text2video} of a fox, then {@code more}. */
  private static String[] foxVideo(String... more) {
    return prefixed(
        more, "video", "text2video", "--model", "viduq2", "--prompt", "a fox in the snow");
  }

  /** A wait on a task stuck in the hostile state, for one second. */
  private String[] waitOneSecond() {
    return new String[] {
      "task", "wait", "900000000000000001", "--timeout", "1s", "--output", dir.toString()
    };
  }

  @Test
  void taskGetShowsStateErrCodeAndUrlEscaped() {
    CliRun run = safeRun("task", "get", "900000000000000001");
    assertThat(run.out())
        .contains("\\x1b]0;PWNEDTITLE\\x07")
        .contains("\\x1b]52;c;cm0gLXJmIH4K\\x07")
        .contains("\\x1b[2J\\x1b[1A\\rPWNEDOVERWRITE")
        .contains("\\x9b2J\\u202eevil\\nFAKE LINE\\x00\\x7f")
        .contains("(err_code x\\x1b]0;")
        .contains("creation 1: https://cdn.example/x\\x1b]0;");
  }

  @Test
  void verboseLogsAreEscapedToo() {
    CliRun run = safeRun("--verbose", "task", "get", "900000000000000001");
    assertThat(run.err()).contains("[http]");
  }

  @Test
  void anApiErrorsReasonMessageAndTraceIdAreEscaped() {
    CliRun run = safeRun("credits");
    assertThat(run.exitCode()).isEqualTo(ExitCode.API_ERROR);
    assertThat(run.err()).contains("x\\x1b]0;PWNEDTITLE");
  }

  @Test
  void taskListEscapesEveryColumnAndTheNextPageToken() {
    CliRun run = safeRun("task", "list");
    assertThat(run.out()).contains("x\\x1b]0;PWNEDTITLE");
    assertThat(run.err()).contains("more: vidu task list --page-token 'x\\x1b]0;");
  }

  @Test
  void theProgressLinesAndTheTimeoutMessageAreEscaped() {
    CliRun run = safeRun(waitOneSecond());
    assertThat(run.exitCode()).isEqualTo(ExitCode.WAIT_TIMED_OUT);
    assertThat(run.err()).contains("task 900000000000000001: x\\x1b]0;PWNEDTITLE");
  }

  @Test
  void theLiveProgressLineRedrawsWithItsOwnCarriageReturnsOnly() {
    CliRun run = CliRun.onTerminal(hostile.environment(), waitOneSecond());
    assertNoRawControl(run.out(), false);
    assertNoRawControl(run.err(), true);
    assertThat(run.err()).contains("\r").contains("x\\x1b]0;PWNEDTITLE");
  }

  @Test
  void imageCreateShowsTheTaskIdEscapedAndQuotedForTheShell() {
    CliRun run = safeRun(foxImage());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).startsWith("task x\\x1b]0;PWNEDTITLE");
    assertThat(run.err()).contains("follow it with: vidu task wait 'x\\x1b]0;PWNEDTITLE");
  }

  @Test
  void aFollowCommandIsQuotedSoTheShellCannotRunWhatTheIdHolds() {
    createdId = "1 && touch INJECTED; echo";
    CliRun run = safeRun(foxImage());
    assertThat(run.err()).contains("follow it with: vidu task wait '1 && touch INJECTED; echo'");
  }

  @Test
  void waitingOnAnIdThatCannotBeFollowedSaysTheTaskWasCreatedNotInvalidInput() {
    createdId = "1 && touch /tmp/INJECTED; echo";
    CliRun run = safeRun(foxImage("--wait", "--timeout", "2s", "--output", dir.toString()));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OTHER);
    assertThat(run.err())
        .contains("created the task")
        .contains("task_id \"1 && touch /tmp/INJECTED; echo\"")
        .contains("vidu task list")
        .doesNotContain("invalid input");
  }

  @Test
  void videoCreateShowsTheTaskIdEscapedAndQuotedForTheShellAsImageCreateDoes() {
    CliRun run = safeRun(foxVideo());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).startsWith("task x\\x1b]0;PWNEDTITLE");
    assertThat(run.err()).contains("follow it with: vidu task wait 'x\\x1b]0;PWNEDTITLE");
  }

  @Test
  void waitingOnAVideoIdThatCannotBeFollowedSaysTheTaskWasCreated() {
    createdId = "1 && touch /tmp/INJECTED; echo";
    CliRun run = safeRun(foxVideo("--wait", "--timeout", "2s", "--output", dir.toString()));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OTHER);
    assertThat(run.err())
        .contains("created the task")
        .contains("vidu task list")
        .doesNotContain("invalid input");
  }

  @Test
  void aBatchReportNamesEachLinesOperationAndShowsTheServersTaskIdEscaped() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("clips.jsonl"),
            "{\"name\": \"fox-run\", \"operation\": \"text2video\", \"model\": \"viduq2\","
                + " \"prompt\": \"a fox in the snow\"}\n");
    String[] batch = {
      "--no-progress",
      "batch",
      file.toString(),
      "--output",
      dir.resolve("out").toString(),
      "--timeout",
      "1s",
      "--poll-interval",
      "100ms"
    };

    CliRun text = safeRun(batch);

    assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCode.TASK_FAILED);
    assertThat(text.out())
        .contains("line 1 (fox-run) text2video: ")
        .contains("x\\x1b]0;PWNEDTITLE");

    // Another output directory, so that this run creates (and reports) a task of its own.
    batch[4] = dir.resolve("out-json").toString();
    CliRun json = CliRun.of(hostile.environment(), prefixed(batch, "--json"));
    assertNoRawControl(json.out(), false);
    assertThat(json.out()).as(json.toString()).contains("\"lines\"");
    JsonObject line =
        JsonParser.parseString(json.out())
            .getAsJsonObject()
            .getAsJsonArray("lines")
            .get(0)
            .getAsJsonObject();
    assertThat(line.get("operation").getAsString()).isEqualTo("text2video");
    assertThat(line.get("task_id").getAsString()).isEqualTo(HOSTILE_ID);
  }

  @Test
  void jsonOutputStaysExactJson() {
    CliRun get = CliRun.of(hostile.environment(), "--json", "task", "get", "900000000000000001");
    assertNoRawControl(get.out(), false);
    JsonObject task = JsonParser.parseString(get.out()).getAsJsonObject();
    assertThat(task.get("state").getAsString()).isEqualTo(HOSTILE);
    assertThat(task.get("err_code").getAsString()).isEqualTo(HOSTILE);

    CliRun credits = CliRun.of(hostile.environment(), "--json", "credits");
    assertNoRawControl(credits.out(), false);
    assertNoRawControl(credits.err(), false);
    JsonObject error = JsonParser.parseString(credits.out()).getAsJsonObject();
    assertThat(error.get("reason").getAsString()).isEqualTo(HOSTILE);
    assertThat(error.getAsJsonObject("metadata").get("trace_id").getAsString()).isEqualTo(HOSTILE);
  }

  @Test
  void theSanitiserEscapesC0DelC1AndBidiAndNothingElse() {
    assertThat(TerminalText.escape("plain täsk 900, émoji 🦊 / 'quoted'"))
        .isEqualTo("plain täsk 900, émoji 🦊 / 'quoted'");
    assertThat(
            TerminalText.escape("\u001b[2J\u0007\r\n\t\u0000\u007f\u0085\u009b\u202e\u2066\u200f"))
        .isEqualTo("\\x1b[2J\\x07\\r\\n\\t\\x00\\x7f\\x85\\x9b\\u202e\\u2066\\u200f");
    assertThat(TerminalText.escape(null)).isEqualTo("null");
  }
}
