package io.github.vidu4j.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.core.IncompleteDownloadException;
import io.github.vidu4j.core.ViduLocalIOException;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.testing.RawHttpServer;
import io.github.vidu4j.testing.Responses;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Downloads as a hostile or broken server would test them: names, truncation, local disk errors,
 * leftovers.
 */
class DownloadSafetyTest extends ClientHarness {
  @TempDir Path dir;
  RawHttpServer files;

  @BeforeEach
  void startFileServer() throws Exception {
    files = new RawHttpServer();
  }

  @AfterEach
  void stopFileServer() throws Exception {
    files.close();
  }

  TaskCreations task(String id, String... urls) {
    server.enqueue(Responses.succeeded(id, urls));
    return client.tasks().get("t-1");
  }

  static byte[] image(String format) throws Exception {
    BufferedImage noise = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int y = 0; y < noise.getHeight(); y++) {
      for (int x = 0; x < noise.getWidth(); x++) {
        noise.setRGB(x, y, random.nextInt());
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(noise, format, bytes);
    return bytes.toByteArray();
  }

  /** A RIFF/WebP container of the given payload length; only its header and length matter here. */
  static byte[] webp(int payload) {
    ByteBuffer riff = ByteBuffer.allocate(20 + payload).order(ByteOrder.LITTLE_ENDIAN);
    riff.put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt(12 + payload)
        .put("WEBPVP8L".getBytes(StandardCharsets.US_ASCII))
        .putInt(payload);
    return riff.array();
  }

  static byte[] firstHalf(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length / 2);
  }

  List<Path> everythingIn(Path directory) throws Exception {
    try (Stream<Path> all = Files.list(directory)) {
      return all.toList();
    }
  }

  @Nested
  class FileNamesFromServerData {
    /**
     * The reproduction from the probe: an id that climbs out of the target and names another
     * directory.
     */
    @Test
    void aTaskIdThatClimbsOutOfTheDirectoryIsRefusedAndNothingIsWritten() throws Exception {
      Path jail = Files.createDirectories(dir.resolve("jail"));
      Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
      String hostile = "/../../../../../../../.." + elsewhere.toAbsolutePath() + "/x";
      files.enqueue(RawHttpServer.closeDelimited("image/png", image("png")));
      TaskCreations task = task(hostile, files.url("/full.png"));

      assertThatThrownBy(() -> TaskFiles.of(client).toDirectory(task, jail))
          .isInstanceOf(UnsafeFileNameException.class)
          .hasMessageContaining(
              "task id \"" + hostile + "\" cannot be used as a file name: it contains '/'")
          .hasMessageContaining("nothing was downloaded")
          .satisfies(e -> assertThat(((UnsafeFileNameException) e).value()).isEqualTo(hostile));
      assertThat(everythingIn(elsewhere)).isEmpty();
      assertThat(everythingIn(jail)).isEmpty();
      assertThat(files.requestCount()).as("refused before any download").isZero();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "../x",
          "a/b",
          "a\\b",
          ".",
          "..",
          ".hidden",
          "a b",
          "t\u0000",
          "t\u00e4sk",
          "x\u202e"
        })
    void anIdOutsideTheSafeAlphabetIsRefused(String id) {
      TaskCreations task = task(id, files.url("/a.png"));

      assertThatThrownBy(() -> TaskFiles.of(client).saveEach(task, dir, result -> {}))
          .isInstanceOf(UnsafeFileNameException.class)
          .hasMessageContaining("cannot be used as a file name")
          .satisfies(
              e -> assertThat(((UnsafeFileNameException) e).value()).matches("[\\x20-\\x7e]+"));
      assertThat(files.requestCount()).isZero();
    }

