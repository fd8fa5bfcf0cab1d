package io.github.vidu4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} on a free loopback port, without persistence, in a temporary
 * directory; stopped by {@link #close()}. Without {@code redis-server} on the PATH the test fails,
 * so the requirement cannot vanish quietly; {@code -Dvidu4j.redis.skip=true} turns that into a
 * skip, for machines that choose to.
 */
public final class LocalRedisServer implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final List<String> extraArgs;
  private Process process;

  private LocalRedisServer(Path dir, int port, List<String> extraArgs) throws IOException {
    this.dir = dir;
    this.port = port;
    this.extraArgs = extraArgs;
    this.process = launch();
  }

  /** Starts one with {@code redis-server}'s extra arguments (e.g. {@code --requirepass}). */
  public static LocalRedisServer start(String... extraArgs) throws IOException {
    String executable = executable();
    if (executable == null) {
      if (Boolean.getBoolean("vidu4j.redis.skip")) {
        Assumptions.abort("redis-server is not on the PATH and -Dvidu4j.redis.skip=true");
      }
      fail(
          "redis-server is not on the PATH: install Debian's redis-server (.ci/run does), or pass -Dvidu4j.redis.skip=true to skip");
    }
    return new LocalRedisServer(
        Files.createTempDirectory("vidu4j-redis-"), freePort(), List.of(extraArgs));
  }

  /** Whether {@code redis-server} is on the PATH. */
  public static boolean available() {
    return executable() != null;
  }

  /** The loopback port it listens on. */
  public int port() {
    return port;
  }

  /**
   * Stops the server (SIGTERM, then SIGKILL) and starts a fresh one on the same port: memory empty.
   */
  public void restart() throws IOException {
    stop();
    process = launch();
  }

  /** Stops the server (SIGTERM, then SIGKILL); {@link #restart()} starts it again. */
  public void stop() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() throws IOException {
    stop();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private Process launch() throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                executable(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString(),
                "--daemonize",
                "no",
                "--loglevel",
                "warning"));
    command.addAll(extraArgs);
    Process started =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!started.isAlive()) {
        throw new IOException(
            "redis-server exited with "
                + started.exitValue()
                + ": "
                + Files.readString(dir.resolve("redis.log")));
      }
      if (answersPing()) {
        return started;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    started.destroyForcibly();
    throw new IOException("redis-server did not answer on 127.0.0.1:" + port + " within 10 s");
  }

  /**
   * Connects and sends PING: {@code +PONG}, or {@code -NOAUTH} from a server with a password, means
   * it is up.
   */
  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[64];
      int n = in.read(reply);
      String text = n <= 0 ? "" : new String(reply, 0, n, StandardCharsets.US_ASCII);
      return text.startsWith("+PONG") || text.startsWith("-NOAUTH");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String executable() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String directory : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(directory, "redis-server");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
