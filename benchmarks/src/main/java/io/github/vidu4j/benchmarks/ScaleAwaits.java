package io.github.vidu4j.benchmarks;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scale row: many {@code async().await} at once on the client's own executor (its default 4
 * threads), each with the same timeout, on sandbox tasks that never finish (held in {@code
 * processing}). Every wait must end with {@link TaskTimeoutException}; what is measured is when,
 * from its own call: the ideal is the timeout itself, which is this row's baseline (there is no raw
 * twin: a hand-written loop would hold a thread per wait). Lateness = end − timeout, as measured
 * (negative if a wait ended early). Polls are counted at the client's HTTP layer.
 */
final class ScaleAwaits {
  private ScaleAwaits() {}

  static Map<String, Object> run(int awaits, Duration timeout) throws Exception {
    return run(awaits, timeout, 2 * awaits);
  }

  /** {@code warmUpReads}: reads of a finished task before the measured waits start. */
  static Map<String, Object> run(int awaits, Duration timeout, int warmUpReads) throws Exception {
    // Enough HTTP workers that the sandbox never refuses a poll (each refusal would be a retry).
    SandboxOptions options =
        SandboxOptions.fast().toBuilder().httpThreads(32).httpQueue(4096).build();
    try (PollCounter counting = new PollCounter();
        ViduSandbox sandbox = ViduSandbox.start(options);
        ViduClient client = sandbox.clientBuilder().httpClient(counting.http()).build()) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < awaits; i++) {
        String id = "9" + String.format("%017d", i);
        sandbox.givenTask(id, TaskState.PROCESSING);
        ids.add(id);
      }
      // Warm-up, not counted: the same reads on a finished task, so the polls below run compiled
      // code on open connections, as in an application that has been up for a while.
      sandbox.givenTask("8" + String.format("%017d", 0), TaskState.SUCCESS);
      List<CompletableFuture<TaskCreations>> warm = new ArrayList<>();
      for (int i = 0; i < warmUpReads; i++) {
        warm.add(client.async().await("8" + String.format("%017d", 0)));
      }
      CompletableFuture.allOf(warm.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
      counting.resetPolls();
      AwaitOptions wait = AwaitOptions.defaults().withTimeout(timeout);
      long[] endNanos = new long[awaits];
      AtomicInteger timedOut = new AtomicInteger();
      AtomicInteger otherOutcome = new AtomicInteger();
      List<CompletableFuture<TaskCreations>> futures = new ArrayList<>();
      for (int i = 0; i < awaits; i++) {
        int index = i;
        long start = System.nanoTime();
        futures.add(
            client
                .async()
                .await(ids.get(i), wait)
                .whenComplete(
                    (done, error) -> {
                      endNanos[index] = System.nanoTime() - start;
                      Throwable cause =
                          error instanceof CompletionException && error.getCause() != null
                              ? error.getCause()
                              : error;
                      if (cause instanceof TaskTimeoutException) {
                        timedOut.incrementAndGet();
                      } else {
                        otherOutcome.incrementAndGet();
                      }
                    }));
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .exceptionally(e -> null)
          .get(timeout.toMillis() * 10 + 30_000, TimeUnit.MILLISECONDS);
      long[] endMillis = new long[awaits];
      for (int i = 0; i < awaits; i++) {
        endMillis[i] = endNanos[i] / 1_000_000;
      }
      Percentiles ends = new Percentiles(endMillis);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("awaits", awaits);
      row.put("timeoutMillis", timeout.toMillis());
      row.put("asyncThreads", "client default (4)");
      row.put("timedOut", timedOut.get());
      row.put("otherOutcome", otherOutcome.get());
      row.put("warmUpReads", warmUpReads);
      row.put("polls", counting.polls());
      row.put("pollsNotAnswered200", counting.notAnswered200());
      row.put("endMinMillis", ends.min());
      row.put("endP50Millis", ends.at(50));
      row.put("endP99Millis", ends.at(99));
      row.put("endMaxMillis", ends.max());
      row.put("lateP99Millis", ends.at(99) - timeout.toMillis());
      return row;
    }
  }
}