    @Test
    void anEmptyOrOverlongIdIsRefusedAndTheMessageIsBounded() {
      TaskCreations empty = task("", files.url("/a.png"));
      assertThatThrownBy(() -> TaskFiles.of(client).toDirectory(empty, dir))
          .isInstanceOf(UnsafeFileNameException.class)
          .hasMessageContaining("it is empty");

      String longId = "9".repeat(5000);
      TaskCreations overlong = task(longId, files.url("/a.png"));
      assertThatThrownBy(() -> TaskFiles.of(client).toDirectory(overlong, dir))
          .isInstanceOf(UnsafeFileNameException.class)
          .hasMessageContaining("it has 5000 characters")
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600));
    }

    @Test
    void vidusOwnIdsAreUsedAsGiven() throws Exception {
      byte[] png = image("png");
      files.enqueue(RawHttpServer.closeDelimited("image/png", png));
      TaskCreations task = task("900000000000000001", files.url("/full.png"));

      assertThat(TaskFiles.of(client).toDirectory(task, dir))
          .containsExactly(dir.resolve("900000000000000001-1.png"));
    }
  }

  @Nested
  class Completeness {
    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "webp"})
    void aCloseDelimitedBodyCutHalfwayIsNotSaved(String format) throws Exception {
      byte[] whole = format.equals("webp") ? webp(50_000) : image(format);
      files.enqueue(RawHttpServer.closeDelimited("image/" + format, firstHalf(whole)));
      TaskCreations task = task("t-1", files.url("/full." + format));

      List<CreationDownload> results = TaskFiles.of(client).saveEach(task, dir, result -> {});

      assertThat(results.get(0).error())
          .isInstanceOf(IncompleteDownloadException.class)
          .hasMessageContaining("ended after " + whole.length / 2 + " bytes")
          .hasMessageContaining("the connection closed early; nothing was saved");
      assertThat(((IncompleteDownloadException) results.get(0).error()).received())
          .isEqualTo(whole.length / 2);
      assertThat(everythingIn(dir)).as("no file under the final name, no part file").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "webp"})
    void aWholeCloseDelimitedBodyIsSaved(String format) throws Exception {
      byte[] whole = format.equals("webp") ? webp(50_000) : image(format);
      files.enqueue(RawHttpServer.closeDelimited("image/" + format, whole));
      TaskCreations task = task("t-1", files.url("/full." + format));

      List<Path> saved = TaskFiles.of(client).toDirectory(task, dir);

      assertThat(saved).hasSize(1);
      assertThat(Files.readAllBytes(saved.get(0))).isEqualTo(whole);
      assertThat(everythingIn(dir)).containsExactly(saved.get(0));
    }

    @Test
    void anEmptyChunkedBodyIsAnEmptyDownloadNotANetworkFailureAndIsNotRetried() throws Exception {
      files.enqueue(
          "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      TaskCreations task = task("t-1", files.url("/a.png"));

      List<CreationDownload> results = TaskFiles.of(client).saveEach(task, dir, result -> {});

      assertThat(results.get(0).error())
          .isInstanceOf(IncompleteDownloadException.class)
          .hasMessageContaining("answered 200 with an empty body");
      assertThat(files.requestCount()).isEqualTo(1);
      assertThat(everythingIn(dir)).isEmpty();
    }
  }

  @Nested
  class LocalDiskErrors {
    /** A path under a regular file cannot be created, for root as well. */
    @Test
    void aDirectoryThatCannotBeCreatedIsALocalError() throws Exception {
      Path regular = Files.writeString(dir.resolve("plain-file"), "x");
      TaskCreations task = task("t-1", files.url("/a.png"));

      assertThatThrownBy(() -> TaskFiles.of(client).toDirectory(task, regular.resolve("out")))
          .isInstanceOf(ViduLocalIOException.class)
          .hasMessageContaining("cannot create directory " + regular.resolve("out"));
      assertThat(files.requestCount()).isZero();
    }

    /**
     * The NoSuchFileException of the probe: the directory vanishes once the response has started.
     */
    @Test
    void aDirectoryRemovedWhileDownloadingIsALocalErrorForThatCreationOnly() throws Exception {
      Path out = dir.resolve("out");
      byte[] png = image("png");
      String task =
          "{\"id\":\"t-1\",\"state\":\"success\",\"creations\":[{\"url\":\""
              + server.url("/a.png")
              + "\"}]}";
      java.util.concurrent.atomic.AtomicInteger downloads =
          new java.util.concurrent.atomic.AtomicInteger();
      server.setDispatcher(
          new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
              if (request.getUrl().encodedPath().endsWith("/creations")) {
                return Responses.json(200, task);
              }
              downloads.incrementAndGet();
              try {
                Files.delete(out);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return new mockwebserver3.MockResponse.Builder()
                  .setHeader("Content-Type", "image/png")
                  .body(new okio.Buffer().write(png))
                  .build();
            }
          });

      List<CreationDownload> results =
          TaskFiles.of(client).saveEach(client.tasks().get("t-1"), out, result -> {});

      assertThat(results.get(0).error())
          .isInstanceOf(ViduLocalIOException.class)
          .hasMessageContaining("cannot create " + out + java.io.File.separator + ".")
          .satisfies(
              e ->
                  assertThat(((ViduLocalIOException) e).path())
                      .get()
                      .extracting(Path::getParent)
                      .isEqualTo(out));
      assertThat(downloads).as("a local failure is not retried").hasValue(1);
    }
  }

  @Nested
  class LeftoverPartFiles {
    @Test
    void partFilesOfDeadProcessesAreRemovedAndALiveOnesKept() throws Exception {
      Process gone = new ProcessBuilder("true").start();
      gone.waitFor();
      long deadPid = gone.pid();
      long ownPid = ProcessHandle.current().pid();
      Path dead =
          Files.writeString(
              dir.resolve(".t-0-1." + deadPid + ".0123456789abcdef.part"), "killed midway");
      Path live =
          Files.writeString(
              dir.resolve(".t-0-1." + ownPid + ".fedcba9876543210.part"), "still being written");
      Path foreign = Files.writeString(dir.resolve(".someone-elses.part"), "not ours to judge");
      files.enqueue(RawHttpServer.closeDelimited("image/png", image("png")));
      TaskCreations task = task("t-1", files.url("/a.png"));

      List<Path> saved = TaskFiles.of(client).toDirectory(task, dir);

      assertThat(dead).doesNotExist();
      assertThat(live).hasContent("still being written");
      assertThat(foreign).hasContent("not ours to judge");
      assertThat(everythingIn(dir)).containsExactlyInAnyOrder(saved.get(0), live, foreign);
    }
  }
}
