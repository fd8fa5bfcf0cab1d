package io.github.vidu4j.facade;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.testing.RawHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 2xx bodies are read through {@link ViduClient.Builder#maxResponseBytes}, counted while streaming.
 */
class ResponseLimitsTest {
  /** The default {@code maxResponseBytes} the builder documents: 16 MiB. */
  private static final long DEFAULT_LIMIT = 16L * 1024 * 1024;

  static final String API_KEY = ClientHarness.API_KEY;
  static final long BIG = 64L * 1024 * 1024;
  static final long CAP = 1024 * 1024;

  final FakeTime time = new FakeTime();
  RawHttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = new RawHttpServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  ViduClient client(long maxResponseBytes) {
    return ViduClient.builder()
        .apiKey(API_KEY)
        .baseUrl(server.url())
        .clock(time)
        .sleeper(time)
        .callTimeout(Duration.ofSeconds(20))
        .maxResponseBytes(maxResponseBytes)
        .build();
  }

  /**
   * A 64 MB task list, {"tasks":[{"id":"1"},{"id":"1"},...]}, generated while writing: never held
   * by the server either.
   */
  static void streamBigList(OutputStream out, long size) throws IOException {
    byte[] item = "{\"id\":\"860245771473956864\",\"state\":\"success\"},".getBytes(UTF_8);
    byte[] chunk = new byte[item.length * 1024];
    for (int i = 0; i < 1024; i++) {
      System.arraycopy(item, 0, chunk, i * item.length, item.length);
    }
    out.write("{\"tasks\":[".getBytes(UTF_8));
    for (long written = 0; written < size; written += chunk.length) {
      out.write(chunk);
    }
    out.write("{\"id\":\"2\"}]}".getBytes(UTF_8));
  }

  @Test
  void a64MbCloseDelimitedListFailsTypedAtTheLimitNamingItAndTheOperation() {
    // No Content-Length: only counting while reading can stop it.
    server.respondWith(
        (request, out) -> {
          out.write(RawHttpServer.head("200 OK", "Content-Type: application/json"));
          streamBigList(out, BIG);
        });
    try (ViduClient client = client(CAP)) {
      assertThatThrownBy(() -> client.tasks().list(io.github.vidu4j.TaskQuery.all()))
          .isInstanceOfSatisfying(
              ViduResponseException.class,
              e -> {
                assertThat(e.limitBytes()).hasValue(CAP);
                assertThat(e.operation()).isEqualTo("GET /ent/v2/tasks");
              })
          .hasMessageStartingWith("GET /ent/v2/tasks: ")
          .hasMessageContaining("beyond the limit of 1048576 bytes (maxResponseBytes)");
    }
    assertThat(server.requests).as("not retried: the same request gets the same answer").hasSize(1);
    assertThat(server.bytesWritten.get())
        .as("the client stopped reading long before the end")
        .isLessThan(BIG / 2);
  }

  @Test
  void aChunked64MbAnswerFailsTypedToo() {
    server.respondWith(
        (request, out) -> {
          out.write(
              RawHttpServer.head(
                  "200 OK", "Content-Type: application/json", "Transfer-Encoding: chunked"));
          OutputStream chunked =
              new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                  write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                  out.write((Integer.toHexString(length) + "\r\n").getBytes(UTF_8));
                  out.write(bytes, offset, length);
                  out.write("\r\n".getBytes(UTF_8));
                }
              };
          streamBigList(chunked, BIG);
          out.write("0\r\n\r\n".getBytes(UTF_8));
        });
    try (ViduClient client = client(CAP)) {
      assertThatThrownBy(() -> client.tasks().get("860245771473956864"))
          .isInstanceOfSatisfying(
              ViduResponseException.class, e -> assertThat(e.limitBytes()).isPresent())
          .hasMessageStartingWith("GET /ent/v2/tasks/860245771473956864/creations: ")
          .hasMessageContaining("the body went on beyond the limit of 1048576 bytes");
    }
  }

  @Test
  void aDeclaredLengthOverTheLimitFailsBeforeReadingAndACreateSaysTheTaskMayExist() {
    server.respondWith(
        (request, out) -> {
          out.write(
              RawHttpServer.head(
                  "200 OK", "Content-Type: application/json", "Content-Length: " + (BIG + 12)));
          streamBigList(out, BIG);
        });
    try (ViduClient client = client(CAP)) {
      assertThatThrownBy(
              () ->
                  client
                      .images()
                      .create(new ReferenceToImageRequest().model("viduq2").prompt("a fox")))
          .isInstanceOfSatisfying(
              ViduResponseException.class, e -> assertThat(e.limitBytes()).isPresent())
          .hasMessageContaining(
              "Content-Length " + (BIG + 12) + " bytes beyond the limit of 1048576 bytes")
          .hasMessageContaining("the task may exist");
    }
    assertThat(server.requests).as("a create is never repeated").hasSize(1);
  }

  @Test
  void aGzipBombIsCountedDecompressed() {
    // About 16 KB on the wire, 16 MB once OkHttp has inflated it: the limit counts what is read.
    server.respondWith(
        (request, out) -> {
          out.write(
              RawHttpServer.head(
                  "200 OK", "Content-Type: application/json", "Content-Encoding: gzip"));
          try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write("{\"pad\":\"".getBytes(UTF_8));
            byte[] zeros = new byte[64 * 1024];
            java.util.Arrays.fill(zeros, (byte) '0');
            for (long written = 0; written < 16 * CAP; written += zeros.length) {
              gzip.write(zeros);
            }
            gzip.write("\"}".getBytes(UTF_8));
          }
        });
    try (ViduClient client = client(CAP)) {
      assertThatThrownBy(client::credits)
          .isInstanceOfSatisfying(
              ViduResponseException.class, e -> assertThat(e.limitBytes()).isPresent())
          .hasMessageContaining("the body went on beyond the limit of 1048576 bytes");
    }
  }

  @Test
  void aBodyOfExactlyTheLimitIsRead() {
    String prefix = "{\"remains\":[{\"type\":\"metered\",\"credit_remain\":7}],\"pad\":\"";
    String suffix = "\"}";
    byte[] body =
        (prefix + "x".repeat(2048 - prefix.length() - suffix.length()) + suffix).getBytes(UTF_8);
    assertThat(body).hasSize(2048);
    server.respondWith(RawHttpServer.head("200 OK", "Content-Type: application/json"), body);
    try (ViduClient client = client(2048)) {
      assertThat(client.credits().getRemains()).hasSize(1);
    }
    server.respondWith(
        RawHttpServer.head("200 OK", "Content-Type: application/json"),
        (new String(body, UTF_8) + " ").getBytes(UTF_8));
    try (ViduClient client = client(2048)) {
      assertThatThrownBy(client::credits)
          .isInstanceOfSatisfying(
              ViduResponseException.class, e -> assertThat(e.limitBytes()).isPresent());
    }
  }

  @Test
  void a64MbErrorBodyIsReadOnlyUpToItsCap() {
    // Retrofit buffers error bodies whole: the cap must apply before it does.
    server.respondWith(
        (request, out) -> {
          out.write(RawHttpServer.head("502 Bad Gateway", "Content-Type: text/html"));
          out.write("<html>".getBytes(UTF_8));
          byte[] chunk = "<p>gateway</p>".repeat(4096).getBytes(UTF_8);
          for (long written = 0; written < BIG; written += chunk.length) {
            out.write(chunk);
          }
        });
    try (ViduClient client =
        ViduClient.builder()
            .apiKey(API_KEY)
            .baseUrl(server.url())
            .clock(time)
            .sleeper(time)
            .maxRetries(0)
            .build()) {
      assertThatThrownBy(client::credits)
          .isInstanceOfSatisfying(
              ViduApiException.class, e -> assertThat(e.statusCode()).isEqualTo(502))
          .hasMessageContaining("not Vidu's error JSON (text/html): <html><p>gateway</p>");
    }
    assertThat(server.bytesWritten.get())
        .as("the client stopped reading long before the end")
        .isLessThan(BIG / 2);
  }

  @Test
  void theLimitHasAFloorAndACeiling() {
    for (long bad : List.of(0L, 1023L, (long) Integer.MAX_VALUE + 1)) {
      assertThatThrownBy(() -> ViduClient.builder().maxResponseBytes(bad))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessage("maxResponseBytes must be 1024 to 2147483647 bytes, got " + bad);
    }
  }

  @Test
  void anAnswerWithoutAContentLengthUnderTheLimitIsRead() {
    server.respondWith(
        RawHttpServer.head("200 OK", "Content-Type: application/json"),
        "{\"id\":\"t-1\",\"state\":\"processing\"}".getBytes(UTF_8));
    try (ViduClient client = client(CAP)) {
      assertThat(client.tasks().get("t-1").getId()).isEqualTo("t-1");
    }
  }

  @Test
  void theDefaultLimitIsUsedWhenNoneIsSet() {
    // Just over 16 MiB announced: refused by the default without reading it.
    server.respondWith(
        (request, out) -> {
          out.write(
              RawHttpServer.head(
                  "200 OK",
                  "Content-Type: application/json",
                  "Content-Length: " + (DEFAULT_LIMIT + 1)));
          streamBigList(out, DEFAULT_LIMIT);
        });
    try (ViduClient client =
        ViduClient.builder()
            .apiKey(API_KEY)
            .baseUrl(server.url())
            .clock(time)
            .sleeper(time)
            .build()) {
      assertThatThrownBy(client::credits)
          .isInstanceOfSatisfying(
              ViduResponseException.class, e -> assertThat(e.limitBytes()).isPresent())
          .hasMessageContaining("beyond the limit of 16777216 bytes")
          .isInstanceOf(ViduResponseException.class);
    }
  }
}
