package io.github.vidu4j.benchmarks;

import com.google.gson.GsonBuilder;
import io.github.vidu4j.benchmarks.Bodies.Body;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ours and raw alternated in one JVM: for each pair, {@code rounds} rounds, each timing a slice of
 * ours then a slice of raw (the order swapping every round), so both see the same machine load.
 * Reports the median time per call of each and the median of the per-round ratios. Steadier than
 * separate JMH runs on a shared machine; JMH's figures (with allocation) stand beside it.
 *
 * <p>Usage: {@code Interleaved <out.json> [rounds] [sliceMillis] [ClassName,...]}: the optional
 * last argument keeps only those benchmark classes (simple names), for a quick look at one row.
 * With {@code -Dinterleaved.clock=cpu} a call's cost is the calling thread's CPU time rather than
 * elapsed time: on a machine shared with other work, elapsed time mostly measures the wait for a
 * core (a loopback server's thread is then not counted, on either side).
 */
public final class Interleaved {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_CLOCK = "cpu".equals(System.getProperty("interleaved.clock"));

  private Interleaved() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "interleaved.json");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    long sliceNanos = (args.length > 2 ? Long.parseLong(args[2]) : 150) * 1_000_000L;
    Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    List<Class<?>> classes = Bodies.CLASSES;
    if (args.length > 3) {
      List<String> only = List.of(args[3].split(","));
      classes = classes.stream().filter(c -> only.contains(c.getSimpleName())).toList();
    }
    try (Bodies all = new Bodies(classes)) {
      Map<String, Body[]> pairs = new LinkedHashMap<>();
      for (Body body : all.bodies()) {
        Body[] pair =
            pairs.computeIfAbsent(body.className() + "." + body.pairKey(), k -> new Body[2]);
        pair[body.ours() ? 0 : 1] = body;
      }
      for (Map.Entry<String, Body[]> entry : pairs.entrySet()) {
        Body ours = entry.getValue()[0];
        Body raw = entry.getValue()[1];
        if (ours == null || raw == null) {
          continue;
        }
        // Warm-up: both bodies, a few slices each, so both are compiled before timing.
        for (int i = 0; i < 5; i++) {
          slice(ours, sliceNanos);
          slice(raw, sliceNanos);
        }
        double[] oursNs = new double[rounds];
        double[] rawNs = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          if (r % 2 == 0) {
            oursNs[r] = slice(ours, sliceNanos);
            rawNs[r] = slice(raw, sliceNanos);
          } else {
            rawNs[r] = slice(raw, sliceNanos);
            oursNs[r] = slice(ours, sliceNanos);
          }
          ratios[r] = oursNs[r] / rawNs[r];
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("oursNs", median(oursNs));
        row.put("rawNs", median(rawNs));
        row.put("ratio", median(ratios));
        row.put("ratioMin", Arrays.stream(ratios).min().orElse(0));
        row.put("ratioMax", Arrays.stream(ratios).max().orElse(0));
        row.put("rounds", rounds);
        results.put(entry.getKey(), row);
        System.out.printf(
            "%-40s ours %12.1f ns  raw %12.1f ns  ratio %.2f%n",
            entry.getKey(), median(oursNs), median(rawNs), median(ratios));
      }
    }
    Files.writeString(out, new GsonBuilder().setPrettyPrinting().create().toJson(results));
  }

  /**
   * Nanoseconds (elapsed, or CPU with {@code -Dinterleaved.clock=cpu}) per call over at least
   * {@code nanos} elapsed and at least 3 calls.
   */
  private static double slice(Body body, long nanos) throws Exception {
    long start = System.nanoTime();
    long cpuStart = CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : 0;
    long calls = 0;
    long elapsed;
    Object sink = null;
    do {
      sink = body.run();
      calls++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < nanos || calls < 3);
    if (sink == null) {
      throw new IllegalStateException(body.name() + " returned null");
    }
    long spent = CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() - cpuStart : elapsed;
    return (double) spent / calls;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static List<String> names(List<Body> bodies) {
    List<String> names = new ArrayList<>();
    bodies.forEach(b -> names.add(b.name()));
    return names;
  }
}
