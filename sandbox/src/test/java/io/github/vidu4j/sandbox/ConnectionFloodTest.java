package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.testing.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Connections that hold on (bodies announced and never sent, headers never finished) hold neither a
 * thread each nor forever.
 */
class ConnectionFloodTest {
  private static final String CREATE = "POST /ent/v2/reference2image HTTP/1.1";
  private static final int WORKERS = 8;
  private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

  /**
   * How many connections hold on; {@code vidu.flood.connections}, default 200 (the probe that found
   * this used 2,000).
   */
  private static final int CONNECTIONS = Integer.getInteger("vidu.flood.connections", 200);

  @Tag("slow")
  @Test
  void heldConnectionsHoldABoundedNumberOfThreadsAndAreClosedAfterTheReadTimeout()
      throws Exception {
    SandboxOptions options =
        SandboxOptions.fast().toBuilder()
            .httpThreads(WORKERS)
            .httpQueue(8)
            .requestReadTimeout(READ_TIMEOUT)
            .build();
    try (ViduSandbox sandbox = ViduSandbox.start(options);
        ViduClient client = sandbox.newClient()) {
      long before = sandboxHttpThreads();
      List<RawHttp> held = new ArrayList<>();
      int closedAtOnce = 0;
      for (int i = 0; i < CONNECTIONS; i++) {
        RawHttp connection = RawHttp.connect(sandbox.port());
        try {
          if (i % 4 == 0) {
            connection.head(
                CREATE, false, HostileClientsTest.auth(sandbox)); // headers never finished
          } else {
            // Ten megabytes announced (within the limit), three bytes sent.
            connection
                .head(CREATE, true, HostileClientsTest.auth(sandbox), "Content-Length: 10000000")
                .body("{\"a".getBytes(StandardCharsets.US_ASCII));
          }
          held.add(connection);
        } catch (IOException refused) {
          // Beyond the workers, the queue and the overflow queue, the server closes a connection at
          // once.
          closedAtOnce++;
          connection.close();
        }
      }

      long most = before;
      long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (System.nanoTime() < until) {
        most = Math.max(most, sandboxHttpThreads());
        Thread.sleep(20);
      }
      // A well-formed request in the middle of it is answered (the client retries a 503 or a closed
      // connection).
      assertThat(client.credits().getRemains()).isNotEmpty();

      // The workers, the overflow thread that answers 503 and the deadline timer: nothing per
      // connection.
      assertThat(most).isLessThanOrEqualTo(before + WORKERS + 2);
      for (RawHttp connection : held) {
        assertThat(connection.closedByServerWithin(Duration.ofSeconds(10))).isTrue();
        connection.close();
      }
      assertThat(client.credits().getRemains()).isNotEmpty();
      System.out.println(
          "flood: "
              + held.size()
              + " connections held, "
              + closedAtOnce
              + " closed at once; at most "
              + (most - before)
              + " sandbox HTTP threads");
      assertThat(sandbox.received(Operation.GET_CREDITS))
          .last()
          .extracting(RecordedExchange::status)
          .isEqualTo(200);
    }
  }

  @Test
  void aRequestSlowerThanTheReadTimeoutIsClosedAfterItNotBefore() throws Exception {
    Duration timeout = Duration.ofMillis(400);
    try (ViduSandbox sandbox =
            ViduSandbox.start(
                SandboxOptions.fast().toBuilder().requestReadTimeout(timeout).build());
        RawHttp connection = RawHttp.connect(sandbox.port())) {
      long start = System.nanoTime();
      connection
          .head(CREATE, true, HostileClientsTest.auth(sandbox), "Content-Length: 100")
          .body("{".getBytes(StandardCharsets.US_ASCII));

      assertThat(connection.closedByServerWithin(Duration.ofSeconds(10))).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(timeout.minusMillis(50));
      // The close comes from the worker's deadline; the worker records the request just after.
      Eventually.await("the dropped request is recorded", () -> !sandbox.received().isEmpty());
      assertThat(sandbox.received())
          .singleElement()
          .extracting(RecordedExchange::status)
          .isEqualTo(-1);
    }
  }

  @Test
  void theReadTimeoutDoesNotCutOffAScriptedDelayAfterTheRequestIsIn() {
    try (ViduSandbox sandbox =
            ViduSandbox.start(
                SandboxOptions.fast().toBuilder()
                    .requestReadTimeout(Duration.ofMillis(200))
                    .build());
        ViduClient client = sandbox.clientBuilder().maxRetries(0).build()) {
      sandbox.faults().next(Operation.GET_CREDITS, Fault.delay(Duration.ofMillis(700)));

      assertThat(client.credits().getRemains()).isNotEmpty();
      assertThat(sandbox.received())
          .singleElement()
          .extracting(RecordedExchange::status)
          .isEqualTo(200);
    }
  }

  @Test
  void theWorkerPoolIsConfigurableWithinBounds() {
    SandboxOptions options = SandboxOptions.defaults();
    assertThat(options.httpThreads()).isEqualTo(32);
    assertThat(options.httpQueue()).isEqualTo(64);
    assertThat(options.requestReadTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.maxRequestBodyBytes()).isEqualTo(21_000_000);
    assertThat(
            options.toBuilder().httpThreads(3).httpQueue(0).build().toBuilder()
                .build()
                .httpThreads())
        .isEqualTo(3);
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> SandboxOptions.builder().httpThreads(0));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> SandboxOptions.builder().requestReadTimeout(Duration.ZERO));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> SandboxOptions.builder().maxRequestBodyBytes(0));
  }

  static long sandboxHttpThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("vidu-sandbox-http"))
        .count();
  }
}
