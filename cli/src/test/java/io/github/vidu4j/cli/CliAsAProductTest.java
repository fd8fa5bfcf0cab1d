package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user of the command line sees: machine-readable failures, every problem at once, messages,
 * help.
 */
class CliAsAProductTest {
  static final String KEY = SandboxedCli.KEY;
  static final String LONG_PROMPT = "x".repeat(2001);

  @RegisterExtension static final ViduSandboxExtension vidu = SandboxedCli.extension();

  @TempDir Path dir;

  CliRun vidu(String... args) {
    return SandboxedCli.run(vidu, args);
  }

  Path notAnImage() throws Exception {
    return Files.writeString(dir.resolve("notes.txt"), "hello", StandardCharsets.UTF_8);
  }

  @Nested
  class JsonOnFailure {
    @Test
    void anApiErrorPrintsVidusErrorJson() {
      CliRun run = vidu("--json", "task", "get", "404404");
      assertThat(run.exitCode()).isEqualTo(ExitCode.API_ERROR);
      JsonObject error = JsonParser.parseString(run.out()).getAsJsonObject();
      assertThat(error.get("reason").getAsString()).isEqualTo("TaskNotFound");
      assertThat(error.getAsJsonObject("metadata").get("trace_id").getAsString()).isNotBlank();
      assertThat(run.err()).contains("TaskNotFound");
    }

    @Test
    void invalidInputPrintsEveryViolationWithItsCode() throws Exception {
      CliRun run =
          vidu(
              "--json",
              "image",
              "create",
              "--model",
              "viduq1",
              "--prompt",
              LONG_PROMPT,
              "--aspect-ratio",
              "21:9",
              "--resolution",
              "4K",
              "--image",
              notAnImage().toString());
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
      JsonArray violations =
          JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("violations");
      assertThat(
              StreamSupport.stream(violations.spliterator(), false)
                  .map(v -> v.getAsJsonObject().get("code").getAsString()))
          .containsExactly("PROMPT_LENGTH", "IMAGE_FORMAT", "ASPECT_RATIO", "RESOLUTION");
      JsonObject image = violations.get(1).getAsJsonObject();
      assertThat(image.get("field").getAsString()).isEqualTo("images[0]");
      assertThat(image.get("value").getAsString()).endsWith("notes.txt");
      assertThat(image.get("rule").getAsString())
          .contains("not image/png, image/jpeg or image/webp");
      assertThat(vidu.sandbox().received()).isEmpty();
    }

