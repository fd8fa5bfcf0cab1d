package io.github.vidu4j.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.sandbox.Fault;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.RecordedExchange;
import io.github.vidu4j.sandbox.ViduSandbox;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.RequestValidator;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lines naming their operation: images and videos in one batch, each checked by its operation's
 * rules before anything is sent, created once, saved by type.
 */
@Timeout(180)
class MixedOperationsBatchTest extends SandboxBatchHarness {
  private static final String MIXED =
      """
      {"name": "fox", "model": "viduq2", "prompt": "a red fox in the snow", "aspect_ratio": "1:1"}
      {"model": "viduq2", "prompt": "the fox at night", "aspect_ratio": "1:1"}
      {"name": "fox-clip", "operation": "text2video", "model": "viduq2", "prompt": "a red fox runs", "duration": 2, "resolution": "540p"}
      {"name": "sketch-clip", "operation": "img2video", "model": "viduq2-turbo", "images": ["sketch.png"], "duration": 1, "resolution": "720p"}
      """;

  private Path catalogue(String text) throws Exception {
    BufferedImage sketch = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
    ImageIO.write(sketch, "png", dir.resolve("sketch.png").toFile());
    return Files.writeString(dir.resolve("catalogue.jsonl"), text);
  }

  @Test
  void aMixedBatchSavesImagesAndCompleteMp4sOnceAndARerunSendsNothing() throws Exception {
    ViduSandbox sandbox = sandbox();
    ViduClient client = client(sandbox.clientBuilder());
    Path file = catalogue(MIXED);
    Path out = dir.resolve("out");
    Path journal = out.resolve(Batches.DEFAULT_JOURNAL_NAME);
    BatchOptions options = BatchOptions.defaults().withAwaitOptions(FAST_POLLS);

    List<BatchLine> lines = BatchFile.read(file, RequestValidator.strict());
    assertThat(lines)
        .extracting(l -> l.operation().name())
        .containsExactly("reference2image", "reference2image", "text2video", "img2video");
    BatchReport report = Batches.of(client).run(lines, journal, out, options);

    assertThat(report.allSucceeded()).as("%s", report.lines()).isTrue();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(name -> !name.startsWith(Batches.DEFAULT_JOURNAL_NAME)))
          .containsExactlyInAnyOrder("fox-1.png", "2-1.png", "fox-clip-1.mp4", "sketch-clip-1.mp4");
    }
    assertCompleteMp4(out.resolve("fox-clip-1.mp4"));
    assertCompleteMp4(out.resolve("sketch-clip-1.mp4"));

    List<RecordedExchange> creates = sandbox.received(Operation.CREATE_TASK);
    assertThat(creates)
        .extracting(RecordedExchange::path)
        .containsExactlyInAnyOrder(
            "/ent/v2/reference2image",
            "/ent/v2/reference2image",
            "/ent/v2/text2video",
            "/ent/v2/img2video");
    for (RecordedExchange create : creates) {
      JsonObject body = JsonParser.parseString(create.requestBody()).getAsJsonObject();
      assertThat(body.has("operation") || body.has("name")).as(create.path()).isFalse();
      assertThat(body.get("payload").getAsString()).startsWith("vidu4j-batch:");
      if (create.path().endsWith("img2video")) {
        // The local file, read and inlined when its line was sent.
        assertThat(body.getAsJsonArray("images").get(0).getAsString())
            .startsWith("data:image/png;base64,");
      }
    }
    String written = Files.readString(journal);
    assertThat(written)
        .contains("\"operation\":\"reference2image\"")
        .contains("\"operation\":\"text2video\"")
        .contains("\"operation\":\"img2video\"")
        .contains("\"fox-clip-1.mp4\"")
        .contains("\"sketch-clip-1.mp4\"");

    BatchReport again =
        Batches.of(client)
            .run(BatchFile.read(file, RequestValidator.strict()), journal, out, options);
    assertThat(again.totals().nothingToDo()).as("%s", again.lines()).isTrue();
    assertThat(sandbox.received(Operation.CREATE_TASK)).hasSize(4);
    assertThat(sandbox.taskCount()).isEqualTo(4);
  }

  @Test
  void aJournalWrittenBeforeLinesNamedAnOperationResumesLinesThatNameTheDefault() throws Exception {
    ViduSandbox sandbox = sandbox();
    ViduClient client = client(sandbox.clientBuilder());
    String plain =
        "{\"model\": \"viduq2\", \"prompt\": \"a red fox\", \"aspect_ratio\": \"1:1\"}\n";
    Path out = dir.resolve("out");
    Path journal = out.resolve(Batches.DEFAULT_JOURNAL_NAME);
    BatchOptions options = BatchOptions.defaults().withAwaitOptions(FAST_POLLS);
    Batches.of(client)
        .run(BatchFile.read(catalogue(plain), RequestValidator.strict()), journal, out, options);

    String named = plain.replace("{", "{\"operation\": \"reference2image\", ");
    BatchReport again =
        Batches.of(client)
            .run(
                BatchFile.read(catalogue(named), RequestValidator.strict()), journal, out, options);

    assertThat(again.totals().nothingToDo()).as("%s", again.lines()).isTrue();
    assertThat(sandbox.taskCount()).isEqualTo(1);
  }

  @Test
  void invalidVideoLinesAreListedWithTheirFieldAndValueBeforeAnythingIsSent() throws Exception {
    ViduSandbox sandbox = sandbox();
    Path file =
        catalogue(
            """
            {"model": "viduq2", "prompt": "a valid image line", "aspect_ratio": "1:1"}
            {"operation": "text2video", "model": "viduq1", "prompt": "too long", "duration": 8}
            {"operation": "text2vid", "model": "viduq2", "prompt": "a misspelt operation"}
            {"operation": "img2video", "model": "viduq2-turbo", "images": ["sketch.png"], "aspect_ratio": "16:9"}
            {"operation": 7, "model": "viduq2", "prompt": "no name"}
            {"operation": "img2video", "model": "viduq2-turbo", "images": ["../outside.png"]}
            """);

    assertThatThrownBy(() -> BatchFile.read(file, RequestValidator.strict()))
        .isInstanceOfSatisfying(
            BatchInputException.class,
            e -> {
              assertThat(e.problems())
                  .anySatisfy(
                      p -> {
                        assertThat(p.line()).isEqualTo(2);
                        assertThat(p.field()).isEqualTo("duration");
                        assertThat(p.message()).contains("8").contains("viduq1");
                      })
                  .anySatisfy(
                      p -> {
                        assertThat(p.line()).isEqualTo(3);
                        assertThat(p.field()).isEqualTo("operation");
                        assertThat(p.code()).isEqualTo("OPERATION_UNKNOWN");
                        assertThat(p.message()).contains("\"text2vid\"").contains("text2video");
                      })
                  .anySatisfy(
                      p -> {
                        assertThat(p.line()).isEqualTo(4);
                        assertThat(p.field()).isEqualTo("aspect_ratio");
                        assertThat(p.message()).contains("16:9");
                      })
                  .anySatisfy(
                      p -> {
                        assertThat(p.line()).isEqualTo(5);
                        assertThat(p.field()).isEqualTo("operation");
                        assertThat(p.code()).isEqualTo("OPERATION_NOT_TEXT");
                      })
                  .anySatisfy(
                      p -> {
                        assertThat(p.line()).isEqualTo(6);
                        assertThat(p.message()).contains("outside the batch file's folder");
                      });
              assertThat(e.problems()).noneMatch(p -> p.line() == 1);
            });

    // Lines built in code are checked by the run itself, with the client's rules.
    JsonObject tooLong =
        JsonParser.parseString("{\"model\": \"viduq1\", \"prompt\": \"too long\", \"duration\": 8}")
            .getAsJsonObject();
    ViduClient client = client(sandbox.clientBuilder());
    List<BatchLine> lines =
        List.of(
            BatchLine.of(
                1, "clip", GenerationOperation.named("text2video").orElseThrow(), tooLong));
    Path out = dir.resolve("out");
    assertThatThrownBy(
            () -> Batches.of(client).run(lines, out.resolve(Batches.DEFAULT_JOURNAL_NAME), out))
        .isInstanceOfSatisfying(
            BatchInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(BatchInputException.Problem::field)
                    .contains("duration"));
    assertThat(sandbox.received()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void videoCreatesAnsweredAfterTheReadTimeoutAreFoundByTheirTagNotPaidTwice() throws Exception {
    ViduSandbox sandbox = sandbox();
    for (int i = 0; i < 3; i++) {
      sandbox.faults().next(Operation.CREATE_TASK, Fault.delay(Duration.ofSeconds(3)));
    }
    ViduClient client = client(sandbox.clientBuilder().readTimeout(Duration.ofSeconds(2)));
    List<BatchLine> lines =
        IntStream.rangeClosed(1, 4)
            .mapToObj(
                n ->
                    BatchLine.of(
                        n,
                        null,
                        GenerationOperation.named("text2video").orElseThrow(),
                        JsonParser.parseString(
                                "{\"model\": \"viduq2\", \"prompt\": \"the same clip\","
                                    + " \"duration\": 1, \"resolution\": \"540p\"}")
                            .getAsJsonObject()))
            .toList();
    Path out = dir.resolve("out");
    Path journal = out.resolve(Batches.DEFAULT_JOURNAL_NAME);

    BatchReport report =
        Batches.of(client)
            .run(
                lines,
                journal,
                out,
                BatchUncertainCreateTest.fastFindingUnanswered().withConcurrency(4));

    assertThat(sandbox.taskCount()).as("tasks paid for 4 lines").isEqualTo(4);
    assertThat(Files.readString(journal))
        .contains("\"event\":\"unanswered\"")
        .contains("\"reconciled\":true");
    if (!report.allSucceeded()) {
      // A download can outlast the short read timeout on a loaded machine: a rerun saves it.
      try (ViduClient patient = sandbox.newClient()) {
        report =
            Batches.of(patient)
                .run(lines, journal, out, BatchUncertainCreateTest.fastFindingUnanswered());
      }
    }
    assertThat(report.allSucceeded()).as("%s", report.lines()).isTrue();
    assertThat(sandbox.taskCount()).isEqualTo(4);
    for (int n = 1; n <= 4; n++) {
      assertCompleteMp4(out.resolve(n + "-1.mp4"));
    }
  }

  /** Top-level boxes whose sizes lead exactly to the end of the file, with ftyp and moov. */
  static void assertCompleteMp4(Path file) throws Exception {
    List<String> boxes = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      long at = 0;
      ByteBuffer header = ByteBuffer.allocate(16);
      while (at < size) {
        header.clear();
        channel.read(header, at);
        assertThat(header.position())
            .as("box header at %d of %s", at, file)
            .isGreaterThanOrEqualTo(8);
        long length = Integer.toUnsignedLong(header.getInt(0));
        String type =
            new String(header.array(), 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (length == 1) {
          length = header.getLong(8);
        } else if (length == 0) {
          length = size - at;
        }
        assertThat(length).as("box %s at %d of %s", type, at, file).isGreaterThanOrEqualTo(8);
        boxes.add(type);
        at += length;
      }
      assertThat(at).as("box sizes lead to the end of %s", file).isEqualTo(size);
    }
    assertThat(boxes).as("boxes of %s", file).startsWith("ftyp").contains("moov");
  }
}
