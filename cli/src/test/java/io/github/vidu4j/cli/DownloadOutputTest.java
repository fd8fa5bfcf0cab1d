package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vidu task wait --output} against a hostile or failing server on loopback. */
class DownloadOutputTest {
  static final String KEY = "vda_cli_test_key_7d1e";

  @TempDir Path dir;
  HttpServer fake;
  String base;
  volatile String taskJson;
  volatile Runnable beforeImage = () -> {};
  byte[] png;

  @BeforeEach
  void startFakeApi() throws IOException {
    BufferedImage pixel = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(pixel, "png", bytes);
    png = bytes.toByteArray();
    fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    base = "http://127.0.0.1:" + fake.getAddress().getPort();
    fake.createContext("/", this::answer);
    fake.start();
  }

  @AfterEach
  void stopFakeApi() {
    fake.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] body;
    if (exchange.getRequestURI().getPath().endsWith("/creations")) {
      body = taskJson.getBytes(StandardCharsets.UTF_8);
    } else {
      beforeImage.run();
      body = png;
    }
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  String succeeded(String id) {
    return "{\"id\":\""
        + id
        + "\",\"state\":\"success\",\"err_code\":\"\",\"creations\":[{\"id\":\"c1\",\"url\":\""
        + base
        + "/full.png\"}]}";
  }

  static long filesIn(Path directory) throws IOException {
    try (Stream<Path> all = Files.list(directory)) {
      return all.count();
    }
  }

  /**
   * The probe's reproduction: the id in the answer climbs out of --output and names another
   * directory.
   */
  @Test
  void aTaskIdThatWouldLeaveTheOutputDirectoryIsRefused() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out-cli"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    String hostile = "/../../../../../../.." + elsewhere.toAbsolutePath() + "/vidu-pwned-cli";
    taskJson = succeeded(hostile);

    CliRun run =
        CliRun.of(
            Map.of("VIDU_API_KEY", KEY),
            "--base-url",
            base + "/",
            "task",
            "wait",
            "900000000000000001",
            "--output",
            out.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OTHER);
    assertThat(run.err())
        .contains("task id \"" + hostile + "\" cannot be used as a file name: it contains '/'");
    assertThat(run.out()).isEmpty();
    assertThat(filesIn(out)).isZero();
    assertThat(filesIn(elsewhere)).isZero();
  }

  /** A local failure is exit 1 with the path named, not a network failure (7). */
  @Test
  void anOutputDirectoryThatVanishesMidwayIsExitOneNamingThePath() throws Exception {
    Path out = dir.resolve("out");
    taskJson = succeeded("900000000000000001");
    beforeImage =
        () -> {
          try {
            Files.deleteIfExists(out);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };

    CliRun run =
        CliRun.of(
            Map.of("VIDU_API_KEY", KEY),
            "--base-url",
            base + "/",
            "task",
            "wait",
            "900000000000000001",
            "--output",
            out.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OTHER);
    assertThat(run.err())
        .contains(
            "creation 1 of task 900000000000000001 not saved: cannot create "
                + out.resolve("..900000000000000001-1."))
        .doesNotContain("network error");
  }
}
