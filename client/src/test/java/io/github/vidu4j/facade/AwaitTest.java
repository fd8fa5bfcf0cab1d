package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.testing.Eventually;
import io.github.vidu4j.testing.Responses;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class AwaitTest extends ClientHarness {
  @Test
  void pollsUntilSuccessReportingEachStateChangeWithGrowingIntervals() {
    server.enqueue(Responses.task("t-1", "created"));
    server.enqueue(Responses.task("t-1", "queueing"));
    server.enqueue(Responses.task("t-1", "queueing"));
    server.enqueue(Responses.task("t-1", "processing"));
    server.enqueue(Responses.succeeded("t-1", "https://cdn.example/1.png"));
    List<TaskState> seen = new CopyOnWriteArrayList<>();

    TaskCreations done =
        client
            .tasks()
            .await("t-1", AwaitOptions.defaults().withStateListener(t -> seen.add(t.getState())));

    assertThat(done.getCreations())
        .singleElement()
        .satisfies(c -> assertThat(c.getUrl()).isEqualTo("https://cdn.example/1.png"));
    assertThat(seen)
        .containsExactly(
            TaskState.CREATED, TaskState.QUEUEING, TaskState.PROCESSING, TaskState.SUCCESS);
    // The default schedule: every second for the first two minutes.
    assertThat(time.sleeps)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
  }

  @Test
  void afterTheSteadyPhaseThePauseGrowsByHalf() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(Responses.task("t-1", "processing"));
    }
    server.enqueue(Responses.succeeded("t-1", "https://cdn.example/1.png"));

    client.tasks().await("t-1", AwaitOptions.defaults().withBackoffAfter(Duration.ofSeconds(2)));

    assertThat(time.sleeps)
        .containsExactly(
            Duration.ofMillis(1000),
            Duration.ofMillis(1000),
            Duration.ofMillis(1000),
            Duration.ofMillis(1500));
  }

  @Test
  void backoffFromTheStartGrowsFromTheFirstPause() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(Responses.task("t-1", "processing"));
    }
    server.enqueue(Responses.succeeded("t-1", "https://cdn.example/1.png"));

    client.tasks().await("t-1", AwaitOptions.defaults().withBackoffAfter(Duration.ZERO));

    assertThat(time.sleeps)
        .containsExactly(
            Duration.ofMillis(1000),
            Duration.ofMillis(1500),
            Duration.ofMillis(2250),
            Duration.ofMillis(3375));
  }

  @Test
  void intervalsStopGrowingAtTheMaximum() {
    for (int i = 0; i < 8; i++) {
      server.enqueue(Responses.task("t-1", "processing"));
    }
    server.enqueue(Responses.succeeded("t-1", "https://cdn.example/1.png"));

    client
        .tasks()
        .await(
            "t-1",
            AwaitOptions.defaults()
                .withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(4))
                .withBackoffAfter(Duration.ZERO));

    assertThat(time.sleeps)
        .hasSize(8)
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(4)));
    assertThat(time.sleeps.get(7)).isEqualTo(Duration.ofSeconds(4));
  }

  /**
   * Throttled reads asking for 20 s each: no retry starts past the 5 s deadline, so the wait ends
   * on time instead of 40 s of retry waits later.
   */
  @Test
  void retriesOfAPollDoNotRunPastTheDeadline() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(
          new MockResponse.Builder(Responses.error(429, "TooManyRequests", "slow down"))
              .setHeader("Retry-After", "20")
              .build());
    }

    assertThatThrownBy(
            () ->
                client
                    .tasks()
                    .await("t-1", AwaitOptions.defaults().withTimeout(Duration.ofSeconds(5))))
        .isInstanceOfSatisfying(
            TaskTimeoutException.class,
            e -> assertThat(e.waited()).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    assertThat(time.sleeps).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(20)));
  }

  @Test
  void aFailedTaskThrowsTaskFailedExceptionWithErrCode() {
    server.enqueue(Responses.task("t-1", "processing"));
    server.enqueue(Responses.failed("t-1", "CreationPolicyViolation"));

    assertThatThrownBy(() -> client.tasks().await("t-1"))
        .isInstanceOfSatisfying(
            TaskFailedException.class,
            e -> {
              assertThat(e.taskId()).isEqualTo("t-1");
              assertThat(e.errCode()).contains("CreationPolicyViolation");
              assertThat(e.isRetryable()).isFalse();
            })
        .hasMessage("task t-1 failed with err_code CreationPolicyViolation");
  }

  @Test
  void theDeadlineEndsTheWaitWithTheTaskIdToResume() {
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
            return Responses.task("t-7", "processing");
          }
        });

    assertThatThrownBy(
            () ->
                client
                    .tasks()
                    .await("t-7", AwaitOptions.defaults().withTimeout(Duration.ofSeconds(30))))
        .isInstanceOfSatisfying(
            TaskTimeoutException.class,
            e -> {
              assertThat(e.taskId()).isEqualTo("t-7");
              assertThat(e.lastState()).contains(TaskState.PROCESSING);
              assertThat(e.waited()).isEqualTo(Duration.ofSeconds(30));
            })
        .hasMessageContaining("client.tasks().await(\"t-7\")");
    Duration slept = time.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(slept).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void transientErrorsDuringTheWaitDoNotEndIt() {
    try (ViduClient noRetries = client(b -> b.maxRetries(0))) {
      server.enqueue(Responses.error(503, "InternalServiceFailure", "blip"));
      server.enqueue(
          new MockResponse.Builder(Responses.task("t-1", "processing"))
              .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
              .build());
      server.enqueue(Responses.succeeded("t-1", "https://cdn.example/1.png"));

      assertThat(noRetries.tasks().await("t-1").getState()).isEqualTo(TaskState.SUCCESS);
    }
  }

  @Test
  void aTaskNotFoundEndsTheWaitAtOnce() {
    server.enqueue(Responses.error(404, "TaskNotFound", "task not found"));
    assertThatThrownBy(() -> client.tasks().await("t-x")).isInstanceOf(ViduApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createAndAwaitReturnsTheFinishedTask() {
    server.enqueue(Responses.created("t-1"));
    server.enqueue(Responses.succeeded("t-1", "https://cdn.example/1.png"));

    TaskCreations done =
        client
            .images()
            .createAndAwait(
                new ReferenceToImageRequest().model("viduq2").prompt("a fox"),
                AwaitOptions.defaults());

    assertThat(done.getState()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void cancellingTheAsyncWaitStopsPolling() throws Exception {
    server.enqueue(Responses.task("t-1", "processing"));
    // The caller's executor, so the test can see the queued poll; cancelled tasks leave its queue.
    ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1);
    own.setRemoveOnCancelPolicy(true);
    try (ViduClient onOwn = client(b -> b.asyncExecutor(own))) {
      // An hour between polls: however slow the machine, the second poll cannot run in this test,
      // so what is checked below is the queue, not how long nothing happened.
      CompletableFuture<TaskCreations> wait =
          onOwn
              .async()
              .await(
                  "t-1",
                  AwaitOptions.defaults()
                      .withIntervals(Duration.ofHours(1), Duration.ofHours(1))
                      .withTimeout(Duration.ofHours(3)));
      take();
      Eventually.await("the next poll is queued", () -> own.getQueue().size() == 1);

      wait.cancel(true);

      assertThatThrownBy(wait::join).isInstanceOf(CancellationException.class);
      assertThat(own.getQueue()).as("polls still queued after the cancel").isEmpty();
      assertThat(server.getRequestCount()).isEqualTo(1);
    } finally {
      own.shutdownNow();
    }
  }

  @Test
  void anAsyncPollThatFailsIsRetriedByTheNextPollNoSoonerThanRetryAfter() throws Exception {
    server.enqueue(
        new MockResponse.Builder(Responses.error(429, "TooManyRequests", "slow down"))
            .addHeader("Retry-After", "1")
            .build());
    server.enqueue(Responses.succeeded("t-1", "https://cdn.example/1.png"));
    RecordingListener listener = new RecordingListener();
    try (ViduClient observed = client(b -> b.eventListener(listener))) {
      long start = System.nanoTime();
      CompletableFuture<TaskCreations> wait =
          observed
              .async()
              .await(
                  "t-1",
                  AwaitOptions.defaults()
                      .withIntervals(Duration.ofMillis(10), Duration.ofMillis(10)));

      assertThat(wait.get(10, TimeUnit.SECONDS).getState()).isEqualTo(TaskState.SUCCESS);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
    // No retry waited on a thread: the second request was the next scheduled poll.
    assertThat(listener.events).noneMatch(e -> e.startsWith("retryScheduled"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anAsyncWaitAfterCloseFailsSayingTheClientIsClosed() {
    server.enqueue(Responses.task("t-1", "processing"));
    ViduClient closing = client(b -> b);
    CompletableFuture<TaskCreations> waiting =
        closing.async().await("t-1", AwaitOptions.defaults());

    closing.close();

    assertThatThrownBy(waiting::join)
        .hasCauseExactlyInstanceOf(ViduException.class)
        .hasMessageContaining("ViduClient is closed");
    for (CompletableFuture<?> later :
        List.of(
            closing.async().await("t-1"),
            closing.async().get("t-1"),
            closing.async().credits(),
            closing.async().cancel("t-1"),
            closing
                .async()
                .create(
                    io.github.vidu4j.Images.REFERENCE_TO_IMAGE,
                    new ReferenceToImageRequest().model("viduq2").prompt("a fox"),
                    io.github.vidu4j.RequestOptions.defaults(),
                    io.github.vidu4j.model.ReferenceToImageTask.class))) {
      assertThatThrownBy(later::join)
          .hasCauseExactlyInstanceOf(ViduException.class)
          .hasMessageContaining("ViduClient is closed");
    }
  }

  @Test
  void aCallersExecutorRunsThePollsAndOutlivesTheClient() throws Exception {
    server.enqueue(Responses.task("t-1", "processing"));
    server.enqueue(Responses.succeeded("t-1", "https://cdn.example/1.png"));
    ScheduledExecutorService own =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "callers-thread"));
    try {
      List<String> pollThreads = new CopyOnWriteArrayList<>();
      try (ViduClient onOwn = client(b -> b.asyncExecutor(own))) {
        AwaitOptions options =
            AwaitOptions.defaults()
                .withIntervals(Duration.ofMillis(10), Duration.ofMillis(10))
                .withStateListener(task -> pollThreads.add(Thread.currentThread().getName()));
        assertThat(onOwn.async().await("t-1", options).get(5, TimeUnit.SECONDS).getState())
            .isEqualTo(TaskState.SUCCESS);
      }
      assertThat(pollThreads).containsOnly("callers-thread").hasSize(2);
      assertThat(own.isShutdown()).isFalse();
      assertThat(own.submit(() -> "still running").get(5, TimeUnit.SECONDS))
          .isEqualTo("still running");
    } finally {
      own.shutdownNow();
    }
  }

  @Test
  void interruptingASyncWaitKeepsTheFlag() {
    server.enqueue(Responses.task("t-1", "processing"));
    try (ViduClient interrupting =
        client(
            b ->
                b.sleeper(
                    d -> {
                      throw new InterruptedException();
                    }))) {
      assertThatThrownBy(() -> interrupting.tasks().await("t-1"))
          .isExactlyInstanceOf(ViduException.class)
          .hasMessageContaining("interrupted while waiting for task t-1");
      assertThat(Thread.interrupted()).isTrue();
    }
  }
}
