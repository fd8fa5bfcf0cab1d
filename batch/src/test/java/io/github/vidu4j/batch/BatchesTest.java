package io.github.vidu4j.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.sandbox.Fault;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.RecordedExchange;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The batch engine against the sandbox: concurrency, lost answers, 429 storms, failures, refusals.
 */
@Timeout(180)
class BatchesTest extends SandboxBatchHarness {
  @Test
  void twoHundredLinesAtConcurrencyFiveAllSucceedWithFiveInFlightAtMost() throws Exception {
    // The sandbox would let 20 process: the limit of 5 seen below is the batch's own doing.
    ViduSandbox sandbox = sandbox(SandboxOptions.fast().toBuilder().concurrencyLimit(20).build());
    ViduClient client = client(sandbox.clientBuilder());
    long start = System.nanoTime();
    BatchReport report =
        Batches.of(client).run(lines(200), journal(), out(), fast().withConcurrency(5));
    double minutes = (System.nanoTime() - start) / 60e9;

    assertThat(report.allSucceeded())
        .as("%s", report.lines().stream().filter(l -> l.state() != LineState.SUCCEEDED).toList())
        .isTrue();
    assertThat(sandbox.taskCount()).isEqualTo(200);
    assertThat(sandbox.peakProcessing()).isLessThanOrEqualTo(5);
    assertThat(sandbox.peakUnfinishedTasks()).isBetween(1, 5);
    for (int n = 1; n <= 200; n++) {
      assertThat(dir.resolve("out/" + n + "-1.png")).isRegularFile();
    }
    assertThat(report.totals().creditsSpent()).isEqualTo(200 * 8);
    assertThat(report.totals().creditsSpentEarlier()).isZero();
    System.out.printf(
        "batch throughput against the sandbox (fast timings, concurrency 5): %.0f images/min (200 in %.1f s)%n",
        200 / minutes, minutes * 60);
  }

  @Test
  void withoutAConcurrencyTheAccountsLimitApplies() {
    ViduSandbox sandbox = sandbox(SandboxOptions.fast().toBuilder().concurrencyLimit(3).build());
    ViduClient client = client(sandbox.clientBuilder());
    assertThat(Batches.of(client).accountConcurrency()).isEqualTo(3);
    BatchReport report = Batches.of(client).run(lines(12), journal(), out(), fast());
    assertThat(report.allSucceeded()).isTrue();
    assertThat(sandbox.peakUnfinishedTasks()).isBetween(1, 3);
  }

  @Test
  void aCreateWhoseAnswerWasDroppedIsFoundByItsTagAndNotCreatedAgain() throws Exception {
    ViduSandbox sandbox = sandbox();
    sandbox.faults().next(Operation.CREATE_TASK, Fault.dropAfterProcessing());
    ViduClient client = client(sandbox.clientBuilder());
    BatchReport report =
        Batches.of(client).run(lines(6), journal(), out(), fast().withConcurrency(2));

    assertThat(report.allSucceeded()).isTrue();
    assertThat(sandbox.taskCount()).isEqualTo(6);
    assertThat(sandbox.received(Operation.LIST_TASKS)).isNotEmpty();
    assertThat(Files.readString(journal())).contains("\"reconciled\":true");
  }

