package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.Creation;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.sandbox.DirectHttp.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four video operations over HTTP: validation as Vidu's, the lifecycle and a real MP4. */
class VideoOperationsTest {
  private static ViduSandbox sandbox;
  private static ViduClient client;
  private static final OkHttpClient HTTP = new OkHttpClient();

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    sandbox = ViduSandbox.start(SandboxOptions.fast());
    client = sandbox.newClient();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  private static Answer post(String operation, String json) throws IOException {
    return DirectHttp.post(sandbox, operation, json);
  }

  private static byte[] download(String url) throws IOException {
    try (Response response = HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return response.body().bytes();
    }
  }

  @Test
  void text2videoMakesAPlayableMp4OfTheRequestedLengthSizeAndRate() throws Exception {
    Answer created =
        post(
            "text2video",
            "{\"model\":\"viduq2\",\"prompt\":\"a red fox in the snow\",\"duration\":2,"
                + "\"resolution\":\"540p\",\"payload\":\"p-1\"}");
    assertThat(created.status()).isEqualTo(200);
    JsonObject task = created.body();
    assertThat(task.get("state").getAsString()).isEqualTo("created");
    assertThat(task.get("type").getAsString()).isEqualTo("text2video");
    assertThat(task.get("aspect_ratio").getAsString()).isEqualTo("16:9"); // Vidu's default
    assertThat(task.get("audio").getAsBoolean()).isFalse(); // viduq2's default
    assertThat(task.get("credits").getAsInt()).isEqualTo(14); // 540p: 7 a second
    assertThat(task.get("seed").getAsInt()).isNotZero();

    TaskCreations done = client.tasks().await(task.get("task_id").getAsString());
    assertThat(done.getState()).isEqualTo(TaskState.SUCCESS);
    Creation creation = done.getCreations().get(0);
    assertThat(creation.getUrl()).contains(".mp4?");
    assertThat(creation.getCoverUrl()).contains(".png?");

    byte[] mp4 = download(creation.getUrl());
    assertThat(Mp4Boxes.topLevel(mp4)).containsSubsequence("ftyp", "moov", "mdat");
    byte[] cover = download(creation.getCoverUrl());
    assertThat(cover).startsWith(0x89, 'P', 'N', 'G');

    Path file = Files.write(dir.resolve("fox.mp4"), mp4);
    List<String> probe = ffprobe(file);
    assertThat(probe).contains("codec_name=h264", "width=960", "height=540", "r_frame_rate=24/1");
    assertThat(probe).anyMatch(line -> line.matches("duration=2\\.0+"));
  }

  @Test
  void img2videoFollowsItsModelsFrameRateAndTheTaskListHasTheVideosFacts() throws Exception {
    Answer created =
        post(
            "img2video",
            "{\"model\":\"vidu2.0\",\"images\":[\"https://example.com/first.png\"],\"duration\":4}");
    assertThat(created.status()).isEqualTo(200);
    JsonObject task = created.body();
    assertThat(task.get("resolution").getAsString()).isEqualTo("360p"); // vidu2.0 at 4 s
    String id = task.get("task_id").getAsString();
    TaskCreations done = client.tasks().await(id);
    Path file = Files.write(dir.resolve("clip.mp4"), download(done.getCreations().get(0).getUrl()));
    assertThat(ffprobe(file)).contains("height=360", "r_frame_rate=32/1");
    var listed = client.tasks().list(io.github.vidu4j.TaskQuery.all().taskIds(List.of(id)));
    var video = listed.getTasks().get(0).getCreations().get(0).getVideo();
    assertThat(video.getFps()).isEqualTo(32);
    assertThat(video.getDuration()).isEqualTo(4f);
    assertThat(video.getResolution().getHeight()).isEqualTo(360);
  }

  @Test
  void theReferencesInvalidCombinationsAreRefusedAsVidusAre() throws Exception {
    int tasksBefore = sandbox.taskCount();
    Answer longQ1 = post("text2video", "{\"model\":\"viduq1\",\"prompt\":\"p\",\"duration\":8}");
    assertThat(longQ1.status()).isEqualTo(400);
    assertThat(longQ1.body().get("reason").getAsString()).isEqualTo("FieldInvalid");
    assertThat(longQ1.body().get("message").getAsString()).contains("duration");

    Answer oneFrame =
        post(
            "start-end2video",
            "{\"model\":\"viduq2-pro\",\"images\":[\"https://example.com/start.png\"]}");
    assertThat(oneFrame.status()).isEqualTo(400);
    assertThat(oneFrame.body().get("reason").getAsString()).isEqualTo("FieldItemCountOutOfRange");

    Answer aspect =
        post(
            "img2video",
            "{\"model\":\"viduq2-pro\",\"images\":[\"https://example.com/a.png\"],"
                + "\"aspect_ratio\":\"16:9\"}");
    assertThat(aspect.status()).isEqualTo(400);
    assertThat(aspect.body().get("reason").getAsString()).isEqualTo("FieldUnwanted");
    assertThat(sandbox.taskCount()).isEqualTo(tasksBefore);
  }

  @Test
  void reference2videoAndStartEnd2videoCreateTasks() throws Exception {
    Answer reference =
        post(
            "reference2video",
            "{\"model\":\"viduq2\",\"images\":[\"https://example.com/a.png\"],"
                + "\"prompt\":\"two friends\",\"aspect_ratio\":\"9:16\",\"off_peak\":true}");
    assertThat(reference.status()).isEqualTo(200);
    assertThat(reference.body().get("credits").getAsInt()).isEqualTo(30); // 720p 5 s, off-peak
    Answer startEnd =
        post(
            "start-end2video",
            "{\"model\":\"viduq3-turbo\",\"images\":[\"https://example.com/s.png\","
                + "\"https://example.com/e.png\"],\"watermark\":true}");
    assertThat(startEnd.status()).isEqualTo(200);
    assertThat(startEnd.body().get("audio").getAsBoolean()).isTrue(); // q3 default
    TaskCreations done = client.tasks().await(startEnd.body().get("task_id").getAsString());
    assertThat(done.getCreations().get(0).getWatermarkedUrl()).contains(".mp4?");
  }

  /** ffprobe's stream and format facts, one {@code key=value} a line. */
  static List<String> ffprobe(Path file) throws Exception {
    Process process;
    try {
      process =
          new ProcessBuilder(
                  "ffprobe",
                  "-v",
                  "error",
                  "-show_entries",
                  "stream=codec_name,width,height,r_frame_rate,nb_frames:format=duration",
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