    @Test
    void otherFailuresPrintASmallErrorObject() {
      CliRun parse = vidu("--json", "task", "get", "1", "--bogus");
      assertThat(parse.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
      assertError(
          parse.out(), "invalid_input", ExitCode.INVALID_INPUT, "Unknown option: '--bogus'");

      CliRun noKey = CliRun.of(Map.of(), "--json", "credits");
      assertThat(noKey.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
      assertError(noKey.out(), "invalid_input", ExitCode.INVALID_INPUT, "no API key");

      int closedPort;
      try (ViduSandbox gone = ViduSandbox.start(SandboxOptions.fast())) {
        closedPort = gone.port();
      }
      CliRun network =
          CliRun.of(
              Map.of("VIDU_API_KEY", KEY),
              "--json",
              "--base-url",
              "http://127.0.0.1:" + closedPort + "/",
              "credits");
      assertThat(network.exitCode()).isEqualTo(ExitCode.NETWORK);
      assertError(network.out(), "network", ExitCode.NETWORK, "");
    }

    private void assertError(String out, String type, int exitCode, String messagePart) {
      JsonObject error = JsonParser.parseString(out).getAsJsonObject().getAsJsonObject("error");
      assertThat(error.get("type").getAsString()).isEqualTo(type);
      assertThat(error.get("exit_code").getAsInt()).isEqualTo(exitCode);
      assertThat(error.get("message").getAsString())
          .contains(messagePart)
          .doesNotStartWith("error:");
    }
  }

  @Nested
  class AllProblemsAtOnce {
    @Test
    void aBadImageIsOneViolationAmongTheOthers() throws Exception {
      CliRun run =
          vidu(
              "image",
              "create",
              "--model",
              "viduq1",
              "--prompt",
              LONG_PROMPT,
              "--aspect-ratio",
              "21:9",
              "--resolution",
              "4K",
              "--image",
              notAnImage().toString(),
              "--image",
              dir.resolve("missing.png").toString());
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(run.err())
          .contains("invalid input, nothing was sent:")
          .contains("prompt: at most 2000 characters, got 2001 characters")
          .contains(
              "images[0]: image "
                  + dir.resolve("notes.txt")
                  + ": not image/png, image/jpeg or image/webp, the formats Vidu accepts")
          .contains("images[1]: image " + dir.resolve("missing.png") + ": no such file")
          .contains("aspect_ratio: viduq1 supports")
          .contains("resolution: viduq1 supports 1080p, got 4K");
      assertThat(vidu.sandbox().received()).isEmpty();
    }
  }

  @Nested
  class Messages {
    @Test
    void autoWithoutAnImageIsSentSinceViduDocumentsNoSuchError() {
      CliRun run =
          vidu("image", "create", "--model", "viduq2", "--prompt", "p", "--aspect-ratio", "auto");
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aStaleCallbackIsDescribedInTheCliseDurations() {
      CliRun run =
          CliRun.of(
              Map.of(),
              "callback",
              "verify",
              "--secret",
              "your_secret_token",
              "--url",
              "http://127.0.0.1:8080/vidu/callback?name=james&age=36",
              "--header",
              "Date: Tue, 06 May 2025 12:09:42 GMT",
              "--header",
              "x-request-nonce: 123e4567-e89b-12d3-a456-426614174000",
              "--header",
              "X-HMAC-SIGNED-HEADERS: Date;x-request-nonce",
              "--header",
              "X-HMAC-ALGORITHM: hmac-sha256",
              "--header",
              "X-HMAC-ACCESS-KEY: vidu",
              "--header",
              "X-HMAC-SIGNATURE: PrO4+kG4W+b3HOSimdHMHn8pnQ6YXQTseBDC/8yvvNA=",
              "--now",
              "Tue, 06 May 2025 12:19:42 GMT");
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CALLBACK_REJECTED);
      assertThat(run.err()).contains("more than 5m old").doesNotContain("PT5M");
    }

    @Test
    void theSandboxWithoutWaitSaysTheTaskEndsWithTheCommand() {
      CliRun run =
          CliRun.of(Map.of(), "--sandbox", "image", "create", "--model", "viduq2", "--prompt", "p");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.err())
          .contains("stops with this command, and this task with it; add --wait")
          .doesNotContain("vidu task wait");
    }

    @Test
    void aCancelledTaskShowsItsCreditsAsRefunded() {
      vidu.sandbox().givenTask("t-refund", TaskState.PROCESSING);
      assertThat(vidu("task", "cancel", "t-refund").exitCode()).isZero();
      CliRun get = vidu("task", "get", "t-refund");
      assertThat(get.out())
          .contains("failed (err_code UserCancelled)")
          .containsPattern(", \\d+ credits refunded");
      vidu.sandbox().givenTask("t-done", TaskState.SUCCESS);
      assertThat(vidu("task", "get", "t-done").out())
          .containsPattern(", \\d+ credits\\R")
          .doesNotContain("refunded");
    }

    /** Every error path a user can reach without an account; none may show Java's names. */
    @Test
    void noErrorMessageShowsJavaNames() throws Exception {
      Path image = notAnImage();
      List<String[]> paths =
          List.of(
              new String[] {"image", "create", "--model", "viduq9", "--prompt", "p"},
              new String[] {
                "image",
                "create",
                "--model",
                "viduq1",
                "--prompt",
                LONG_PROMPT,
                "--image",
                image.toString(),
                "--image",
                "ftp://example.com/a.png",
                "--image",
                dir.resolve("missing.png").toString(),
                "--aspect-ratio",
                "21:9",
                "--resolution",
                "4K",
                "--callback-url",
                "not a url",
                "--payload",
                "x".repeat(1_048_577)
              },
              new String[] {
                "image", "create", "--model", "viduq2", "--prompt", " ", "--aspect-ratio", "auto"
              },
              new String[] {
                "image",
                "create",
                "--model",
                "viduq2",
                "--prompt",
                "p",
                "--output",
                image.toString(),
                "--wait"
              },
              new String[] {
                "image", "create", "--model", "viduq2", "--prompt", "p", "--timeout", "5m"
              },
              new String[] {"task", "get", "404404"},
              new String[] {"task", "get", "a/b"},
              new String[] {"task", "wait", "1", "--timeout", "soon"},
              new String[] {"task", "list", "--page-size", "0"},
              new String[] {"task", "list", "--state", "paused"},
              new String[] {"task", "cancel", "404404"},
              new String[] {"help", "nope"},
              new String[] {"task"},
              new String[] {"--region", "mars", "credits"},
              new String[] {"callback", "verify", "--secret", "s", "--url", "nope"},
              new String[] {"sandbox", "serve", "--port", "70000"});
      for (String[] args : paths) {
        for (CliRun run : List.of(vidu(args), json(args))) {
          assertThat(run.exitCode()).as(run.toString()).isNotZero();
          assertThat(run.all())
              .as(run.toString())
              .doesNotContain("()")
              .doesNotContain(".java")
              .doesNotContain("Exception")
              .doesNotContain("RequestValidator")
              .doesNotContain("ImageInput");
        }
      }
      CliRun noKey = CliRun.of(Map.of(), "credits");
      assertThat(noKey.all()).doesNotContain("()").doesNotContain(".java");
    }

    private CliRun json(String[] args) {
      List<String> all = new ArrayList<>(List.of("--json"));
      all.addAll(List.of(args));
      return vidu(all.toArray(String[]::new));
    }
  }

