package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * 64 threads create tasks through one client while faults are queued every 100 ms (a drop before
 * reading, a drop after processing, a delay past the client's read timeout, a 429 TooManyRequests),
 * for {@code vidu.faults.seconds} (default 10): every POST beyond the calls is a retry after a 429,
 * nothing else is ever sent twice, and every task the sandbox holds is accounted for.
 */
class ConcurrentFaultsTest {
  private static final int THREADS = 64;
  private static final Duration RUN = Duration.ofSeconds(Long.getLong("vidu.faults.seconds", 10));
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

  @Test
  void everyExtraPostIsARetryAfterA429AndNoPaidTaskIsCreatedTwice() throws Exception {
    SandboxOptions options =
        SandboxOptions.fast().toBuilder()
            .concurrencyLimit(THREADS)
            .credits(1_000_000_000)
            .httpThreads(2 * THREADS)
            .httpQueue(4 * THREADS)
            .recordLimit(1_000_000)
            .build();
    try (ViduSandbox sandbox = ViduSandbox.start(options);
        ViduClient client = sandbox.clientBuilder().readTimeout(READ_TIMEOUT).build()) {
      Set<String> ids = ConcurrentHashMap.newKeySet();
      AtomicInteger calls = new AtomicInteger();
      AtomicInteger created = new AtomicInteger();
      AtomicInteger transportFailures = new AtomicInteger();
      AtomicInteger endedIn429 = new AtomicInteger();
      AtomicInteger endedIn503 = new AtomicInteger();
      ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
      long end = System.nanoTime() + RUN.toNanos();
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        int n = i;
        Thread worker =
            new Thread(
                () -> {
                  while (System.nanoTime() < end) {
                    calls.incrementAndGet();
                    try {
                      ids.add(
                          client
                              .images()
                              .create(
                                  new ReferenceToImageRequest()
                                      .model(ViduSandbox.textToImageModel())
                                      .prompt("faults " + n))
                              .getTaskId());
                      created.incrementAndGet();
                    } catch (ViduTransportException e) {
                      if (!e.mayHaveReachedVidu()) {
                        unexpected.add(e);
                      }
                      transportFailures.incrementAndGet();
                    } catch (ViduApiException e) {
                      if (e.statusCode() == 429) {
                        endedIn429.incrementAndGet();
                      } else if (e.statusCode() == 503) {
                        endedIn503
                            .incrementAndGet(); // the sandbox was full and refused it unread: not
                        // processed, not retried
                      } else {
                        unexpected.add(e);
                      }
                    } catch (RuntimeException e) {
                      unexpected.add(e);
                    }
                  }
                },
                "faults-" + i);
        worker.start();
        workers.add(worker);
      }
      Fault[] rotation = {
        Fault.dropBeforeReading(),
        Fault.dropAfterProcessing(),
        Fault.delay(READ_TIMEOUT.plusMillis(500)),
        Fault.error(429, "TooManyRequests")
      };
      for (int i = 0; System.nanoTime() < end; i++) {
        sandbox.faults().next(Operation.CREATE_TASK, rotation[i % rotation.length]);
        Thread.sleep(100);
      }
      for (Thread worker : workers) {
        worker.join();
      }
      sandbox.faults().clear();
      // A delayed request is recorded when its delay ends, after the client gave up on it: wait
      // until
      // the count stays put for longer than a delay.
      int seen;
      do {
        seen = sandbox.received(Operation.CREATE_TASK).size();
        Thread.sleep(READ_TIMEOUT.plusMillis(1_000).toMillis());
      } while (sandbox.received(Operation.CREATE_TASK).size() != seen);

      List<RecordedExchange> posts = sandbox.received(Operation.CREATE_TASK);
      int answered429 = count(sandbox, f -> f.startsWith("Fault.error(429"));
      int dropsBefore = count(sandbox, f -> f.equals("Fault.dropBeforeReading()"));
      int dropsAfter = count(sandbox, f -> f.equals("Fault.dropAfterProcessing()"));
      int delays = count(sandbox, f -> f.startsWith("Fault.delay("));
      long refusedBusy = posts.stream().filter(e -> e.status() == 503).count();
      System.out.printf(
          "faults: %d s, %d calls, %d POSTs, %d created, %d transport failures, %d 429s answered (%d ended a call),"
              + " %d drops before reading, %d after processing, %d delays, %d tasks on the sandbox%n",
          RUN.toSeconds(),
          calls.get(),
          posts.size(),
          created.get(),
          transportFailures.get(),
          answered429,
          endedIn429.get(),
          dropsBefore,
          dropsAfter,
          delays,
          sandbox.taskCount());

      assertThat(unexpected).isEmpty();
      assertThat(answered429 + dropsBefore + dropsAfter + delays).as("faults met").isPositive();
      // Besides the faults, an answer slower than the read timeout on this shared machine is a
      // transport failure too; it is never re-sent either. If the client gave up before the
      // sandbox read the request, the sandbox never saw it: "lost".
      int slow = transportFailures.get() - (dropsBefore + dropsAfter + delays);
      int lost = calls.get() + answered429 - endedIn429.get() - posts.size();
      System.out.printf(
          "faults: %d answers slower than the read timeout, %d of them never read by the sandbox; %d refused 503 (busy)%n",
          slow, lost, endedIn503.get());
      assertThat(slow).as("transport failures beyond the faults").isNotNegative();
      assertThat(lost)
          .as("POSTs beyond one per call and one per 429 retry")
          .isNotNegative()
          .isLessThanOrEqualTo(slow);
      assertThat(refusedBusy).isEqualTo(endedIn503.get());
      assertThat(ids).hasSize(created.get());
      // Orphans: tasks created whose answer never reached the client.
      assertThat(sandbox.taskCount())
          .isEqualTo(created.get() + dropsAfter + delays + (slow - lost));
    }
  }

  private static int count(ViduSandbox sandbox, Predicate<String> fault) {
    return (int)
        sandbox.received(Operation.CREATE_TASK).stream()
            .filter(e -> e.fault().map(Object::toString).filter(fault).isPresent())
            .count();
  }
}
