package io.github.vidu4j.benchmarks;

import com.google.gson.GsonBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Peak heap of the data URI request ({@link DataUriBenchmark}), measured as the smallest {@code
 * -Xmx} (serial GC, a 4 MB young generation so large arrays live in the old one, 2 MB steps) with
 * which a fresh JVM completes it, minus the same for a JVM that sets everything up and sends
 * nothing. That difference is the extra heap the request needs at its peak, whatever the
 * collector's timing; it is compared with the body's size.
 *
 * <p>Usage: {@code PeakHeap <out.json>}; the child mode is {@code PeakHeap --child
 * <ours|streamed|raw|idle>}.
 */
public final class PeakHeap {
  private static final int STEP_MB = 2;

  private PeakHeap() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--child")) {
      child(args[1]);
      return;
    }
    Path out = Path.of(args.length > 0 ? args[0] : "peak-heap.json");
    TestFiles.largePng(
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "vidu4j-bench")),
        DataUriBenchmark.FILE_BYTES);
    int idle = smallestHeap("idle");
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("fileBytes", DataUriBenchmark.FILE_BYTES);
    long bodyBytes = (DataUriBenchmark.FILE_BYTES + 2) / 3 * 4 + 100;
    results.put("bodyBytesApprox", bodyBytes);
    results.put("idleXmxMb", idle);
    for (String mode : List.of("ours", "streamed", "raw")) {
      int mb = smallestHeap(mode);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("xmxMb", mb);
      row.put("extraMb", mb - idle);
      row.put("extraOverBody", (mb - idle) * 1024.0 * 1024.0 / bodyBytes);
      results.put(mode, row);
      System.out.println(mode + " " + row);
    }
    Files.writeString(out, new GsonBuilder().setPrettyPrinting().create().toJson(results));
  }

  private static int smallestHeap(String mode) throws Exception {
    int low = 6; // fails (assumed)
    int high = 512; // must succeed
    if (!runs(mode, high)) {
      throw new IllegalStateException(mode + " fails even with -Xmx" + high + "m");
    }
    while (high - low > STEP_MB) {
      int mid = (low + high) / 2;
      if (runs(mode, mid)) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }

  private static boolean runs(String mode, int xmxMb) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmxMb + "m",
                "-Xms" + Math.min(xmxMb, 8) + "m",
                "-XX:+UseSerialGC",
                "-Xmn4m",
                "-Xss512k",
                "-cp",
                System.getProperty("java.class.path"),
                PeakHeap.class.getName(),
                "--child",
                mode)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
  }

  private static void child(String mode) {
    try {
      DataUriBenchmark benchmark = new DataUriBenchmark();
      benchmark.setUp();
      Object result =
          switch (mode) {
            case "ours" -> benchmark.oursDataUriRequest();
            case "streamed" -> benchmark.oursStreamedRequest();
            case "raw" -> benchmark.rawDataUriRequest();
            default -> "idle";
          };
      benchmark.tearDown();
      System.exit(result != null ? 0 : 3);
    } catch (Throwable e) {
      System.exit(2);
    }
  }
}
