package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sandbox}: its callbacks reach the receiver before the command ends; its warnings. */
@Timeout(90)
class InProcessSandboxTest {
  @TempDir Path dir;

  @Test
  void theSuccessCallbackIsDeliveredBeforeTheCommandEnds() throws IOException {
    List<String> states = new ArrayList<>();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/cb",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          try {
            // A receiver that takes its time: the success callback queues behind processing's.
            Thread.sleep(1500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          synchronized (states) {
            states.add(JsonParser.parseString(body).getAsJsonObject().get("state").getAsString());
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb";
      CliRun run =
          CliRun.of(
              Map.of(),
              "--sandbox",
              "image",
              "create",
              "--model",
              "viduq2",
              "--prompt",
              "a fox",
              "--callback-url",
              url,
              "--wait",
              "--output",
              dir.toString());
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
      synchronized (states) {
        assertThat(states).as(run.toString()).contains("processing", "success");
      }
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void autoWithoutAnImageIsWarnedInTheCliseWordsNotByJavaUtilLogging() {
    Logger validation = Logger.getLogger("io.github.vidu4j.validation");
    List<LogRecord> logged = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (logged) {
              logged.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    validation.addHandler(capture);
    try {
      CliRun run =
          CliRun.of(
              Map.of(),
              "--sandbox",
              "image",
              "create",
              "--model",
              "viduq2",
              "--prompt",
              "p",
              "--aspect-ratio",
              "auto");
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
      assertThat(run.err())
          .contains(
              "warning: --aspect-ratio auto follows the first --image, and none was given;"
                  + " Vidu documents no error for that, so the request is sent as is");
      synchronized (logged) {
        assertThat(logged).as("records java.util.logging would print with a timestamp").isEmpty();
      }
    } finally {
      validation.removeHandler(capture);
    }
  }
}
