package io.github.vidu4j.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.sandbox.Fault;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch in a child JVM under every fault at once: creates answered after the read timeout (the
 * task lands all the same), answers dropped after processing, connections dropped before reading,
 * 429 storms, task lists answered 503, and {@code kill -9} at random moments; then a last run.
 * Every line must end with exactly one task at the sandbox (counted there, by the tag in its
 * payload) and one file. The seed is printed; {@code -Dvidu.batchFaultSeed=N} replays a run.
 */
@Tag("slow")
@Timeout(600)
class BatchFaultTest {
  private static final int LINES = 30;

  @TempDir Path dir;

  @Test
  void underDelaysDropsThrottlingAndKillsEveryLineIsPaidOnceAndSavedOnce() throws Exception {
    long seed = Long.getLong("vidu.batchFaultSeed", System.nanoTime());
    System.out.println(
        "BatchFaultTest seed " + seed + " (replay with -Dvidu.batchFaultSeed=" + seed + ")");
    Random random = new Random(seed);
    Path out = dir.resolve("out");
    List<String> story = new ArrayList<>();
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast())) {
      AtomicBoolean injecting = new AtomicBoolean(true);
      Random faultRandom = new Random(random.nextLong());
      Thread injector =
          new Thread(
              () -> {
                while (injecting.get()) {
                  inject(sandbox, faultRandom);
                  try {
                    Thread.sleep(150 + faultRandom.nextInt(250));
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "fault-injector");
      injector.setDaemon(true);
      injector.start();
      try {
        for (int run = 0; run < 5; run++) {
          Process child = child(sandbox, out, run);
          long killAfter = 1000L + random.nextInt(5000);
          boolean ended = child.waitFor(killAfter, TimeUnit.MILLISECONDS);
          if (!ended) {
            child.destroyForcibly(); // SIGKILL
            child.waitFor(30, TimeUnit.SECONDS);
          }
          story.add(
              "run "
                  + run
                  + (ended ? " exit " + child.exitValue() : " killed after " + killAfter + " ms")
                  + ", "
                  + sandbox.taskCount()
                  + " tasks");
        }
      } finally {
        injecting.set(false);
        injector.interrupt();
        injector.join();
      }
      sandbox.faults().clear();
      Process last = child(sandbox, out, 99);
      assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
      story.add("last run exit " + last.exitValue() + ", " + sandbox.taskCount() + " tasks");
      System.out.println("BatchFaultTest seed " + seed + ": " + String.join("; ", story));

      assertThat(last.exitValue())
          .as("last run: %s", Files.readString(dir.resolve("run-99.log")))
          .isZero();
      Map<Integer, Integer> tasksPerLine = tasksPerLine(sandbox);
      assertThat(tasksPerLine)
          .as("tasks per line (seed %d)", seed)
          .hasSize(LINES)
          .allSatisfy((line, count) -> assertThat(count).as("tasks of line %d", line).isEqualTo(1));
      assertThat(sandbox.taskCount()).isEqualTo(LINES);
      for (int n = 1; n <= LINES; n++) {
        assertThat(out.resolve(n + "-1.png")).isRegularFile();
      }
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files.filter(f -> f.toString().endsWith(".png"))).hasSize(LINES);
      }
    }
  }

  private static void inject(ViduSandbox sandbox, Random random) {
    int pick = random.nextInt(10);
    if (pick < 3) {
      // Answered after the child's 1 s read timeout; the task is created when the delay ends.
      sandbox
          .faults()
          .next(Operation.CREATE_TASK, Fault.delay(Duration.ofMillis(1200 + random.nextInt(2300))));
    } else if (pick < 5) {
      sandbox.faults().next(Operation.CREATE_TASK, Fault.dropAfterProcessing());
    } else if (pick < 6) {
      sandbox.faults().next(Operation.CREATE_TASK, Fault.dropBeforeReading());
    } else if (pick < 8) {
      for (int i = 0, storm = 3 + random.nextInt(6); i < storm; i++) {
        sandbox.faults().next(Operation.CREATE_TASK, Fault.error(429, "TooManyRequests"));
      }
    } else if (pick < 9) {
      sandbox.faults().next(Operation.LIST_TASKS, Fault.error(503, "ServiceUnavailable"));
    }
  }

  private Process child(ViduSandbox sandbox, Path out, int run) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            BatchFaultChild.class.getName(),
            sandbox.baseUrl(),
            sandbox.demoKey(),
            Integer.toString(LINES),
            out.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("run-" + run + ".log").toFile())
        .start();
  }

  private static Map<Integer, Integer> tasksPerLine(ViduSandbox sandbox) {
    Map<Integer, Integer> perLine = new HashMap<>();
    try (ViduClient client = sandbox.newClient()) {
      client
          .tasks()
          .listAll(TaskQuery.all().pageSize(100))
          .forEach(
              summary -> {
                TaskCreations task = client.tasks().get(summary.getId());
                String payload = String.valueOf(task.getPayload());
                int line = Integer.parseInt(payload.split(":")[2]);
                perLine.merge(line, 1, Integer::sum);
              });
    }
    return perLine;
  }
}
