package io.github.vidu4j.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The report's peak-heap and await sections (their figures also go into the notes' placeholders).
 */
final class PeakAndAwaitReport {
  /** Target of the streamed request's peak extra heap, as a share of the body. */
  private static final double STREAMED_PEAK_TARGET = 0.25;

  private PeakAndAwaitReport() {}

  static void peakHeap(Path peak, StringBuilder md, Map<String, String> figures)
      throws IOException {
    if (Files.exists(peak)) {
      JsonObject p = JsonParser.parseString(Files.readString(peak)).getAsJsonObject();
      md.append("\n## Data URI request: peak heap\n\n")
          .append("Smallest `-Xmx` (serial GC, 2 MB steps) with which a fresh JVM reads the ")
          .append(p.get("fileBytes").getAsInt())
          .append("-byte PNG and sends its ~")
          .append(p.get("bodyBytesApprox").getAsLong() / 1_000_000)
          .append(" MB request, minus the same for a JVM that")
          .append(" sets up and sends nothing (")
          .append(p.get("idleXmxMb").getAsInt())
          .append(" MB).\n\n")
          .append(
              "| | -Xmx needed | extra heap | extra ÷ body | target |\n|---|---:|---:|---:|---|\n");
      for (String mode : new String[] {"ours", "streamed", "raw"}) {
        if (!p.has(mode)) {
          continue;
        }
        JsonObject row = p.getAsJsonObject(mode);
        double over = row.get("extraOverBody").getAsDouble();
        figures.put("peak." + mode, fmt(over) + "×");
        figures.put("peakMb." + mode, row.get("extraMb").getAsInt() + " MB");
        md.append("| ")
            .append(mode)
            .append(" | ")
            .append(row.get("xmxMb").getAsInt())
            .append(" MB | ")
            .append(row.get("extraMb").getAsInt())
            .append(" MB | ")
            .append(fmt(over))
            .append("× | ")
            .append(
                mode.equals("streamed")
                    ? "≤ "
                        + STREAMED_PEAK_TARGET
                        + "×: "
                        + (over <= STREAMED_PEAK_TARGET ? "met" : "**missed**")
                    : mode.equals("ours")
                        ? "– (`value()` builds the data URI by contract)"
                        : "– (the naive way)")
            .append(" |\n");
      }
    }
  }

  static void await(Path await, StringBuilder md, Map<String, String> figures) throws IOException {
    if (Files.exists(await)) {
      JsonObject a = JsonParser.parseString(Files.readString(await)).getAsJsonObject();
      md.append("\n## Await on the sandbox: polls and lateness\n\n")
          .append(
              "`tasks().await(id, AwaitOptions.defaults())`; **baseline: a hand-written loop polling every 1 s** (OkHttp + Gson), both on the sandbox, the tasks'\n")
          .append(
              "own time on the wall clock. Late = from the task's end (create + queue + processing) to the success being seen, as measured (negative: seen before the nominal end).\n\n")
          .append(
              "| Task | ours: polls | ours: late | raw 1 s loop: polls | raw: late | within 1 s, no more polls |\n|---|---:|---:|---:|---:|---|\n");
      for (String k : a.keySet()) {
        if (!k.startsWith("ours ")) {
          continue;
        }
        String t = k.substring(5);
        JsonObject o = a.getAsJsonObject(k);
        JsonObject r = a.has("raw " + t) ? a.getAsJsonObject("raw " + t) : null;
        boolean met =
            o.get("seenAfterEndMillis").getAsLong() <= 1000
                && (r == null || o.get("polls").getAsInt() <= r.get("polls").getAsInt());
        figures.put("await." + t + ".polls", String.valueOf(o.get("polls").getAsInt()));
        figures.put("await." + t + ".late", o.get("seenAfterEndMillis").getAsLong() + " ms");
        if (r != null) {
          figures.put("await." + t + ".rawPolls", String.valueOf(r.get("polls").getAsInt()));
          figures.put("await." + t + ".rawLate", r.get("seenAfterEndMillis").getAsLong() + " ms");
        }
        md.append("| ")
            .append(t)
            .append(" | ")
            .append(o.get("polls").getAsInt())
            .append(" | ")
            .append(o.get("seenAfterEndMillis").getAsLong())
            .append(" ms | ")
            .append(r != null ? r.get("polls").getAsInt() : "–")
            .append(" | ")
            .append(r != null ? r.get("seenAfterEndMillis").getAsLong() + " ms" : "–")
            .append(" | ")
            .append(met ? "met" : "**missed**")
            .append(" |\n");
      }
    }
  }

  private static String fmt(double ratio) {
    return Report.fmt(ratio);
  }
}
