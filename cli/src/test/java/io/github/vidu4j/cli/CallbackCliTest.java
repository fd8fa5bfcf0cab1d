package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The callback commands: sign, verify and listen. */
class CallbackCliTest {
  static final String KEY = SandboxedCli.KEY;

  @RegisterExtension static final ViduSandboxExtension vidu = SandboxedCli.extension();

  @TempDir Path dir;

  CliRun vidu(String... args) {
    return SandboxedCli.run(vidu, args);
  }

  // The worked example of Vidu's callback-signature documentation.
  static final String URL = "http://127.0.0.1:8080/vidu/callback?name=james&age=36";
  static final String DATE = "Tue, 06 May 2025 12:09:42 GMT";
  static final String NONCE = "123e4567-e89b-12d3-a456-426614174000";

  @Test
  void signReproducesTheWorkedExample() {
    CliRun run =
        CliRun.of(
            Map.of(),
            "callback",
            "sign",
            "--secret",
            "your_secret_token",
            "--url",
            URL,
            "--date",
            DATE,
            "--nonce",
            NONCE);
    assertThat(run.out().lines())
        .containsExactly(
            "Date: " + DATE,
            "x-request-nonce: " + NONCE,
            "X-HMAC-SIGNED-HEADERS: Date;x-request-nonce",
            "X-HMAC-SIGNATURE: PrO4+kG4W+b3HOSimdHMHn8pnQ6YXQTseBDC/8yvvNA=",
            "X-HMAC-ALGORITHM: hmac-sha256",
            "X-HMAC-ACCESS-KEY: vidu");
  }

  @Test
  void verifyAcceptsTheWorkedExample() throws Exception {
    Path body =
        Files.writeString(
            dir.resolve("body.json"),
            "{\"state\":\"success\",\"err_code\":\"\",\"creations\":[{\"id\":\"c\",\"url\":\"https://x.example/a.png\"}]}");
    CliRun run =
        CliRun.of(
            Map.of(),
            "callback",
            "verify",
            "--secret",
            "your_secret_token",
            "--url",
            URL,
            "--header",
            "X-HMAC-SIGNED-HEADERS: Date;x-request-nonce",
            "--header",
            "Date: " + DATE,
            "--header",
            "x-request-nonce: " + NONCE,
            "--header",
            "X-HMAC-ALGORITHM: hmac-sha256",
            "--header",
            "X-HMAC-ACCESS-KEY: vidu",
            "--header",
            "X-HMAC-SIGNATURE: PrO4+kG4W+b3HOSimdHMHn8pnQ6YXQTseBDC/8yvvNA=",
            "--body-file",
            body.toString(),
            "--now",
            DATE);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("callback verified").contains("success");

    CliRun late =
        CliRun.of(
            Map.of(),
            "callback",
            "verify",
            "--secret",
            "your_secret_token",
            "--url",
            URL,
            "--header",
            "X-HMAC-SIGNED-HEADERS: Date;x-request-nonce",
            "--header",
            "Date: " + DATE,
            "--header",
            "x-request-nonce: " + NONCE,
            "--header",
            "X-HMAC-ALGORITHM: hmac-sha256",
            "--header",
            "X-HMAC-ACCESS-KEY: vidu",
            "--header",
            "X-HMAC-SIGNATURE: PrO4+kG4W+b3HOSimdHMHn8pnQ6YXQTseBDC/8yvvNA=",
            "--now",
            "Tue, 06 May 2025 12:19:42 GMT");
    assertThat(late.exitCode()).isEqualTo(ExitCode.CALLBACK_REJECTED);
    assertThat(late.err()).contains("STALE");
  }

  @Test
  void listenVerifiesWhatTheSandboxSends() throws Exception {
    int port;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/hooks/vidu";
    CompletableFuture<CliRun> listening =
        CompletableFuture.supplyAsync(
            () ->
                CliRun.of(
                    Map.of(),
                    "callback",
                    "listen",
                    "--port",
                    Integer.toString(port),
                    "--secret",
                    KEY,
                    "--url",
                    url,
                    "--count",
                    "2"));
    awaitPort(port);
    CliRun create =
        vidu("image", "create", "--model", "viduq2", "--prompt", "p", "--callback-url", url);
    assertThat(create.exitCode()).as(create.toString()).isZero();

    CliRun listen = listening.get(20, TimeUnit.SECONDS);
    assertThat(listen.exitCode()).as(listen.toString()).isZero();
    assertThat(listen.out().lines())
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith("accepted task").contains("success"));
  }

  private void awaitPort(int port) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (java.net.Socket probe =
          new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
        assertThat(probe.isConnected()).isTrue();
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new AssertionError("callback listen did not start on port " + port);
  }
}
