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
 * 429 storms, task lists answered 503; six runs killed with {@code kill -9} 0-3 s after their first
 * create, three left to end, all under faults; then a last run without faults. Every line must end
 * with exactly one task at the sandbox (counted there, by the tag in its payload) and one file. The
 * seed is printed; {@code -Dvidu.batchFaultSeed=N} replays a run.
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
      int run = 0;
      try {
        // Six runs killed (or ending) at random moments, then three left to end, all under faults.
        for (; run < 9; run++) {
          int createsBefore = sandbox.received(Operation.CREATE_TASK).size();
          Process child = child(sandbox, out, run, false);
          long killAfter = run < 6 ? random.nextInt(3000) : TimeUnit.MINUTES.toMillis(3);
          // A JVM takes seconds to start here: the moment counts from the run's first create.
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (run < 6
              && child.isAlive()
              && sandbox.received(Operation.CREATE_TASK).size() == createsBefore
              && System.nanoTime() < deadline) {
            Thread.sleep(10);
          }
          boolean ended = child.waitFor(killAfter, TimeUnit.MILLISECONDS);
          if (!ended) {
            child.destroyForcibly(); // SIGKILL
            child.waitFor(30, TimeUnit.SECONDS);
          }
          story.add(
              "run "
                  + run
                  + (ended
                      ? " exit " + child.exitValue()
                      : " killed " + killAfter + " ms after its first create")
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
      // Downloads too obey the 1 s read timeout of the faulted runs; the last one has the default.
      Process last = child(sandbox, out, run, true);
      assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
      story.add("last run exit " + last.exitValue() + ", " + sandbox.taskCount() + " tasks");
      System.out.println("BatchFaultTest seed " + seed + ": " + String.join("; ", story));

      assertThat(last.exitValue())
          .as("last run: %s", Files.readString(dir.resolve("run-" + run + ".log")))
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
    if (pick < 4) {
      // Answered after the child's 1 s read timeout; the task is created when the delay ends.
      sandbox
          .faults()
          .next(Operation.CREATE_TASK, Fault.delay(Duration.ofMillis(1200 + random.nextInt(2300))));
    } else if (pick < 6) {
      sandbox.faults().next(Operation.CREATE_TASK, Fault.dropAfterProcessing());
    } else if (pick < 7) {
      sandbox.faults().next(Operation.CREATE_TASK, Fault.dropBeforeReading());
    } else if (pick < 8) {
      for (int i = 0, storm = 3 + random.nextInt(6); i < storm; i++) {
        sandbox.faults().next(Operation.CREATE_TASK, Fault.error(429, "TooManyRequests"));
      }
    } else if (pick < 9) {
      sandbox.faults().next(Operation.LIST_TASKS, Fault.error(503, "ServiceUnavailable"));
    }
  }

  private Process child(ViduSandbox sandbox, Path out, int run, boolean patient) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            BatchFaultChild.class.getName(),
            sandbox.baseUrl(),
            sandbox.demoKey(),
            Integer.toString(LINES),
            out.toString(),
            patient ? "patient" : "hasty")
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
