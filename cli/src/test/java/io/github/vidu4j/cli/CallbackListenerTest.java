package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.callback.CallbackSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code vidu callback listen} against senders that are slow, large or hostile: one held connection
 * does not block a real callback, a body over 1 MiB is answered 413, a request that never finishes
 * is cut off at the read deadline, and header values are shown escaped.
 */
@Timeout(60)
class CallbackListenerTest {
  static final String KEY = "vda_listener_test_key_93ab";
  static final String BODY =
      "{\"id\":\"900000000000000007\",\"state\":\"success\",\"credits\":8,\"creations\":[]}";

  final List<Socket> held = new ArrayList<>();
  int port;
  String url;

  @AfterEach
  void closeHeld() throws IOException {
    for (Socket socket : held) {
      socket.close();
    }
  }

  private CompletableFuture<CliRun> listen(String... extra) throws Exception {
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    url = "http://127.0.0.1:" + port + "/cb";
    List<String> args =
        new ArrayList<>(
            List.of(
                "callback",
                "listen",
                "--port",
                Integer.toString(port),
                "--secret",
                KEY,
                "--url",
                url));
    args.addAll(List.of(extra));
    CompletableFuture<CliRun> run =
        CompletableFuture.supplyAsync(() -> CliRun.of(Map.of(), args.toArray(String[]::new)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        return run;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline || run.isDone()) {
          throw new AssertionError("the listener did not start: " + run.getNow(null));
        }
        Thread.sleep(50);
      }
    }
  }

  /** A connection that sent {@code head} and keeps quiet; closed after the test. */
  private Socket hold(String head) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    held.add(socket);
    socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    return socket;
  }

  private String request(Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder("POST /cb HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
    return head.toString();
  }

  /** Sends a whole request and returns the status line, read within {@code wait}. */
  private String send(Map<String, String> headers, byte[] body, Duration wait) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) wait.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request(headers, body).getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return statusLine(socket.getInputStream());
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      line.write(b);
    }
    return line.toString(StandardCharsets.ISO_8859_1).trim();
  }

  private Map<String, String> signed() {
    return CallbackSigner.withSecret(KEY)
        .sign("POST", url, Instant.now(), UUID.randomUUID().toString());
  }

  @Test
  void aConnectionThatSendsHeadersAndNoBodyDoesNotBlockARealCallback() throws Exception {
    CompletableFuture<CliRun> run = listen("--count", "1");
    hold("POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n");
    hold("POST /cb HTTP/1.1\r\nHost: x\r\nX-Slow: ");

    String status = send(signed(), BODY.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));

    assertThat(status).isEqualTo("HTTP/1.1 200 OK");
    CliRun done = run.get(20, TimeUnit.SECONDS);
    assertThat(done.exitCode()).as(done.toString()).isEqualTo(ExitCode.OK);
    assertThat(done.out()).contains("accepted task 900000000000000007 success");
  }

  @Test
  void aRequestThatNeverFinishesIsCutOffAtTheReadDeadline() throws Exception {
    CompletableFuture<CliRun> run = listen("--count", "1", "--read-timeout", "500ms");
    Socket slow = hold("POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc");
    slow.setSoTimeout(10_000);
    long start = System.nanoTime();
    int read;
    try {
      read = slow.getInputStream().read();
    } catch (SocketTimeoutException | java.net.SocketException closed) {
      read = closed instanceof SocketTimeoutException ? -2 : -1;
    }
    assertThat(read).as("closed by the listener, not still open after 10 s").isEqualTo(-1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    send(signed(), BODY.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
    assertThat(run.get(20, TimeUnit.SECONDS).exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void aDeclaredBodyOverOneMibIsAnswered413NotReset() throws Exception {
    CompletableFuture<CliRun> run = listen("--count", "2");
    Socket big =
        hold("POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n\r\n" + "{".repeat(100));
    big.setSoTimeout(5_000);
    assertThat(statusLine(big.getInputStream())).startsWith("HTTP/1.1 413");

    byte[] large = new byte[1024 * 1024 + 10];
    java.util.Arrays.fill(large, (byte) ' ');
    try (Socket chunked = new Socket(InetAddress.getLoopbackAddress(), port)) {
      chunked.setSoTimeout(5_000);
      OutputStream out = chunked.getOutputStream();
      out.write(
          "POST /cb HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write((Integer.toHexString(large.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(large);
      out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertThat(statusLine(chunked.getInputStream())).startsWith("HTTP/1.1 413");
    }
    CliRun done = run.get(20, TimeUnit.SECONDS);
    assertThat(done.exitCode()).isEqualTo(ExitCode.CALLBACK_REJECTED);
    assertThat(done.err()).contains("refused: a body of 2097152 bytes").contains("(413)");
  }

  @Test
  void headerValuesInRefusedLinesAndBodyFieldsAreShownEscaped() throws Exception {
    CompletableFuture<CliRun> run = listen("--count", "2");
    String hostile =
        "x\u001b]0;PWNED\u0007\u001b]52;c;cm0gLXJmIH4K\u0007\u001b[2K\u001b[1A\u009b2K";
    Map<String, String> headers = new java.util.LinkedHashMap<>(signed());
    headers.put("X-HMAC-ACCESS-KEY", hostile);
    assertThat(send(headers, BODY.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)))
        .startsWith("HTTP/1.1 401");
    String hostileBody =
        "{\"id\":\"9\\u001b]0;PWNED\\u0007\",\"state\":\"success\\u001b[2J\",\"err_code\":\"e\\u001b[1A\"}";
    assertThat(send(signed(), hostileBody.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)))
        .startsWith("HTTP/1.1 200");
    CliRun done = run.get(20, TimeUnit.SECONDS);
    TerminalInjectionTest.assertNoRawControl(done.out(), false);
    TerminalInjectionTest.assertNoRawControl(done.err(), false);
    assertThat(done.err()).contains("refused: ").contains("x\\x1b]0;PWNED\\x07");
    assertThat(done.out()).contains("accepted task 9\\x1b]0;PWNED\\x07 success\\x1b[2J");
  }
}