  @Test
  void a429StormPausesTheWholeBatchAndEveryLineStillGetsOneTask() {
    ViduSandbox sandbox = sandbox();
    for (int i = 0; i < 8; i++) {
      sandbox
          .faults()
          .next(Operation.CREATE_TASK, Fault.error(429, "TooManyRequests", Duration.ofSeconds(2)));
    }
    List<Long> createsSent = Collections.synchronizedList(new ArrayList<>());
    ViduClient client =
        client(
            sandbox
                .clientBuilder()
                .maxRetries(0)
                // Each request sent, as OkHttp's own event listener sees it.
                .httpClient(
                    new OkHttpClient.Builder()
                        .eventListenerFactory(
                            call ->
                                new EventListener() {
                                  @Override
                                  public void requestHeadersStart(Call call) {
                                    if (call.request().method().equals("POST")
                                        && call.request()
                                            .url()
                                            .encodedPath()
                                            .contains("reference2image")) {
                                      createsSent.add(System.nanoTime());
                                    }
                                  }
                                })
                        .build()));
    List<long[]> pauses = Collections.synchronizedList(new ArrayList<>());
    BatchListener listener =
        new BatchListener() {
          @Override
          public void lineChanged(LineResult line, BatchProgress totals) {}

          @Override
          public void throttled(Duration pause, BatchProgress totals) {
            pauses.add(new long[] {System.nanoTime(), pause.toNanos()});
          }
        };
    BatchReport report =
        Batches.of(client)
            .run(lines(10), journal(), out(), fast().withConcurrency(5).withListener(listener));

    assertThat(report.allSucceeded()).isTrue();
    assertThat(sandbox.taskCount()).isEqualTo(10);
    assertThat(sandbox.received(Operation.CREATE_TASK).stream().filter(e -> e.status() == 429))
        .hasSize(8);
    assertThat(pauses).isNotEmpty();
    // While a pause lasts no line sends a create. The margins leave out creates already on their
    // way when it began and this machine's scheduling delays; they bound no speed.
    long grace = Duration.ofMillis(700).toNanos();
    for (long[] pause : pauses) {
      assertThat(pause[1]).isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
      List<Long> during =
          createsSent.stream()
              .filter(t -> t > pause[0] + grace && t < pause[0] + pause[1] - grace)
              .toList();
      assertThat(during).as("creates sent during a pause").isEmpty();
    }
  }

