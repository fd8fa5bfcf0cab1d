package io.github.vidu4j.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.sandbox.Fault;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.ViduSandbox;
import io.github.vidu4j.validation.RequestValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the batch reads and writes on disk: results it did not write, journals edited by hand. */
@Timeout(120)
class BatchFilesAndJournalTest extends SandboxBatchHarness {
  @Test
  void aFileTheBatchDidNotWriteIsNeverReplaced() throws Exception {
    ViduSandbox sandbox = sandbox();
    ViduClient client = client(sandbox);
    sandbox.faults().failNextTask("InternalServiceFailure");
    BatchReport first =
        Batches.of(client).run(lines(2), journal(), out(), fast().withConcurrency(1));
    assertThat(first.lines().get(0).state()).isEqualTo(LineState.FAILED);
    Path users = out().resolve("1-1.png");
    Files.writeString(users, "USER'S OWN FILE");

    BatchReport retried =
        Batches.of(client)
            .run(lines(2), journal(), out(), fast().withConcurrency(1).withRetryFailed(true));

    assertThat(Files.readString(users)).isEqualTo("USER'S OWN FILE");
    assertThat(retried.lines().get(0).state()).isEqualTo(LineState.FAILED);
    assertThat(retried.lines().get(0).error())
        .get()
        .asString()
        .contains("1-1.png exists and this batch did not write it");
  }

  @Test
  void aFolderWithResultsAndAnEmptyJournalIsRefusedNotPaidAgain() throws Exception {
    ViduSandbox sandbox = sandbox();
    ViduClient client = client(sandbox);
    assertThat(Batches.of(client).run(lines(3), journal(), out(), fast()).allSucceeded()).isTrue();
    byte[] result = Files.readAllBytes(out().resolve("2-1.png"));
    Files.write(journal(), new byte[0]);

    assertThatThrownBy(() -> Batches.of(client).run(lines(3), journal(), out(), fast()))
        .isInstanceOf(BatchRefusedException.class)
        .hasMessageContaining("already holds files named as this batch's results")
        .hasMessageContaining("1-1.png");
    assertThat(sandbox.taskCount()).isEqualTo(3);
    assertThat(Files.readAllBytes(out().resolve("2-1.png"))).isEqualTo(result);
    assertThat(Files.size(journal())).as("nothing written to the refused journal").isZero();
  }

