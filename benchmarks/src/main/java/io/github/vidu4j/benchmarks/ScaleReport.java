package io.github.vidu4j.benchmarks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;

/**
 * The report's scale section, from {@link Scale}'s JSON; also puts its figures into the notes'
 * placeholders ({@code scale.<row>.<field>}).
 */
final class ScaleReport {
  /** Targets of the issue. */
  static final long AWAIT_P99_TARGET_MILLIS = 4_500;

  static final double BATCH_HEAP_TARGET_MB = 256;

  private ScaleReport() {}

  static String section(JsonObject scale, Map<String, String> figures) {
    StringBuilder md = new StringBuilder("\n## At scale\n\n");
    for (Map.Entry<String, JsonElement> row : scale.entrySet()) {
      if (!row.getValue().isJsonObject()) {
        continue;
      }
      for (Map.Entry<String, JsonElement> field : row.getValue().getAsJsonObject().entrySet()) {
        if (field.getValue().isJsonPrimitive()) {
          figures.put("scale." + row.getKey() + "." + field.getKey(), text(field.getValue()));
        }
      }
    }
    if (scale.has("awaits")) {
      awaits(md, scale.getAsJsonObject("awaits"), figures);
    }
    if (scale.has("batch")) {
      batch(md, scale.getAsJsonObject("batch"), figures);
    }
    if (scale.has("sharedClient")) {
      shared(md, scale.getAsJsonObject("sharedClient"), figures);
    }
    return md.toString();
  }

