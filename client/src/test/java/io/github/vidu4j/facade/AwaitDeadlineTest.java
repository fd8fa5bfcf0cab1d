package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.model.TaskCreations;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A wait's timeout is a deadline, however much work waits on the async executor: 1,000 waits on
 * four threads used to end their 4 s timeouts at a median of 10 s, because each timeout was only
 * checked by a poll that had to get a thread first.
 */
class AwaitDeadlineTest extends ClientHarness {
  @Test
  void aWaitWhosePollsCannotGetAThreadStillEndsAtItsDeadline() throws Exception {
    // The caller's executor is busy (its only thread held): the backlog, made deterministic.
    ScheduledThreadPoolExecutor busy = new ScheduledThreadPoolExecutor(1);
    CountDownLatch release = new CountDownLatch(1);
    busy.execute(
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    try (ViduClient backlogged = client(b -> b.asyncExecutor(busy))) {
      CompletableFuture<TaskCreations> wait =
          backlogged
              .async()
              .await("t-1", AwaitOptions.defaults().withTimeout(Duration.ofMillis(50)));

      // The bound only keeps a failure from hanging the build; before the fix this is where it
      // failed (the future stayed pending as long as the executor was busy).
      assertThatThrownBy(() -> wait.get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(TaskTimeoutException.class)
          .hasMessageContaining("t-1");
      assertThat(server.getRequestCount()).as("no poll ran: the executor was busy").isZero();

      release.countDown();
      // The poll still queued is dropped once the thread frees: it finds the future done.
      assertThat(busy.submit(() -> "drained").get(20, TimeUnit.SECONDS)).isEqualTo("drained");
      assertThat(server.getRequestCount()).isZero();
    } finally {
      release.countDown();
      busy.shutdownNow();
    }
  }
}