  @Nested
  class Help {
    @Test
    void helpWorksAtAnyDepth() {
      CliRun create = CliRun.of(Map.of(), "help", "image", "create");
      assertThat(create.exitCode()).as(create.toString()).isZero();
      assertThat(create.out()).startsWith("Usage: vidu image create").contains("--aspect-ratio");
      CliRun wait = CliRun.of(Map.of(), "help", "task", "wait");
      assertThat(wait.out()).startsWith("Usage: vidu task wait").contains("--timeout");
      CliRun unknown = CliRun.of(Map.of(), "help", "image", "paint");
      assertThat(unknown.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(unknown.err()).contains("vidu image has no command 'paint'; its commands: create");
    }

    @Test
    void globalOptionsAreListedOnceInTheRootHelpAndReferredToElsewhere() {
      CliRun root = CliRun.of(Map.of(), "--help");
      assertThat(root.out()).contains("--api-key=KEY").contains("--no-progress").contains("--json");
      CliRun create = CliRun.of(Map.of(), "image", "create", "--help");
      assertThat(create.out())
          .doesNotContain("--api-key=KEY")
          .doesNotContain("[--json]")
          .doesNotContain("VIDU_NO_PROGRESS");
      assertThat(create.out().replaceAll("\\s+", " "))
          .contains(
              "Global options (--api-key, --base-url, --region, --sandbox, --json, --no-progress, --verbose): see vidu --help.");
      CliRun cancel = CliRun.of(Map.of(), "task", "cancel", "--help");
      assertThat(cancel.out().lines().count()).isLessThan(30);
      // Options given after the subcommand still work: only their help moved.
      CliRun sandbox = CliRun.of(Map.of(), "credits", "--sandbox", "--json");
      assertThat(sandbox.exitCode()).as(sandbox.toString()).isZero();
      assertThat(JsonParser.parseString(sandbox.out()).isJsonObject()).isTrue();
    }

    @Test
    void cancelHelpMatchesWhatCancelDoes() {
      CliRun help = CliRun.of(Map.of(), "task", "cancel", "--help");
      assertThat(help.out())
          .contains("has not finished, queued or processing")
          .doesNotContain("has not started");
      vidu.sandbox().givenTask("t-processing", TaskState.PROCESSING);
      assertThat(vidu("task", "cancel", "t-processing").exitCode()).isZero();
    }
  }
}
