package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One {@link ViduClient} shared by 64 threads, each creating a task and awaiting it, again and
 * again, for {@code vidu.load.seconds} (default 15; the run that found this held used 60): every
 * creation the client saw is one the sandbox made, no id twice, and closing the client gives back
 * its threads and descriptors.
 */
@Tag("slow")
class SharedClientLoadTest {
  private static final int THREADS = 64;
  private static final Duration RUN = Duration.ofSeconds(Long.getLong("vidu.load.seconds", 15));

  /** OkHttp's idle task-runner threads outlive the client by up to a minute; nothing else may. */
  private static final int THREAD_TOLERANCE = 4;

  /** Descriptors the JVM opens on its own once (a socket, a jar) while the run is under way. */
  private static final int FD_TOLERANCE = 4;

  @Test
  void sixtyFourThreadsShareOneClientWithoutLosingOrDuplicatingATaskOrLeaking() throws Exception {
    assumeThat(new File("/proc/self/fd")).as("descriptors are counted on Linux").isDirectory();
    SandboxOptions fastLifecycle =
        SandboxOptions.fast().toBuilder()
            .queueDelay(Duration.ofMillis(10))
            .processingTime(Duration.ofMillis(50))
            .concurrencyLimit(THREADS)
            .credits(1_000_000_000)
            .build();
    AwaitOptions polling =
        AwaitOptions.defaults()
            .withTimeout(Duration.ofSeconds(30))
            .withIntervals(Duration.ofMillis(50), Duration.ofMillis(50));
    try (ViduSandbox sandbox = ViduSandbox.start(fastLifecycle)) {
      int threadsBefore = clientSideThreads();
      int fdsBefore = openDescriptors();
      ViduClient client = sandbox.newClient();

      Set<String> ids = ConcurrentHashMap.newKeySet();
      AtomicInteger creations = new AtomicInteger();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      long end = System.nanoTime() + RUN.toNanos();
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        int n = i;
        Thread worker =
            new Thread(
                () -> {
                  while (System.nanoTime() < end && failures.isEmpty()) {
                    try {
                      TaskCreations done =
                          client
                              .images()
                              .createAndAwait(
                                  new ReferenceToImageRequest()
                                      .model(ViduSandbox.textToImageModel())
                                      .prompt("load " + n),
                                  polling);
                      creations.incrementAndGet();
                      ids.add(done.getId());
                      if (!TaskState.SUCCESS.equals(done.getState())) {
                        failures.add(
                            new AssertionError(
                                "task " + done.getId() + " ended " + done.getState()));
                      }
                    } catch (RuntimeException e) {
                      failures.add(e);
                    }
                  }
                },
                "load-" + i);
        worker.start();
        workers.add(worker);
      }
      int threadsDuring = 0;
      int fdsDuring = 0;
      while (workers.stream().anyMatch(Thread::isAlive)) {
        threadsDuring = Math.max(threadsDuring, clientSideThreads());
        fdsDuring = Math.max(fdsDuring, openDescriptors());
        Thread.sleep(250);
      }
      for (Thread worker : workers) {
        worker.join();
      }
      int threadsOpen = clientSideThreads();
      client.close();
      long settleUntil = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while ((clientSideThreads() > threadsBefore + THREAD_TOLERANCE
              || openDescriptors() > fdsBefore + FD_TOLERANCE)
          && System.nanoTime() < settleUntil) {
        Thread.sleep(100);
      }
      int threadsAfter = clientSideThreads();
      int fdsAfter = openDescriptors();
      System.out.printf(
          "load: %d s, %d creations (%.0f/s), %d on the sandbox, %d distinct; threads %d before, %d during, %d after the run,"
              + " %d after close; descriptors %d before, %d during, %d after close%n",
          RUN.toSeconds(),
          creations.get(),
          creations.get() / (double) RUN.toSeconds(),
          sandbox.taskCount(),
          ids.size(),
          threadsBefore,
          threadsDuring,
          threadsOpen,
          threadsAfter,
          fdsBefore,
          fdsDuring,
          fdsAfter);

      assertThat(failures).isEmpty();
      assertThat(creations.get()).isPositive();
      assertThat(sandbox.taskCount()).isEqualTo(creations.get());
      assertThat(ids).hasSize(creations.get());
      assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore + THREAD_TOLERANCE);
      assertThat(fdsAfter).isLessThanOrEqualTo(fdsBefore + FD_TOLERANCE);
    }
  }

  /** Live threads that are not the sandbox's: the test's own and the client's. */
  static int clientSideThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(
                t ->
                    t.isAlive()
                        && !t.getName().startsWith("vidu-sandbox-")
                        && !t.getName().startsWith("HTTP-Dispatcher"))
            .count();
  }

  static int openDescriptors() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }
}
