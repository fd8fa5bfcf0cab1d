package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With the default options (32 workers, a 30 s read deadline), connections held half-open do not
 * stop the sandbox answering: a request refused before its body (no key, 10 GB announced, 3 bytes
 * sent) is answered and closed at once instead of keeping a worker while its body is drained, and
 * headers that never finish keep a worker for the header deadline (5 s), not 30 s.
 */
@Timeout(90)
class HalfOpenConnectionsTest {
  private static final String CREATE = "POST /ent/v2/reference2image HTTP/1.1";

  @Test
  void aHundredUnauthenticatedHalfOpenBodiesAndFortyUnfinishedHeadersDoNotStopAnswers()
      throws Exception {
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.defaults())) {
      List<RawHttp> refused = new ArrayList<>();
      List<RawHttp> unfinished = new ArrayList<>();
      try {
        for (int i = 0; i < 100; i++) {
          refused.add(
              RawHttp.connect(sandbox.port())
                  .head(CREATE, true, "Content-Length: 10000000000")
                  .body("{\"a".getBytes(StandardCharsets.US_ASCII)));
        }
        for (int i = 0; i < 40; i++) {
          unfinished.add(
              RawHttp.connect(sandbox.port())
                  .head(CREATE, false, HostileClientsTest.auth(sandbox)));
        }

        // Each refused request is answered at once and closed, its body unread. Taking those
        // answers first keeps the probe below from racing the workers still writing them (a race
        // a loaded machine lost, with a 503 from a full queue); the unfinished headers stay held.
        for (RawHttp connection : refused) {
          assertThat(connection.answer(Duration.ofSeconds(15)).status()).isEqualTo(401);
        }
        long start = System.nanoTime();
        RawHttp.Answer probe =
            RawHttp.connect(sandbox.port())
                .head("GET /ent/v2/credits HTTP/1.1", true, HostileClientsTest.auth(sandbox))
                .answer(Duration.ofSeconds(15));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(probe.status()).as("a well-formed request while they are held").isEqualTo(200);
        // Behind at most the unfinished headers' deadline, not the 30 s read deadline.
        assertThat(waited).isLessThan(Duration.ofSeconds(15));
        for (RawHttp connection : unfinished.subList(0, 5)) {
          assertThat(connection.closedByServerWithin(Duration.ofSeconds(15))).isTrue();
        }
      } finally {
        for (RawHttp connection : refused) {
          connection.close();
        }
        for (RawHttp connection : unfinished) {
          connection.close();
        }
      }
    }
  }

  @Test
  void aRefusedRequestIsAnsweredAndClosedWithoutWaitingForItsBody() throws Exception {
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.defaults());
        RawHttp connection = RawHttp.connect(sandbox.port())) {
      connection
          .head(CREATE, true, "Content-Length: 10000000000")
          .body("{\"a".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      assertThat(connection.closedByServerWithin(Duration.ofSeconds(10))).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
