package io.github.vidu4j.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scale rows, one after the other, into one JSON file: {@link ScaleAwaits} (many waits on the
 * client's 4 async threads), {@link ScaleBatch} (a batch's heap, capped) and {@link
 * ScaleSharedClient} (many threads on one client).
 *
 * <p>Usage: {@code Scale <out.json> [full|quick]}: {@code full} (the default) is the size the
 * targets name: 1,000 waits of 4 s, 10,000 batch lines in 256 MB, 64 threads.
 */
public final class Scale {
  /** How big each row is. */
  record Sizes(
      int awaits,
      Duration awaitTimeout,
      int batchLines,
      int batchConcurrency,
      int batchXmxMb,
      int threads,
      Duration round,
      int rounds) {
    static final Sizes FULL =
        new Sizes(1_000, Duration.ofSeconds(4), 10_000, 100, 256, 64, Duration.ofSeconds(2), 5);
    static final Sizes QUICK =
        new Sizes(200, Duration.ofSeconds(4), 500, 50, 256, 64, Duration.ofMillis(500), 1);
  }

  private Scale() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "scale.json");
    Sizes sizes = args.length > 1 && args[1].equals("quick") ? Sizes.QUICK : Sizes.FULL;
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("awaits", timed(() -> ScaleAwaits.run(sizes.awaits(), sizes.awaitTimeout())));
    System.out.println("awaits " + results.get("awaits"));
    results.put(
        "batch",
        timed(
            () ->
                ScaleBatch.run(sizes.batchLines(), sizes.batchConcurrency(), sizes.batchXmxMb())));
    System.out.println("batch " + results.get("batch"));
    results.put(
        "sharedClient",
        timed(() -> ScaleSharedClient.run(sizes.threads(), sizes.round(), sizes.rounds())));
    System.out.println("sharedClient " + results.get("sharedClient"));
    Files.writeString(out, ScaleBatch.pretty().toJson(results));
  }

  private interface Row {
    Map<String, Object> run() throws Exception;
  }

  /** The row, with the load average before and after it (these rows are long enough to drift). */
  private static Map<String, Object> timed(Row row) throws Exception {
    String before = load();
    Map<String, Object> result = new LinkedHashMap<>(row.run());
    result.put("loadBefore", before);
    result.put("loadAfter", load());
    return result;
  }

  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "unknown";
    }
  }
}
