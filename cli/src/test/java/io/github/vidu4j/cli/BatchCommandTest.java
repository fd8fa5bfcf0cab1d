package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vidu image batch}: in process, and as a child process killed with SIGKILL and resumed. */
@Timeout(300)
class BatchCommandTest {
  private static final Pattern TAG_LINE = Pattern.compile("^vidu4j-batch:[0-9a-f-]+:(\\d+):\\d+");
  private static final Pattern FINAL_NAME = Pattern.compile("(\\d+)-(\\d+)\\.png");

  @TempDir Path dir;
  private ViduSandbox sandbox;

  @BeforeEach
  void start() {
    sandbox = ViduSandbox.start(SandboxOptions.fast());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Path input(int lines) throws Exception {
    Path file = dir.resolve("catalogue.jsonl");
    Files.writeString(
        file,
        IntStream.rangeClosed(1, lines)
            .mapToObj(
                n ->
                    "{\"model\": \"viduq2\", \"prompt\": \"catalogue item "
                        + n
                        + "\", \"aspect_ratio\": \"1:1\"}")
            .collect(Collectors.joining("\n", "", "\n")));
    return file;
  }

  private String[] args(Path file, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--base-url",
                sandbox.baseUrl(),
                "--api-key",
                sandbox.demoKey(),
                "--no-progress",
                "image",
                "batch",
                file.toString(),
                "--output",
                out.toString(),
                "--poll-interval",
                "50ms",
                // The sandbox acts on a create at once: a create it has not shown by then never
                // came.
                "--unanswered-create-wait",
                "5s"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Tag("slow")
  @Test
  void killedAtRandomMomentsThenResumedEveryLineHasExactlyOneTaskAndItsFile() throws Exception {
    int lines = 40;
    Path file = input(lines);
    Path out = dir.resolve("out");
    // -Dvidu.test.seed=<n> replays a run: the seed is printed first, so a failing run shows it.
    long seed = Long.getLong("vidu.test.seed", System.nanoTime());
    System.out.println("kill and resume: seed " + seed + " (-Dvidu.test.seed=" + seed + ")");
    Random random = new Random(seed);
    String classpath = System.getProperty("java.class.path");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> kills = new ArrayList<>();
    int killed = 0;
    for (int run = 0; run < 4; run++) {
      List<String> command =
          new ArrayList<>(List.of(java, "-cp", classpath, ViduCli.class.getName()));
      command.addAll(List.of(args(file, out, "--concurrency", "5")));
      Process child =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("run-" + run + ".log").toFile())
              .start();
      // Kill once the run is under way (a JVM takes seconds to start here): at a random moment
      // after its first create.
      int before = sandbox.taskCount();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (child.isAlive() && sandbox.taskCount() == before && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long delay = random.nextInt(1500);
      boolean ended = child.waitFor(delay, TimeUnit.MILLISECONDS);
      if (!ended) {
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        killed++;
        child.waitFor(30, TimeUnit.SECONDS);
      }
      kills.add(
          "run "
              + run
              + (ended
                  ? " ended by itself (exit " + child.exitValue() + ")"
                  : " killed " + delay + " ms after its first create")
              + ", "
              + sandbox.taskCount()
              + " tasks so far");
      assertNoPartialFileUnderAFinalName(out);
    }
    CliRun last = CliRun.of(Map.of(), args(file, out));
    System.out.println(
        "kill and resume (seed "
            + seed
            + "): "
            + String.join("; ", kills)
            + "; final run exit "
            + last.exitCode()
            + ", "
            + sandbox.taskCount()
            + " tasks");

    assertThat(killed).as("runs killed before they ended").isPositive();
    assertThat(last.exitCode()).as("%s", last).isZero();
    assertThat(sandbox.taskCount()).isEqualTo(lines);
    Map<Integer, Integer> tasksPerLine = new HashMap<>();
    try (ViduClient client = sandbox.newClient()) {
      client
          .tasks()
          .listAll(io.github.vidu4j.TaskQuery.all().pageSize(100))
          .forEach(
              summary -> {
                TaskCreations task = client.tasks().get(summary.getId());
                Matcher m = TAG_LINE.matcher(String.valueOf(task.getPayload()));
                assertThat(m.find())
                    .as("payload of task %s: %s", summary.getId(), task.getPayload())
                    .isTrue();
                tasksPerLine.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
              });
    }
    assertThat(tasksPerLine)
        .hasSize(lines)
        .allSatisfy((line, count) -> assertThat(count).as("tasks of line %d", line).isEqualTo(1));
    for (int n = 1; n <= lines; n++) {
      assertThat(out.resolve(n + "-1.png")).isRegularFile();
    }
    assertNoPartialFileUnderAFinalName(out);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".vidu-part")))
          .isEmpty();
    }
  }

  /** Every file with a final name is a whole PNG: decodable, ending with its IEND chunk. */
  private static void assertNoPartialFileUnderAFinalName(Path out) throws Exception {
    if (!Files.isDirectory(out)) {
      return;
    }
    try (Stream<Path> files = Files.list(out)) {
      for (Path f :
          files.filter(f -> FINAL_NAME.matcher(f.getFileName().toString()).matches()).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        assertThat(
                new String(
                    bytes, bytes.length - 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
            .as("%s ends with IEND", f)
            .isEqualTo("IEND");
        BufferedImage image = ImageIO.read(f.toFile());
        assertThat(image).as("%s decodes", f).isNotNull();
      }
    }
  }

  @Test
  void dryRunChecksEveryLineAndEstimatesCreditsWithoutSending() throws Exception {
    Path file = input(3);
    Files.writeString(
        file,
        "{\"model\": \"viduq2\", \"prompt\": \"big\", \"resolution\": \"4K\"}\n",
        java.nio.file.StandardOpenOption.APPEND);
    CliRun run = CliRun.of(Map.of(), args(file, dir.resolve("out"), "--dry-run"));
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains("4 lines valid; estimated cost 40 credits");
    assertThat(run.err()).contains("estimate", "Nothing was sent");
    assertThat(sandbox.received()).isEmpty();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void badLinesExitTwoListingEveryLineNumber() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(
        file,
        "{\"model\": \"viduq2\", \"prompt\": \"ok\"}\nnot json\n{\"model\": \"viduq1\", \"prompt\": \"no image\"}\n");
    CliRun run = CliRun.of(Map.of(), args(file, dir.resolve("out")));
    assertThat(run.exitCode()).as("%s", run).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err())
        .contains("2 bad lines", "line 2: not JSON", "line 3: images: viduq1 needs 1 to 7 images");
    assertThat(sandbox.received()).isEmpty();
  }

  @Test
  void aFailedLineExitsFourAndJsonReportsEachLine() throws Exception {
    Path file = input(2);
    sandbox.faults().failNextTask("CreationPolicyViolation");
    List<String> all = new ArrayList<>(List.of("--json"));
    all.addAll(List.of(args(file, dir.resolve("out"), "--concurrency", "1")));
    CliRun run = CliRun.of(Map.of(), all.toArray(String[]::new));
    assertThat(run.exitCode()).as("%s", run).isEqualTo(ExitCode.TASK_FAILED);
    com.google.gson.JsonObject report =
        com.google.gson.JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(report.get("total").getAsInt()).isEqualTo(2);
    assertThat(report.get("failed").getAsInt()).isEqualTo(1);
    com.google.gson.JsonObject first = report.getAsJsonArray("lines").get(0).getAsJsonObject();
    assertThat(first.get("state").getAsString()).isEqualTo("failed");
    assertThat(first.get("err_code").getAsString()).isEqualTo("CreationPolicyViolation");
    assertThat(first.get("task_id").getAsString()).isNotEmpty();
    com.google.gson.JsonObject second = report.getAsJsonArray("lines").get(1).getAsJsonObject();
    assertThat(second.get("state").getAsString()).isEqualTo("succeeded");
    assertThat(second.getAsJsonArray("files").get(0).getAsString()).endsWith("2-1.png");
    assertThat(sandbox.received(Operation.CREATE_TASK)).hasSize(2);
    assertThat(run.out()).doesNotContain(sandbox.demoKey());
  }
}