  private static void awaits(StringBuilder md, JsonObject a, Map<String, String> figures) {
    long timeout = a.get("timeoutMillis").getAsLong();
    long p99 = a.get("endP99Millis").getAsLong();
    boolean allTimedOut = a.get("timedOut").getAsInt() == a.get("awaits").getAsInt();
    String verdict = p99 <= AWAIT_P99_TARGET_MILLIS && allTimedOut ? "met" : "**missed**";
    figures.put("scale.awaits.verdict", verdict);
    md.append("### ")
        .append(a.get("awaits").getAsInt())
        .append(" `async().await` at once, ")
        .append(timeout / 1000.0)
        .append(" s timeout each\n\n")
        .append(
            "On the client's own executor (4 threads), against sandbox tasks held in `processing`"
                + " (they never finish), default poll schedule (every 1 s), after a warm-up of reads"
                + " on a finished task. Polls are the reads the waits sent (the schedule allows about"
                + " 4 per wait; fewer means the 4 threads could not keep up). End = from each call to"
                + " its future failing with `TaskTimeoutException`, as measured. **Baseline: the"
                + " timeout itself** (the ideal end); no raw twin (a hand-written loop holds a"
                + " thread per wait). Load average ")
        .append(a.get("loadBefore").getAsString())
        .append(" before, ")
        .append(a.get("loadAfter").getAsString())
        .append(" after.\n\n")
        .append(
            "| waits | timed out | other outcome | polls | end min | p50 | p99 | max | p99 − timeout | target |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
        .append("| ")
        .append(a.get("awaits").getAsInt())
        .append(" | ")
        .append(a.get("timedOut").getAsInt())
        .append(" | ")
        .append(a.get("otherOutcome").getAsInt())
        .append(" | ")
        .append(a.get("polls").getAsInt())
        .append(
            String.format(
                Locale.ROOT,
                " (%.1f per wait)",
                a.get("polls").getAsDouble() / a.get("awaits").getAsDouble()))
        .append(" | ")
        .append(a.get("endMinMillis").getAsLong())
        .append(" ms | ")
        .append(a.get("endP50Millis").getAsLong())
        .append(" ms | ")
        .append(p99)
        .append(" ms | ")
        .append(a.get("endMaxMillis").getAsLong())
        .append(" ms | ")
        .append(p99 - timeout)
        .append(" ms | p99 ≤ ")
        .append(AWAIT_P99_TARGET_MILLIS)
        .append(" ms: ")
        .append(verdict)
        .append(" |\n\n");
  }

  private static void batch(StringBuilder md, JsonObject b, Map<String, String> figures) {
    boolean completed = b.get("completedWithinXmx").getAsBoolean();
    boolean all = b.has("allSucceeded") && b.get("allSucceeded").getAsBoolean();
    int xmx = b.get("xmxMb").getAsInt();
    String verdict = completed && all && xmx <= BATCH_HEAP_TARGET_MB ? "met" : "**missed**";
    figures.put("scale.batch.verdict", verdict);
    md.append("### A batch of ")
        .append(b.get("lines").getAsInt())
        .append(" lines, heap capped at ")
        .append(xmx)
        .append(" MB\n\n")
        .append(
            "`Batches.of(client).run` on a JSON Lines file read by `BatchFile.read`, every line with"
                + " the same small local reference image (inlined as a data URI when its create is"
                + " sent), against the sandbox (20 ms queue, 200 ms processing, 64 px results),"
                + " polls every 100 ms, results saved to disk. The batch runs in a JVM of its own"
                + " with `-Xmx")
        .append(xmx)
        .append(
            "m -XX:+UseSerialGC`; the sandbox runs outside that heap. Peak live = the most heap in"
                + " use right after any collection (the collector's notifications); peak sampled ="
                + " the most used heap read every 10 ms (garbage included). **Baseline: none**, an"
                + " absolute bound: what the heap needs must follow the concurrency, not the number"
                + " of lines. Load average ")
        .append(b.get("loadBefore").getAsString())
        .append(" before, ")
        .append(b.get("loadAfter").getAsString())
        .append(" after.\n\n");
    if (!completed) {
      md.append("**The batch did not complete within -Xmx")
          .append(xmx)
          .append("m** (exit ")
          .append(b.get("childExit").getAsInt())
          .append(").\n\n");
      return;
    }
    md.append(
            "| lines | concurrency | image | succeeded | time | lines/s | CPU: batch JVM + sandbox | peak live after GC | peak sampled | collections | target |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
        .append("| ")
        .append(b.get("lines").getAsInt())
        .append(" | ")
        .append(b.get("concurrency").getAsInt())
        .append(" | ")
        .append(b.get("imageBytes").getAsLong() / 1000)
        .append(" KB | ")
        .append(b.get("succeeded").getAsInt())
        .append(" | ")
        .append(String.format(Locale.ROOT, "%.1f s", b.get("seconds").getAsDouble()))
        .append(" | ")
        .append(String.format(Locale.ROOT, "%.0f", b.get("linesPerSecond").getAsDouble()))
        .append(" | ")
        .append(
            b.has("batchCpuSeconds") && b.has("sandboxCpuSeconds")
                ? String.format(
                    Locale.ROOT,
                    "%.0f s + %.0f s",
                    b.get("batchCpuSeconds").getAsDouble(),
                    b.get("sandboxCpuSeconds").getAsDouble())
                : "–")
        .append(" | ")
        .append(String.format(Locale.ROOT, "%.0f MB", b.get("peakLiveAfterGcMb").getAsDouble()))
        .append(" | ")
        .append(String.format(Locale.ROOT, "%.0f MB", b.get("peakSampledUsedMb").getAsDouble()))
        .append(" | ")
        .append(b.get("gcCount").getAsLong())
        .append(" | completes in ≤ ")
        .append((int) BATCH_HEAP_TARGET_MB)
        .append(" MB: ")
        .append(verdict)
        .append(" |\n\n");
  }

  private static void shared(StringBuilder md, JsonObject s, Map<String, String> figures) {
    JsonObject ours = s.getAsJsonObject("ours");
    JsonObject raw = s.getAsJsonObject("raw");
    figures.put("scale.sharedClient.throughputRatio", ratio(s.get("throughputRatio")));
    figures.put("scale.sharedClient.p99Ratio", ratio(s.get("p99Ratio")));
    md.append("### ")
        .append(s.get("threads").getAsInt())
        .append(" threads sharing one client\n\n")
        .append("Each thread calls `tasks().get` in a loop against the loopback server. ")
        .append(
            "**Baseline: the same number of threads sharing one raw `OkHttpClient` + plain Gson**"
                + " (same URL and headers, the answer read into the same generated model, the"
                + " client's timeouts, call timeout 2 min included). The sides alternate in ")
        .append(s.get("rounds").getAsInt())
        .append(" rounds of ")
        .append(s.get("roundMillis").getAsLong())
        .append(" ms each (order swapped each round), after a warm-up. Load average ")
        .append(s.get("loadBefore").getAsString())
        .append(" before, ")
        .append(s.get("loadAfter").getAsString())
        .append(" after.\n\n")
        .append("| side | calls | calls/s | p50 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n");
    for (String side : new String[] {"ours", "raw"}) {
      JsonObject o = side.equals("ours") ? ours : raw;
      md.append("| ")
          .append(side)
          .append(" | ")
          .append(o.get("calls").getAsLong())
          .append(" | ")
          .append(String.format(Locale.ROOT, "%,.0f", o.get("callsPerSecond").getAsDouble()))
          .append(" | ")
          .append(o.get("p50Micros").getAsLong())
          .append(" µs | ")
          .append(o.get("p99Micros").getAsLong())
          .append(" µs | ")
          .append(o.get("maxMicros").getAsLong())
          .append(" µs |\n");
    }
    md.append("\nThroughput ours ÷ raw: ")
        .append(ratio(s.get("throughputRatio")))
        .append("; p99 ours ÷ raw: ")
        .append(ratio(s.get("p99Ratio")))
        .append(" (no target in the issue; 1.00× is parity).\n\n");
  }

  private static String ratio(JsonElement e) {
    return String.format(Locale.ROOT, "%.2f×", e.getAsDouble());
  }

  private static String text(JsonElement e) {
    if (e.getAsJsonPrimitive().isNumber()) {
      double d = e.getAsDouble();
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? String.valueOf((long) d)
          : String.format(Locale.ROOT, "%.2f", d);
    }
    return e.getAsString();
  }
}