  @Test
  void failedTasksAreRetriedOnlyWithRetryFailedAndOnlyWhenRetryable() {
    ViduSandbox sandbox = sandbox();
    sandbox.faults().failNextTask("InternalServiceFailure").failNextTask("CreationPolicyViolation");
    ViduClient client = client(sandbox.clientBuilder());
    Path out = out();
    BatchOptions oneAtATime = fast().withConcurrency(1);

    BatchReport first = Batches.of(client).run(lines(3), journal(), out, oneAtATime);
    assertThat(first.lines())
        .extracting(l -> l.state(), l -> l.errCode().orElse(""))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LineState.FAILED, "InternalServiceFailure"),
            org.assertj.core.groups.Tuple.tuple(LineState.FAILED, "CreationPolicyViolation"),
            org.assertj.core.groups.Tuple.tuple(LineState.SUCCEEDED, ""));
    assertThat(sandbox.taskCount()).isEqualTo(3);

    BatchReport again = Batches.of(client).run(lines(3), journal(), out, oneAtATime);
    assertThat(again.lines())
        .extracting(LineResult::state)
        .containsExactly(LineState.FAILED, LineState.FAILED, LineState.SUCCEEDED);
    assertThat(sandbox.taskCount()).as("a plain re-run creates nothing").isEqualTo(3);

    BatchReport retried =
        Batches.of(client).run(lines(3), journal(), out, oneAtATime.withRetryFailed(true));
    assertThat(retried.lines())
        .extracting(LineResult::state)
        .containsExactly(LineState.SUCCEEDED, LineState.FAILED, LineState.SUCCEEDED);
    assertThat(retried.lines().get(1).errCode()).contains("CreationPolicyViolation");
    assertThat(sandbox.taskCount()).as("only the retryable line is created again").isEqualTo(4);
    assertThat(out.resolve("1-1.png")).isRegularFile();
  }

  @Test
  void badLinesAreAllReportedWithTheirNumbersBeforeAnythingIsSent() throws Exception {
    ViduSandbox sandbox = sandbox();
    Path input = dir.resolve("catalogue.jsonl");
    Files.writeString(
        input,
        String.join(
            "\n",
            "{\"name\": \"fox\", \"model\": \"viduq2\", \"prompt\": \"a red fox\"}",
            "{\"model\": \"viduq2\", \"prompt\": ",
            "{\"model\": \"viduq1\", \"prompt\": \"needs an image\"}",
            "",
            "{\"name\": \"fox\", \"model\": \"viduq2\", \"prompt\": \"another fox\"}",
            "{\"model\": \"viduq2\", \"prompt\": \"from disk\", \"images\": [\"missing.png\"]}",
            "{\"name\": \"../escape\", \"model\": \"viduq2\", \"prompt\": \"x\"}",
            "[1, 2]"));
    assertThatThrownBy(
            () -> BatchFile.read(input, io.github.vidu4j.validation.RequestValidator.strict()))
        .isInstanceOfSatisfying(
            BatchInputException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(BatchInputException.Problem::line)
                  .containsExactly(2, 3, 5, 6, 7, 8);
              assertThat(e.getMessage())
                  .contains(
                      "6 bad lines",
                      "line 2: not JSON",
                      "line 3: images: viduq1 needs 1 to 7 images",
                      "line 5: its files would be named fox-<n>.<ext>, as line 1's are",
                      "missing.png",
                      "line 7: name must be");
            });
    assertThat(sandbox.received()).isEmpty();
  }

  @Test
  void aJournalWrittenForOtherInputIsRefused() {
    ViduSandbox sandbox = sandbox();
    ViduClient client = client(sandbox.clientBuilder());
    Path out = out();
    Batches.of(client).run(lines(2), journal(), out, fast());
    List<BatchLine> other =
        List.of(
            BatchLine.of(
                1, null, new ReferenceToImageRequest().model("viduq2").prompt("something else")));

    assertThatThrownBy(() -> Batches.of(client).run(other, journal(), out, fast()))
        .isInstanceOf(BatchRefusedException.class)
        .hasMessageContaining("was written for other input (2 lines")
        .hasMessageContaining("Use another output directory");
    assertThat(sandbox.taskCount()).isEqualTo(2);
  }

  @Test
  void aSecondRunOnAJournalInUseIsRefused() throws Exception {
    ViduSandbox sandbox = sandbox();
    ViduClient client = client(sandbox.clientBuilder());
    Files.createDirectories(journal().getParent());
    Path lockFile = journal().resolveSibling(Batches.DEFAULT_JOURNAL_NAME + ".lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      assertThat(held.isValid()).isTrue();
      assertThatThrownBy(() -> Batches.of(client).run(lines(2), journal(), out(), fast()))
          .isInstanceOf(BatchRefusedException.class)
          .hasMessageContaining("another run is using the journal");
    }
    assertThat(sandbox.received(Operation.CREATE_TASK)).isEmpty();
  }

  @Test
  void aCreateRecordedWithoutAnswerIsReconciledOnResumeAndACutRecordIgnored() throws Exception {
    ViduSandbox sandbox = sandbox();
    ViduClient client = client(sandbox.clientBuilder());
    Path out = out();
    // The first run's create of line 1 reaches Vidu, its answer is lost and the run dies before
    // recording one.
    sandbox.faults().next(Operation.CREATE_TASK, Fault.dropAfterProcessing());
    BatchReport first =
        Batches.of(client).run(lines(1), journal(), out, fast().withMaxCreateAttempts(1));
    assertThat(first.allSucceeded()).isTrue();
    List<String> records = new ArrayList<>(Files.readAllLines(journal()));
    // Rewrite history: keep only what was written before the answer (header + creating), then a cut
    // record.
    List<String> beforeAnswer = records.subList(0, 2);
    assertThat(beforeAnswer.get(1)).contains("\"event\":\"creating\"");
    Files.writeString(journal(), String.join("\n", beforeAnswer) + "\n{\"event\":\"crea");
    try (Stream<Path> files = Files.list(out)) {
      files.filter(f -> f.toString().endsWith(".png")).forEach(f -> f.toFile().delete());
    }

    BatchReport resumed = Batches.of(client).run(lines(1), journal(), out, fast());
    assertThat(resumed.allSucceeded()).isTrue();
    assertThat(sandbox.taskCount()).isEqualTo(1);
    assertThat(out.resolve("1-1.png")).isRegularFile();
    List<RecordedExchange> creates = sandbox.received(Operation.CREATE_TASK);
    assertThat(creates).hasSize(1);
  }
}
