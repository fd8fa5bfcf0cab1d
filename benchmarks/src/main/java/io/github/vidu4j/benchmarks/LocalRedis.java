package io.github.vidu4j.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.RedisClient;

/** A {@code redis-server} on a free loopback port, no persistence, in a temporary directory. */
final class LocalRedis implements AutoCloseable {
  private final Process process;
  private final Path dir;
  private final int port;

  private LocalRedis(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Whether {@code redis-server} is on the PATH. */
  static boolean available() {
    return executable() != null;
  }

  static LocalRedis start() throws IOException, InterruptedException {
    String executable = executable();
    if (executable == null) {
      throw new IllegalStateException(
          "redis-server is not on the PATH: install Debian's redis-server (.ci/run does)");
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path dir = Files.createTempDirectory("vidu4j-bench-redis-");
    Process process =
        new ProcessBuilder(
                List.of(
                    executable,
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
                    "--loglevel",
                    "warning"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    LocalRedis redis = new LocalRedis(process, dir, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (RedisClient client = RedisClient.create("127.0.0.1", port)) {
        if ("PONG".equals(client.ping())) {
          return redis;
        }
      } catch (RuntimeException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          redis.close();
          throw new IOException("redis-server did not start on 127.0.0.1:" + port, notYet);
        }
        Thread.sleep(20);
      }
    }
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }

  private static String executable() {
    String path = System.getenv("PATH");
    for (String directory : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, "redis-server");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
