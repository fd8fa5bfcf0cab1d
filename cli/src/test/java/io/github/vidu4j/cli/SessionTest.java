package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.InvalidSettingException;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTest {
  @Test
  void aClientThatCannotBeBuiltLeavesNoSandboxRunning() throws InterruptedException {
    long serversBefore = httpServerThreads();
    ViduCli cli =
        new ViduCli(Map.of(), new ByteArrayOutputStream(), new ByteArrayOutputStream(), false);

    // The sandbox takes a key with a tab inside; the client refuses it, after the sandbox started.
    assertThatThrownBy(() -> Session.withSandbox(ViduClient.builder(), "demo\tkey", cli))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("apiKey contains whitespace");

    long deadline = System.nanoTime() + 5_000_000_000L;
    while (httpServerThreads() > serversBefore && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(httpServerThreads()).isEqualTo(serversBefore);
  }

  /** The JDK HttpServer's dispatcher thread: one per running sandbox. */
  private static long httpServerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("HTTP-Dispatcher"))
        .count();
  }
}