  @Test
  void namesThatDifferOnlyInCaseAreRefused() {
    List<BatchLine> lines =
        List.of(
            BatchLine.of(1, "fox", new ReferenceToImageRequest().model("viduq2").prompt("a")),
            BatchLine.of(2, "Fox", new ReferenceToImageRequest().model("viduq2").prompt("b")));
    ViduClient client = client(sandbox());
    assertThatThrownBy(() -> Batches.of(client).validate(lines))
        .isInstanceOf(BatchInputException.class)
        .hasMessageContaining("line 2: its files would be named Fox-<n>.<ext>, as line 1's are");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"line\":1,|\"line\":\"abc\",|\"line\" must be a whole number, got \"abc\"",
        "\"line\":1,|\"line\":{},|\"line\" must be a whole number, got {}",
        "\"attempt\":1|\"attempt\":{}|\"attempt\" must be a whole number",
        "\"event\":\"creating\"|\"event\":{}|\"event\" must be a string",
        "\"files\":[\"1-1.png\"]|\"files\":\"x.png\"|\"files\" must be a list of file names, got \"x.png\"",
        "\"files\":[\"1-1.png\"]|\"files\":[\"../../../../../../etc/passwd\"]|\"files\" holds \"../../../../../../etc/passwd\", not a name this batch writes for line 1",
        "\"credits\":8|\"credits\":\"lots\"|\"credits\" must be a whole number",
        "\"task\":\"|\"task\":\"../../credits\",\"x\":\"|\"task\" is not a task id",
        "\"task\":\"|\"task\":\"..\",\"x\":\"|\"task\" is not a task id",
      })
  void aHandEditedJournalIsRefusedNamingItsLine(String from, String to, String problem)
      throws Exception {
    ViduSandbox sandbox = sandbox();
    ViduClient client = client(sandbox);
    assertThat(Batches.of(client).run(lines(1), journal(), out(), fast()).allSucceeded()).isTrue();
    List<String> records = Files.readAllLines(journal());
    int edited = -1;
    for (int i = 1; i < records.size() && edited < 0; i++) {
      if (records.get(i).contains(from)) {
        records.set(i, records.get(i).replaceFirst(java.util.regex.Pattern.quote(from), to));
        edited = i + 1;
      }
    }
    assertThat(edited).as("a record holding %s", from).isPositive();
    Files.write(journal(), records, StandardCharsets.UTF_8);
    Files.delete(out().resolve("1-1.png"));

    int line = edited;
    assertThatThrownBy(() -> Batches.of(client).run(lines(1), journal(), out(), fast()))
        .isInstanceOf(BatchRefusedException.class)
        .hasMessageContaining("the journal " + journal() + " line " + line + ": " + problem);
    assertThat(sandbox.taskCount()).isEqualTo(1);
  }

  @Test
  void aTaskIdThatIsTheApiKeyIsNeverWrittenToTheJournal() throws Exception {
    ViduSandbox sandbox = sandbox();
    ViduClient client = client(sandbox);
    sandbox
        .faults()
        .next(Operation.CREATE_TASK, Fault.extraField("task_id", "\"" + sandbox.demoKey() + "\""));

    BatchReport report = Batches.of(client).run(lines(1), journal(), out(), fast());

    assertThat(Files.readString(journal())).doesNotContain(sandbox.demoKey());
    assertThat(report.toJson()).doesNotContain(sandbox.demoKey());
    try (var files = Files.list(out())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(n -> n.contains(sandbox.demoKey()));
    }
  }

  @Test
  void aTaskIdWithControlCharactersIsJournalledAndResumedWithoutASecondCreate() throws Exception {
    ViduSandbox sandbox = sandbox();
    ViduClient client = client(sandbox);
    sandbox
        .faults()
        .next(Operation.CREATE_TASK, Fault.extraField("task_id", "\"\\u001b[31m42\\u0007\""));

    BatchReport first = Batches.of(client).run(lines(1), journal(), out(), fast());
    assertThat(first.allSucceeded()).as("the sandbox knows no such task").isFalse();

    // The run recorded the id the server gave; resuming reads it back instead of calling the
    // journal damaged, and does not create the line again.
    Batches.of(client).run(lines(1), journal(), out(), fast());
    assertThat(sandbox.taskCount()).isEqualTo(1);
  }

  // ---- images given as local paths ----------------------------------------------------------

  /** A PNG header for 1024x1024 followed by {@code size} bytes: all the batch reads of it. */
  static void png(Path file, int size) throws Exception {
    byte[] bytes = new byte[size];
    byte[] head = {
      (byte) 0x89,
      'P',
      'N',
      'G',
      '\r',
      '\n',
      0x1a,
      '\n',
      0,
      0,
      0,
      13,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      4,
      0,
      0,
      0,
      4,
      0,
      8,
      2,
      0,
      0,
      0
    };
    System.arraycopy(head, 0, bytes, 0, head.length);
    Files.write(file, bytes);
  }

  @Test
  void linesKeepTheirLocalImagesOnDiskUntilTheRequestIsMade() throws Exception {
    png(dir.resolve("big.png"), 3_000_000);
    Path input = dir.resolve("many.jsonl");
    Files.writeString(
        input, "{\"model\":\"viduq1\",\"prompt\":\"p\",\"images\":[\"big.png\"]}\n".repeat(100));
    long before = usedHeap();
    List<BatchLine> lines = BatchFile.read(input, RequestValidator.strict());
    long held = usedHeap() - before;

    assertThat(lines).hasSize(100);
    // Inlined, 100 lines would hold 400 MB of base64; kept as paths they hold next to nothing.
    assertThat(held).as("heap held by 100 lines of a 3 MB image").isLessThan(100_000_000L);
    assertThat(lines.get(0).request().getImages().get(0)).startsWith("data:image/png;base64,");
    assertThat(lines.get(0).requestJson()).hasSizeGreaterThan(4_000_000);
  }

  @Test
  void aLineWithALocalImageKeepsTheFingerprintOfItsInlinedRequest() throws Exception {
    png(dir.resolve("small.png"), 5_000);
    Path input =
        write(
            dir.resolve("one.jsonl"),
            "{\"model\":\"viduq1\",\"prompt\":\"p\",\"images\":[\"small.png\"]}");
    List<BatchLine> lazy = BatchFile.read(input, RequestValidator.strict());
    ReferenceToImageRequest inlined =
        new ReferenceToImageRequest()
            .model("viduq1")
            .prompt("p")
            .images(
                List.of(
                    io.github.vidu4j.validation.ImageInput.fromFile(dir.resolve("small.png"))
                        .value()));

    // Journals written when images were inlined at reading resume with this release.
    assertThat(Journal.fingerprint(lazy))
        .isEqualTo(Journal.fingerprint(List.of(BatchLine.of(1, null, inlined))));
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  @Test
  void imagePathsStayInsideTheBatchFilesFolderAndSayNothingOfFilesOutside() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    png(dir.resolve("outside.png"), 1000);
    Path input = sub.resolve("paths.jsonl");
    Files.writeString(
        input,
        String.join(
            "\n",
            "{\"model\":\"viduq1\",\"prompt\":\"p\",\"images\":[\"../outside.png\"]}",
            "{\"model\":\"viduq1\",\"prompt\":\"p\",\"images\":[\"../missing.png\"]}",
            "{\"model\":\"viduq1\",\"prompt\":\"p\",\"images\":[\""
                + dir.resolve("outside.png")
                + "\"]}",
            "{\"model\":\"viduq1\",\"prompt\":\"p\",\"images\":[\"/etc/shadow\"]}"));

    assertThatThrownBy(() -> BatchFile.read(input, RequestValidator.strict()))
        .isInstanceOfSatisfying(
            BatchInputException.class,
            e -> {
              assertThat(e.problems()).hasSize(4);
              // The same words whether the file exists or not.
              assertThat(e.problems())
                  .allSatisfy(
                      p -> assertThat(p.message()).contains("is outside the batch file's folder"));
            });
    Path allowed =
        write(
            sub.resolve("allowed.jsonl"),
            "{\"model\":\"viduq1\",\"prompt\":\"p\",\"images\":[\"../outside.png\"]}");
    assertThat(BatchFile.read(allowed, RequestValidator.strict(), true)).hasSize(1);
  }

  private static Path write(Path file, String text) throws Exception {
    Files.writeString(file, text);
    return file;
  }

  @Test
  // A separate thread: a FIFO being opened blocks in the kernel, deaf to interrupts.
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoAsAnImageIsRefusedNotReadForever() throws Exception {
    Path fifo = dir.resolve("pipe.png");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Path input =
        write(
            dir.resolve("fifo.jsonl"),
            "{\"model\":\"viduq1\",\"prompt\":\"p\",\"images\":[\"pipe.png\"]}");

    assertThatThrownBy(() -> BatchFile.read(input, RequestValidator.strict()))
        .isInstanceOf(BatchInputException.class)
        .hasMessageContaining("is not a regular file");
  }
}
