package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.ViduClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Large bodies sent at once, most without a key, against the test JVM's normal heap: every one is
 * answered, none is read whole, and the sandbox goes on serving. (Before the sandbox checked the
 * key first, it read and kept every body: six 100 MB bodies at -Xmx512m ran it out of memory.)
 */
class HostileMemoryTest {
  private static final String CREATE = "POST /ent/v2/reference2image HTTP/1.1";
  private static final long HUNDRED_MB = 100_000_000;

  @Test
  void largeBodiesAreAnsweredUnreadAndTheSandboxStaysUp() throws Exception {
    // A 1 MB limit keeps the run short; HostileClientsTest checks the real limit.
    SandboxOptions options =
        SandboxOptions.fast().toBuilder().maxRequestBodyBytes(1_000_000).build();
    ExecutorService clients = Executors.newFixedThreadPool(9);
    try (ViduSandbox sandbox = ViduSandbox.start(options);
        ViduClient client = sandbox.newClient()) {
      List<Future<RawHttp.Answer>> unauthenticated = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        unauthenticated.add(
            clients.submit(
                () ->
                    RawHttp.connect(sandbox.port())
                        .head(
                            CREATE,
                            true,
                            "Content-Type: application/json",
                            "Content-Length: " + HUNDRED_MB)
                        .streamBody(HUNDRED_MB, false)
                        .answer(Duration.ofSeconds(10))));
      }
      Future<RawHttp.Answer> unauthenticatedChunked =
          clients.submit(
              () ->
                  RawHttp.connect(sandbox.port())
                      .head(CREATE, true, "Transfer-Encoding: chunked")
                      .streamBody(3 * HUNDRED_MB, true)
                      .answer(Duration.ofSeconds(10)));
      Future<RawHttp.Answer> authenticatedChunked =
          clients.submit(
              () ->
                  RawHttp.connect(sandbox.port())
                      .head(
                          CREATE,
                          true,
                          HostileClientsTest.auth(sandbox),
                          "Transfer-Encoding: chunked")
                      .streamBody(3 * HUNDRED_MB, true)
                      .answer(Duration.ofSeconds(10)));
      Future<RawHttp.Answer> authenticatedDeclared =
          clients.submit(
              () ->
                  RawHttp.connect(sandbox.port())
                      .head(
                          CREATE,
                          true,
                          HostileClientsTest.auth(sandbox),
                          "Content-Length: " + HUNDRED_MB)
                      .streamBody(HUNDRED_MB, false)
                      .answer(Duration.ofSeconds(10)));

      for (Future<RawHttp.Answer> answer : unauthenticated) {
        assertThat(answer.get().status()).isEqualTo(401);
        assertThat(answer.get().bodyBytesWritten()).isLessThan(HUNDRED_MB / 2);
      }
      assertThat(unauthenticatedChunked.get().status()).isEqualTo(401);
      assertThat(unauthenticatedChunked.get().bodyBytesWritten()).isLessThan(HUNDRED_MB);
      assertThat(authenticatedChunked.get().status()).isEqualTo(413);
      assertThat(authenticatedChunked.get().bodyBytesWritten()).isLessThan(HUNDRED_MB);
      assertThat(authenticatedDeclared.get().status()).isEqualTo(413);
      assertThat(authenticatedDeclared.get().bodyBytesWritten()).isLessThan(HUNDRED_MB / 2);

      long mostWritten =
          unauthenticated.stream()
              .mapToLong(
                  f -> {
                    try {
                      return f.get().bodyBytesWritten();
                    } catch (Exception e) {
                      throw new AssertionError(e);
                    }
                  })
              .max()
              .orElseThrow();
      System.out.printf(
          "hostile memory: the most any 100 MB sender got out unauthenticated: %d bytes; chunked 300 MB: %d without a key,"
              + " %d with one; declared 100 MB with a key: %d%n",
          mostWritten,
          unauthenticatedChunked.get().bodyBytesWritten(),
          authenticatedChunked.get().bodyBytesWritten(),
          authenticatedDeclared.get().bodyBytesWritten());
      // What the sandbox kept of them: no body at all, as none was read.
      assertThat(sandbox.received())
          .hasSize(9)
          .allSatisfy(e -> assertThat(e.requestBody()).isEmpty());
      assertThat(client.credits().getRemains()).isNotEmpty();
    } finally {
      clients.shutdownNow();
    }
  }
}
