package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
  void theSuccessCallbackIsDeliveredBeforeTheCommandEnds() throws Exception {
    List<String> states = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/cb",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String state = JsonParser.parseString(body).getAsJsonObject().get("state").getAsString();
          synchronized (states) {
            states.add(state);
          }
          if (state.equals("processing")) {
            // Answered only once the command has saved the image and is closing: the success
            // callback is then still queued behind this one. (One receiver thread, the JDK
            // server's default, so the success callback is taken in only after this answer.)
            awaitSaved(out);
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb";
      int code =
          ViduCli.run(
              new String[] {
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
                dir.toString()
              },
              Map.of(),
              out,
              err,
              false);
      List<String> deliveredByTheEnd;
      synchronized (states) {
        deliveredByTheEnd = List.copyOf(states);
      }
      String run = "exit " + code + "\n" + out + err;
      assertThat(code).as(run).isEqualTo(ExitCode.OK);
      // The real command exits the JVM here: what has not arrived by now never does.
      assertThat(deliveredByTheEnd).as(run).containsExactly("processing", "success");
    } finally {
      receiver.stop(0);
    }
  }

  /** Waits until the command has printed a saved file, then a second more; at most 60 s. */
  private static void awaitSaved(ByteArrayOutputStream out) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try {
      while (!out.toString(StandardCharsets.UTF_8).contains(".png")
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
