package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vidu batch} (and {@code vidu image batch}, the same command) with lines naming their
 * operation: the mixed catalogue of docs/batch.md run as the page shows it, and bad video lines
 * refused before anything is sent.
 */
@Timeout(300)
class BatchOperationsCliTest {
  @TempDir Path dir;

  /** The page's catalogue, with the sketch.png it names beside it. */
  private Path mixedCatalogue() throws Exception {
    Path file = dir.resolve("mixed.jsonl");
    try (InputStream in = getClass().getResourceAsStream("mixed-catalogue.jsonl")) {
      Files.write(file, in.readAllBytes());
    }
    ImageIO.write(
        new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB),
        "png",
        dir.resolve("sketch.png").toFile());
    return file;
  }

  @Test
  void thePagesMixedCatalogueWritesImagesAndPlayableVideosAndASecondRunSendsNothing()
      throws Exception {
    Path file = mixedCatalogue();
    Path out = dir.resolve("shots");
    String[] command = {
      "--sandbox", "--no-progress", "batch", file.toString(), "--output", out.toString()
    };

    CliRun run = CliRun.of(Map.of(), command);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("4 lines: 4 succeeded, 0 failed");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(name -> !name.startsWith("vidu-batch.journal")))
          .containsExactlyInAnyOrder(
              "fox-1.png", "fox-night-1.png", "fox-run-1.mp4", "sketch-clip-1.mp4");
    }
    List<String> clip = VideoCliTest.ffprobe(out.resolve("fox-run-1.mp4"));
    assertThat(clip).contains("height=540", "r_frame_rate=24/1");
    assertThat(clip).anyMatch(line -> line.matches("duration=(1\\.9|2\\.0)[0-9]*"));
    assertThat(VideoCliTest.ffprobe(out.resolve("sketch-clip-1.mp4"))).contains("height=720");
    assertThat(Files.readString(out.resolve("vidu-batch.journal")))
        .contains("\"operation\":\"text2video\"", "\"operation\":\"img2video\"");

    CliRun again = CliRun.of(Map.of(), command);

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("nothing to do").contains("nothing was sent");
  }

  @Test
  void aDryRunEstimatesImagesAndVideosAlike() throws Exception {
    CliRun run =
        CliRun.of(
            Map.of(),
            "--sandbox",
            "batch",
            mixedCatalogue().toString(),
            "--output",
            dir.resolve("shots").toString(),
            "--dry-run");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    // 8 + 8 for the two 1080p images, 2 s at 7 a second of 540p, 1 s at 12 of 720p.
    assertThat(run.out()).contains("4 lines valid; estimated cost 42 credits");
    assertThat(dir.resolve("shots")).doesNotExist();
  }

  @Test
  void badVideoLinesExitTwoNamingLineFieldAndValueWithNothingSent() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("bad.jsonl"),
            """
            {"model": "viduq2", "prompt": "a valid image", "aspect_ratio": "1:1"}
            {"operation": "text2video", "model": "viduq1", "prompt": "too long", "duration": 8}
            {"operation": "img2video", "model": "viduq2-turbo", "images": ["https://example.com/a.png"], "aspect_ratio": "16:9"}
            {"operation": "text-to-video", "model": "viduq2", "prompt": "no such operation"}
            """);
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast())) {
      CliRun run =
          CliRun.of(
              Map.of(),
              "--base-url",
              sandbox.baseUrl(),
              "--api-key",
              sandbox.demoKey(),
              "image",
              "batch",
              file.toString(),
              "--output",
              dir.resolve("shots").toString());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.err())
          .containsPattern("line 2\\b.*duration.*8")
          .containsPattern("line 3\\b.*aspect_ratio.*16:9")
          .containsPattern("line 4\\b.*operation.*text-to-video")
          .doesNotContainPattern("line 1\\b");
      assertThat(sandbox.received(Operation.CREATE_TASK)).isEmpty();
      assertThat(dir.resolve("shots")).doesNotExist();
    }
  }

  @Test
  void theHelpNamesTheOperationsAndVideoFiles() {
    CliRun run = CliRun.of(Map.of(), "image", "batch", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("\"operation\"")
        .contains("text2video, img2video, start-end2video or reference2video")
        .contains("mp4 for videos");
  }
}
