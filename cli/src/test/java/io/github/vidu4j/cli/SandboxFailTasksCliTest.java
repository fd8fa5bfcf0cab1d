package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code vidu sandbox serve --fail-tasks ERR_CODE}: a script's exit-4 path can be tried. */
class SandboxFailTasksCliTest {
  @Test
  void everyTaskFailsWithTheErrCodeAndWaitExits4() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = Map.of("VIDU_API_KEY", "fail-tasks-test-key");
    CompletableFuture<CliRun> serving =
        CompletableFuture.supplyAsync(
            () ->
                CliRun.of(
                    env,
                    "sandbox",
                    "serve",
                    "--port",
                    Integer.toString(port),
                    "--processing-time",
                    "100ms",
                    "--duration",
                    "20s",
                    "--fail-tasks",
                    "CreationPolicyViolation"));
    awaitPort(port);
    String url = "http://127.0.0.1:" + port + "/";
    for (int i = 0; i < 2; i++) {
      CliRun wait =
          CliRun.of(
              env,
              "--base-url",
              url,
              "--json",
              "--no-progress",
              "image",
              "create",
              "--model",
              "viduq2",
              "--prompt",
              "a fox",
              "--wait",
              "--timeout",
              "15s");
      assertThat(wait.exitCode()).as(wait.toString()).isEqualTo(ExitCode.TASK_FAILED);
      assertThat(JsonParser.parseString(wait.out()).getAsJsonObject().get("err_code").getAsString())
          .isEqualTo("CreationPolicyViolation");
      assertThat(wait.err()).contains("CreationPolicyViolation");
    }
    serving.cancel(true);
  }

  @Test
  void anErrCodeThatIsNoWordIsAUsageError() {
    CliRun run = CliRun.of(Map.of(), "sandbox", "serve", "--fail-tasks", "not a code");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("--fail-tasks").contains("not a code");
  }

  private static void awaitPort(int port) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        assertThat(probe.isConnected()).isTrue();
        return;
      } catch (java.io.IOException notYet) {
        TimeUnit.MILLISECONDS.sleep(20);
      }
    }
    throw new AssertionError("sandbox serve did not start on port " + port);
  }
}
