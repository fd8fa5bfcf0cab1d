package io.github.vidu4j.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.batch.BatchFile;
import io.github.vidu4j.batch.BatchLine;
import io.github.vidu4j.batch.BatchOptions;
import io.github.vidu4j.batch.BatchReport;
import io.github.vidu4j.batch.Batches;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import io.github.vidu4j.validation.RequestValidator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Scale row: a batch of many lines, each with a small local reference image, run by {@code
 * Batches.of(client)} against the sandbox, in a JVM of its own whose heap is capped ({@code -Xmx},
 * serial GC). The sandbox runs in the measuring JVM, outside the capped heap, so only the client
 * and the batch count. Reported: whether the batch completed within the cap (the target), the
 * largest heap still in use after any collection (the live peak, from the collector's own
 * notifications), the largest used heap sampled every 10 ms (garbage included), and the wall time.
 * Baseline: none (an absolute bound; memory must follow the concurrency, not the number of lines).
 *
 * <p>Child usage: {@code ScaleBatch --child <baseUrl> <apiKey> <lines> <concurrency> <dir>}; it
 * prints one JSON line.
 */
final class ScaleBatch {
  /** The reference image of every line: 128×128 (the smallest Vidu takes), noise, about 49 KB. */
  static final int IMAGE_SIDE = 128;

