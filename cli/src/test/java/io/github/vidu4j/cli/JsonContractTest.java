package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} is a contract: every command, on every way it can end, prints exactly one JSON
 * document on stdout (messages go to stderr), which a script can parse whatever the exit code.
 */
class JsonContractTest {
  static final String KEY = SandboxedCli.KEY;

  @RegisterExtension static final ViduSandboxExtension vidu = SandboxedCli.extension();

  @TempDir Path dir;

  CliRun json(String... args) {
    List<String> all = new ArrayList<>(List.of("--json"));
    all.addAll(List.of(args));
    return SandboxedCli.run(vidu, all.toArray(String[]::new));
  }

  /** Exactly one JSON document on stdout, nothing after it; returns it. */
  static JsonElement oneDocument(CliRun run, int exitCode) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
    try (JsonReader reader = new JsonReader(new StringReader(run.out()))) {
      JsonElement document = JsonParser.parseReader(reader);
      assertThat(reader.peek()).as("one document only: " + run).isEqualTo(JsonToken.END_DOCUMENT);
      return document;
    } catch (Exception e) {
      throw new AssertionError("stdout is not exactly one JSON document: " + run, e);
    }
  }

  static String errorType(JsonElement document) {
    return document.getAsJsonObject().getAsJsonObject("error").get("type").getAsString();
  }

  @Test
  void imageCreate() throws Exception {
    assertThat(errorType(oneDocument(json("image", "create", "--prompt", "p"), 2)))
        .isEqualTo("invalid_input");
    assertThat(oneDocument(json("image", "create", "--model", "nope", "--prompt", ""), 2))
        .matches(d -> d.getAsJsonObject().has("violations"));
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertThat(
            errorType(
                oneDocument(
                    json(
                        "image",
                        "create",
                        "--model",
                        "viduq2",
                        "--prompt",
                        "p",
                        "--wait",
                        "--output",
                        file.toString()),
                    2)))
        .isEqualTo("invalid_input");
    vidu.sandbox().faults().failNextTask("CreationPolicyViolation");
    JsonElement failed =
        oneDocument(
            json(
                "image",
                "create",
                "--model",
                "viduq2",
                "--prompt",
                "p",
                "--wait",
                "--output",
                dir.toString()),
            4);
    assertThat(failed.getAsJsonObject().get("state").getAsString()).isEqualTo("failed");
    JsonElement timedOut =
        oneDocument(
            json(
                "image",
                "create",
                "--model",
                "viduq2",
                "--prompt",
                "p",
                "--wait",
                "--timeout",
                "1ms",
                "--output",
                dir.toString()),
            5);
    assertThat(timedOut.isJsonObject()).isTrue();
    JsonElement wrongKey =
        oneDocument(
            CliRun.of(
                Map.of("VIDU_API_KEY", "wrong"),
                "--base-url",
                vidu.baseUrl(),
                "--json",
                "image",
                "create",
                "--model",
                "viduq2",
                "--prompt",
                "p"),
            3);
    assertThat(wrongKey.getAsJsonObject().has("code")).isTrue();
    assertThat(
            errorType(
                oneDocument(
                    CliRun.of(
                        Map.of("VIDU_API_KEY", KEY),
                        "--base-url",
                        "http://127.0.0.1:1/",
                        "--json",
                        "image",
                        "create",
                        "--model",
                        "viduq2",
                        "--prompt",
                        "p"),
                    7)))
        .isEqualTo("network");
    assertThat(
            errorType(
                oneDocument(
                    CliRun.of(
                        Map.of(),
                        "--json",
                        "image",
                        "create",
                        "--model",
                        "viduq2",
                        "--prompt",
                        "p"),
                    2)))
        .isEqualTo("invalid_input");
  }

  @Test
  void anOutputThatCannotBeCreatedIsAnInputErrorBeforeAnyTask() {
    Path proc = Path.of("/proc");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")));
    int before = vidu.sandbox().taskCount();
    CliRun run =
        json(
            "image",
            "create",
            "--model",
            "viduq2",
            "--prompt",
            "p",
            "--wait",
            "--output",
            "/proc/vidu-nope/out");
    assertThat(errorType(oneDocument(run, 2))).isEqualTo("invalid_input");
    assertThat(run.err()).contains("/proc/vidu-nope/out").contains("no task was created");
    assertThat(vidu.sandbox().taskCount()).isEqualTo(before);
  }

  @Test
  void imageBatch() throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("bad.jsonl"),
            String.join(
                "\n",
                "{\"model\": \"nope\", \"prompt\": \"a\"}",
                "{\"model\": \"viduq2\", \"prompt\": \"b\", \"name\": 3}",
                "{not json",
                ""));
    JsonObject violations =
        oneDocument(json("image", "batch", bad.toString(), "--output", dir.toString()), 2)
            .getAsJsonObject();
    List<JsonObject> items = new ArrayList<>();
    violations.getAsJsonArray("violations").forEach(v -> items.add(v.getAsJsonObject()));
    assertThat(items).extracting(v -> v.get("line").getAsInt()).containsExactly(1, 2, 3);
    assertThat(items)
        .extracting(v -> v.get("code").getAsString())
        .containsExactly("MODEL_UNKNOWN", "NAME_NOT_TEXT", "NOT_JSON");
    assertThat(items.get(0).get("field").getAsString()).isEqualTo("model");
    assertThat(items.get(2).get("field").isJsonNull()).isTrue();
    assertThat(items).allSatisfy(v -> assertThat(v.get("message").getAsString()).isNotBlank());

    assertThat(
            errorType(
                oneDocument(
                    json(
                        "image", "batch", dir.resolve("missing.jsonl").toString(), "--output", "o"),
                    1)))
        .isEqualTo("other");
    Path good =
        Files.writeString(
            dir.resolve("good.jsonl"), "{\"model\": \"viduq2\", \"prompt\": \"a fox\"}\n");
    Path aFile = Files.writeString(dir.resolve("taken"), "x");
    assertThat(
            errorType(
                oneDocument(
                    json("image", "batch", good.toString(), "--output", aFile.toString()), 2)))
        .isEqualTo("invalid_input");
    assertThat(
            oneDocument(
                    json(
                        "image", "batch", good.toString(), "--output", dir.toString(), "--dry-run"),
                    0)
                .getAsJsonObject()
                .get("lines")
                .getAsInt())
        .isEqualTo(1);
  }

  @Test
  void taskCommands() {
    assertThat(oneDocument(json("task", "get", "no-such-task"), 3).isJsonObject()).isTrue();
    assertThat(errorType(oneDocument(json("task", "get"), 2))).isEqualTo("invalid_input");
    assertThat(oneDocument(json("task", "cancel", "no-such-task"), 3).isJsonObject()).isTrue();
    assertThat(oneDocument(json("task", "wait", "no-such-task", "--output", "w"), 3).isJsonObject())
        .isTrue();
    vidu.sandbox().givenTask("json-queued", TaskState.QUEUEING);
    assertThat(
            oneDocument(json("task", "wait", "json-queued", "--timeout", "1ms", "--output", "w"), 5)
                .isJsonObject())
        .isTrue();
    assertThat(errorType(oneDocument(json("task", "list", "--page-size", "0"), 2)))
        .isEqualTo("invalid_input");
    assertThat(
            errorType(oneDocument(json("task", "list", "--state", "unknown_default_open_api"), 2)))
        .isEqualTo("invalid_input");
  }

  @Test
  void taskListHasOneShapeWithAndWithoutAll() {
    vidu.sandbox().givenTask("json-listed", TaskState.SUCCESS);
    JsonObject page = oneDocument(json("task", "list"), 0).getAsJsonObject();
    JsonObject all = oneDocument(json("task", "list", "--all"), 0).getAsJsonObject();
    assertThat(page.keySet()).contains("tasks");
    assertThat(all.keySet()).containsExactlyInAnyOrder("tasks", "next_page_token");
    assertThat(all.getAsJsonArray("tasks")).isNotEmpty();
    assertThat(all.get("next_page_token").getAsString()).isEmpty();
  }

  @Test
  void creditsCallbackSandboxAndUsageErrors() {
    assertThat(
            oneDocument(
                    CliRun.of(
                        Map.of("VIDU_API_KEY", "wrong"),
                        "--base-url",
                        vidu.baseUrl(),
                        "--json",
                        "credits"),
                    3)
                .isJsonObject())
        .isTrue();
    assertThat(
            errorType(
                oneDocument(
                    CliRun.of(
                        Map.of(),
                        "--json",
                        "callback",
                        "verify",
                        "--secret",
                        "s",
                        "--url",
                        "https://h.example/cb",
                        "--header",
                        "X-Vidu-Signature: nope"),
                    6)))
        .isEqualTo("callback_rejected");
    assertThat(
            errorType(
                oneDocument(
                    CliRun.of(
                        Map.of(),
                        "--json",
                        "callback",
                        "sign",
                        "--secret",
                        "s",
                        "--url",
                        "not a url"),
                    2)))
        .isEqualTo("invalid_input");
    assertThat(
            errorType(
                oneDocument(
                    CliRun.of(Map.of(), "--json", "sandbox", "serve", "--port", "70000"), 2)))
        .isEqualTo("invalid_input");
    assertThat(
            errorType(
                oneDocument(
                    CliRun.of(Map.of(), "--json", "sandbox", "serve", "--fail-tasks", "a b"), 2)))
        .isEqualTo("invalid_input");
    assertThat(errorType(oneDocument(CliRun.of(Map.of(), "--json", "imagine"), 2)))
        .isEqualTo("invalid_input");
    assertThat(
            errorType(oneDocument(CliRun.of(Map.of(), "--json", "image", "create", "--nope"), 2)))
        .isEqualTo("invalid_input");
  }
}
