package io.github.vidu4j.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.testing.Responses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a task's results into a directory: names, no overwriting, failures per creation. */
class TaskFilesTest extends ClientHarness {
  static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };

  @TempDir Path dir;

  static MockResponse image(String type, byte[] bytes) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", type)
        .body(new Buffer().write(bytes))
        .build();
  }

  TaskCreations finished() {
    server.enqueue(
        Responses.succeeded(
            "t-1", server.url("/files/a?sig=1").toString(), server.url("/files/b").toString()));
    return client.tasks().get("t-1");
  }

  TaskFiles files() {
    return TaskFiles.of(client);
  }

  @Test
  void writesEveryCreationNamedByTaskAndIndexWithTheExtensionFromTheBytes() throws Exception {
    TaskCreations task = finished();
    server.enqueue(image("image/png", PNG));
    server.enqueue(image("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}));

    List<Path> files = files().toDirectory(task, dir.resolve("out"));

    assertThat(files).containsExactly(dir.resolve("out/t-1-1.png"), dir.resolve("out/t-1-2.jpg"));
    assertThat(Files.readAllBytes(files.get(0))).isEqualTo(PNG);
    take();
    RecordedRequest download = take();
    assertThat(download.getUrl().encodedPath()).isEqualTo("/files/a");
    assertThat(download.getHeaders().get("Authorization"))
        .as("the key never goes to result hosts")
        .isNull();
  }

  @Test
  void neverOverwritesAnExistingFileAndSavesUnderTheNextFreeName() throws Exception {
    TaskCreations task = finished();
    Files.write(dir.resolve("t-1-1.png"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("t-1-1-2.png"), new byte[] {4, 5, 6});
    server.enqueue(image("image/png", PNG));
    server.enqueue(image("image/png", PNG));
    List<CreationDownload> announced = new ArrayList<>();

    List<CreationDownload> results = files().saveEach(task, dir, announced::add);

    assertThat(results)
        .extracting(CreationDownload::savedAs)
        .containsExactly(dir.resolve("t-1-1-3.png"), dir.resolve("t-1-2.png"));
    assertThat(results)
        .extracting(CreationDownload::preferredName)
        .containsExactly("t-1-1.png", "t-1-2.png");
    assertThat(results).extracting(CreationDownload::renamed).containsExactly(true, false);
    assertThat(results).extracting(CreationDownload::index).containsExactly(1, 2);
    assertThat(results.get(0).toString())
        .as("the signed query stays out of toString")
        .contains("sig=\u2026")
        .doesNotContain("sig=1");
    assertThat(announced).isEqualTo(results);
    assertThat(Files.readAllBytes(dir.resolve("t-1-1.png"))).containsExactly(1, 2, 3);
    assertThat(Files.readAllBytes(dir.resolve("t-1-1-2.png"))).containsExactly(4, 5, 6);
    assertThat(Files.readAllBytes(dir.resolve("t-1-1-3.png"))).isEqualTo(PNG);
    try (var left = Files.list(dir)) {
      assertThat(left).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
    }
  }

  /** One creation failing does not cost the others: they are saved, then the failure is thrown. */
  @Test
  void aFailedCreationDoesNotLoseTheOthers() throws Exception {
    TaskCreations task = finished();
    server.enqueue(new MockResponse.Builder().code(404).build());
    server.enqueue(image("image/png", PNG));

    assertThatThrownBy(() -> files().toDirectory(task, dir))
        .isInstanceOf(ViduException.class)
        .hasMessageContaining("creation 1 of task t-1 not saved");
    assertThat(Files.readAllBytes(dir.resolve("t-1-2.png"))).isEqualTo(PNG);
    assertThat(dir.resolve("t-1-1.png")).doesNotExist();
  }

  @Test
  void aTaskWithoutCreationsIsRefused() {
    server.enqueue(Responses.task("t-1", "processing"));
    TaskCreations task = client.tasks().get("t-1");
    assertThatThrownBy(() -> files().toDirectory(task, dir))
        .hasMessageContaining("has no creations");
  }
}