  private ScaleBatch() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 6 && args[0].equals("--child")) {
      Map<String, Object> row =
          inThisJvm(
              args[1],
              args[2],
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]),
              Path.of(args[5]));
      System.out.println(new Gson().toJson(row));
      System.exit(0);
    }
  }

  /** The batch in a fresh JVM with {@code -Xmx<xmxMb>m}, against a sandbox in this one. */
  static Map<String, Object> run(int lines, int concurrency, int xmxMb) throws Exception {
    Path dir = Files.createTempDirectory("vidu4j-scale-batch");
    try (ViduSandbox sandbox = ViduSandbox.start(sandboxOptions(lines, concurrency))) {
      long sandboxCpuBefore = cpuNanos();
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx" + xmxMb + "m",
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  ScaleBatch.class.getName(),
                  "--child",
                  sandbox.baseUrl(),
                  sandbox.demoKey(),
                  String.valueOf(lines),
                  String.valueOf(concurrency),
                  dir.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out =
          new String(
              child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!child.waitFor(30, TimeUnit.MINUTES)) {
        child.destroyForcibly();
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("xmxMb", xmxMb);
      row.put("childExit", child.exitValue());
      // This JVM ran only the sandbox meanwhile: with the child's own figure, the CPU the row
      // needs, from which its time on an idle machine can be estimated (CPU ÷ cores).
      row.put("sandboxCpuSeconds", (cpuNanos() - sandboxCpuBefore) / 1e9);
      String last = out.lines().reduce((a, b) -> b).orElse("");
      if (child.exitValue() == 0 && last.startsWith("{")) {
        JsonObject measured = new Gson().fromJson(last, JsonObject.class);
        measured.entrySet().forEach(e -> row.put(e.getKey(), e.getValue()));
        row.put("completedWithinXmx", true);
      } else {
        row.put("lines", lines);
        row.put("concurrency", concurrency);
        row.put("completedWithinXmx", false);
        row.put("childOutput", out.length() > 2000 ? out.substring(out.length() - 2000) : out);
      }
      return row;
    } finally {
      deleteTree(dir);
    }
  }

  /** The same batch in this JVM (the smoke test's tiny size): no heap cap, same figures. */
  static Map<String, Object> runHere(int lines, int concurrency) throws Exception {
    Path dir = Files.createTempDirectory("vidu4j-scale-batch");
    try (ViduSandbox sandbox = ViduSandbox.start(sandboxOptions(lines, concurrency))) {
      return inThisJvm(sandbox.baseUrl(), sandbox.demoKey(), lines, concurrency, dir);
    } finally {
      deleteTree(dir);
    }
  }

  private static SandboxOptions sandboxOptions(int lines, int concurrency) {
    return SandboxOptions.fast().toBuilder()
        .concurrencyLimit(concurrency)
        .credits(1_000L * lines)
        .recordLimit(1)
        // Results of 64 px: rendering 10,000 pictures at 1080p would cost more than the batch.
        .maxResultSide(64)
        .httpThreads(Math.max(32, concurrency))
        .httpQueue(Math.max(64, 4 * concurrency))
        .build();
  }

  private static Map<String, Object> inThisJvm(
      String baseUrl, String apiKey, int count, int concurrency, Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Path output = Files.createDirectories(dir.resolve("output"));
    BufferedImage noise = new BufferedImage(IMAGE_SIDE, IMAGE_SIDE, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int y = 0; y < IMAGE_SIDE; y++) {
      for (int x = 0; x < IMAGE_SIDE; x++) {
        noise.setRGB(x, y, random.nextInt());
      }
    }
    ImageIO.write(noise, "png", input.resolve("ref.png").toFile());
    StringBuilder jsonl = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      jsonl
          .append("{\"model\":\"viduq1\",\"prompt\":\"line ")
          .append(i)
          .append("\",\"aspect_ratio\":\"1:1\",\"images\":[\"ref.png\"]}\n");
    }
    Path file = Files.writeString(input.resolve("batch.jsonl"), jsonl);
    HeapWatch heap = new HeapWatch();
    long start = System.nanoTime();
    BatchReport report;
    try (ViduClient client = ViduClient.builder().apiKey(apiKey).baseUrl(baseUrl).build()) {
      List<BatchLine> lines = BatchFile.read(file, RequestValidator.strict());
      BatchOptions options =
          BatchOptions.defaults()
              .withConcurrency(concurrency)
              .withAwaitOptions(
                  AwaitOptions.defaults()
                      .withIntervals(Duration.ofMillis(100), Duration.ofMillis(100))
                      .withTimeout(Duration.ofMinutes(5)));
      report = Batches.of(client).run(lines, output.resolve("batch.journal"), output, options);
    } finally {
      heap.stop();
    }
    long took = System.nanoTime() - start;
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("lines", count);
    row.put("concurrency", concurrency);
    row.put("imageBytes", Files.size(input.resolve("ref.png")));
    row.put("succeeded", report.totals().succeeded());
    row.put("allSucceeded", report.allSucceeded());
    row.put("seconds", took / 1e9);
    row.put("linesPerSecond", count / (took / 1e9));
    row.put("peakLiveAfterGcMb", heap.peakAfterGc.get() / 1e6);
    row.put("peakSampledUsedMb", heap.peakSampled.get() / 1e6);
    row.put("gcCount", heap.collections());
    row.put("batchCpuSeconds", cpuNanos() / 1e9);
    return row;
  }

  /** CPU time of this JVM so far, all threads. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The heap's peak: after each collection (live data) and sampled (garbage included). */
  private static final class HeapWatch {
    final AtomicLong peakAfterGc = new AtomicLong();
    final AtomicLong peakSampled = new AtomicLong();
    private final long collectionsBefore = collectionsSoFar();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapWatch() {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc)
            .addNotificationListener(
                (notification, handback) -> {
                  if (!notification
                      .getType()
                      .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                  }
                  GarbageCollectionNotificationInfo info =
                      GarbageCollectionNotificationInfo.from(
                          (CompositeData) notification.getUserData());
                  long used =
                      info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                          .mapToLong(MemoryUsage::getUsed)
                          .sum();
                  peakAfterGc.accumulateAndGet(used, Math::max);
                },
                null,
                null);
      }
      sampler =
          new Thread(
              () -> {
                while (running) {
                  peakSampled.accumulateAndGet(
                      ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                      Math::max);
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    long collections() {
      return collectionsSoFar() - collectionsBefore;
    }

    private static long collectionsSoFar() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionCount)
          .sum();
    }

    void stop() throws InterruptedException {
      running = false;
      sampler.join();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
    }
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }

  static Gson pretty() {
    return new GsonBuilder().setPrettyPrinting().create();
  }
}
