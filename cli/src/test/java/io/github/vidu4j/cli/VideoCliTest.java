package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vidu video ...}: MP4s of the requested shape, and invalid input refused before sending.
 */
class VideoCliTest {
  @RegisterExtension static final ViduSandboxExtension vidu = SandboxedCli.extension();

  @TempDir Path dir;

  CliRun vidu(String... args) {
    return SandboxedCli.run(vidu, args);
  }

  private Path png(String name, int width, int height) throws IOException {
    Path file = dir.resolve(name);
    ImageIO.write(
        new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    return file;
  }

  private static List<Path> mp4s(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".mp4")).toList();
    }
  }

  @Test
  void theDoneWhenCommandWritesA2SecondHighDefinition24FpsMp4() throws Exception {
    Path out = Files.createDirectory(dir.resolve("out"));
    CliRun run =
        CliRun.of(
            Map.of(),
            "--sandbox",
            "video",
            "text2video",
            "--model",
            "viduq2",
            "--prompt",
            "a red fox in the snow",
            "--duration",
            "2",
            "--resolution",
            "540p",
            "--wait",
            "--output",
            out.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<Path> files = mp4s(out);
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).matches("[0-9]+-1\\.mp4");
    List<String> probe = ffprobe(files.get(0));
    assertThat(probe).contains("height=540", "r_frame_rate=24/1");
    assertThat(probe).anyMatch(line -> line.matches("duration=(1\\.9|2\\.0)[0-9]*"));
  }

  @Test
  void theOtherThreeOperationsWriteMp4sFromTheirInputs() throws Exception {
    Path start = png("start.png", 640, 360);
    Path end = png("end.png", 640, 360);
    Path[] outs = {dir.resolve("i2v"), dir.resolve("se"), dir.resolve("r2v")};
    for (Path out : outs) {
      Files.createDirectory(out);
    }
    List<CliRun> runs =
        List.of(
            vidu(
                "video",
                "img2video",
                "--model",
                "viduq2-turbo",
                "--image",
                start.toString(),
                "--duration",
                "1",
                "--resolution",
                "720p",
                "--wait",
                "--output",
                outs[0].toString()),
            vidu(
                "video",
                "start-end2video",
                "--model",
                "viduq2-pro",
                "--image",
                start.toString(),
                "--image",
                end.toString(),
                "--duration",
                "1",
                "--wait",
                "--output",
                outs[1].toString()),
            vidu(
                "video",
                "reference2video",
                "--model",
                "vidu2.0",
                "--image",
                "https://example.com/ref.png",
                "--prompt",
                "a cat",
                "--aspect-ratio",
                "1:1",
                "--wait",
                "--output",
                outs[2].toString()));
    String[][] expected = {
      {"height=720", "r_frame_rate=24/1"}, // 16:9 from the image
      {"height=720", "r_frame_rate=24/1"}, // viduq2-pro's default resolution
      {"width=360", "height=360", "r_frame_rate=32/1"} // vidu2.0: 360p, 32 fps
    };
    for (int i = 0; i < 3; i++) {
      assertThat(runs.get(i).exitCode()).as(runs.get(i).toString()).isZero();
      List<Path> files = mp4s(outs[i]);
      assertThat(files).hasSize(1);
      assertThat(ffprobe(files.get(0))).contains(expected[i]);
    }
  }

  @Test
  void theReferencesInvalidCombinationsExitTwoAndSendNothing() throws Exception {
    Path image = png("one.png", 640, 360);
    int before = vidu.sandbox().received().size();
    CliRun longQ1 =
        vidu("video", "text2video", "--model", "viduq1", "--prompt", "p", "--duration", "8");
    CliRun oneFrame =
        vidu("video", "start-end2video", "--model", "viduq2-pro", "--image", image.toString());
    CliRun aspect =
        vidu(
            "video",
            "img2video",
            "--model",
            "viduq2-pro",
            "--image",
            image.toString(),
            "--aspect-ratio",
            "16:9");
    assertThat(longQ1.exitCode()).as(longQ1.toString()).isEqualTo(2);
    assertThat(longQ1.err()).contains("duration").contains("viduq1 on text2video takes 5 s");
    assertThat(oneFrame.exitCode()).as(oneFrame.toString()).isEqualTo(2);
    assertThat(oneFrame.err()).contains("images").contains("exactly 2");
    assertThat(aspect.exitCode()).as(aspect.toString()).isEqualTo(2);
    assertThat(aspect.err()).contains("img2video has no field aspect_ratio");
    assertThat(vidu.sandbox().received()).hasSize(before);
  }

  @Test
  void jsonPrintsTheTaskAndInvalidInputAsViolations() {
    CliRun created =
        vidu(
            "--json",
            "video",
            "text2video",
            "--model",
            "viduq3-turbo",
            "--prompt",
            "waves",
            "--no-audio",
            "--off-peak",
            "--bgm",
            "--watermark",
            "--movement-amplitude",
            "small",
            "--seed",
            "7");
    assertThat(created.exitCode()).as(created.toString()).isZero();
    JsonObject task = JsonParser.parseString(created.out()).getAsJsonObject();
    assertThat(task.get("type").getAsString()).isEqualTo("text2video");
    assertThat(task.get("audio").getAsBoolean()).isFalse();
    assertThat(task.get("off_peak").getAsBoolean()).isTrue();
    assertThat(task.get("seed").getAsInt()).isEqualTo(7);

    CliRun invalid =
        vidu(
            "--json",
            "video",
            "text2video",
            "--model",
            "viduq2",
            "--prompt",
            "p",
            "--resolution",
            "4K");
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.out()).contains("\"code\":\"RESOLUTION\"");
  }

  @Test
  void helpListsTheOperationsModelsAndRulesFromTheSpec() {
    CliRun run = vidu("video", "img2video", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("POST /ent/v2/img2video")
        .contains("vidu2.0: 4 or 8 s, 360p/720p/1080p (8 s: 720p)")
        .contains("viduq3-pro-fast: 1 to 16 s, 720p/1080p")
        .contains("--no-audio");
  }

  static List<String> ffprobe(Path file) throws Exception {
    Process process;
    try {
      process =
          new ProcessBuilder(
                  "ffprobe",
                  "-v",
                  "error",
                  "-show_entries",
                  "stream=codec_name,width,height,r_frame_rate:format=duration",
                  "-of",
                  "default=noprint_wrappers=1",
                  file.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      assumeTrue(false, "ffprobe is not installed (Debian: apt-get install ffmpeg)");
      throw e;
    }
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(out).isZero();
    return out.lines().toList();
  }
}
