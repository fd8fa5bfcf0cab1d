package io.github.vidu4j.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code RESULTS.md} from one run's files: JMH's JSON (with {@code -prof gc}), the
 * interleaved ratios, the await run, the peak-heap run, the environment lines the script recorded,
 * then the hand-written notes (before/after figures, profiles, targets).
 *
 * <p>Usage: {@code Report <dir with jmh.json, interleaved.json, await.json, peak-heap.json, env.md>
 * <notes.md> <RESULTS.md>}.
 */
public final class Report {
  /** Target ratio (ours ÷ raw) per pair, from the issue. */
  private static final Map<String, Double> TARGETS = new LinkedHashMap<>();

  static {
    TARGETS.put("VerifyBenchmark.Verify", 1.5);
    TARGETS.put("VerifyBenchmark.VerifyNoReplayMemory", 1.5);
    TARGETS.put("ParseBenchmark.ParseTask", 1.3);
    TARGETS.put("ParseBenchmark.ParseList", 1.3);
    TARGETS.put("HttpBenchmark.Get", 1.05);
    TARGETS.put("HttpBenchmark.Create", 1.1);
    TARGETS.put("HttpBenchmark.List", 1.05);
    TARGETS.put("ListenerBenchmark.Get", 1.05);
    TARGETS.put("ClientBuildBenchmark.BuildAndClose", 1.2);
  }

  private Report() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path notes = Path.of(args[1]);
    Path out = Path.of(args[2]);
    StringBuilder md = new StringBuilder();
    md.append("# vidu4j benchmark results\n\n");
    md.append(
        "Written by `benchmarks/run.sh` from one run; do not edit above the notes (they come from `benchmarks/NOTES.md`).\n\n");
    md.append(read(dir.resolve("env.md")));
    Map<String, JsonObject> jmh = new LinkedHashMap<>();
    Path jmhFile = dir.resolve("jmh.json");
    if (Files.exists(jmhFile)) {
      for (JsonElement e : JsonParser.parseString(Files.readString(jmhFile)).getAsJsonArray()) {
        JsonObject o = e.getAsJsonObject();
        String name = o.get("benchmark").getAsString();
        jmh.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), o);
      }
    }
    JsonObject interleaved =
        Files.exists(dir.resolve("interleaved.json"))
            ? JsonParser.parseString(Files.readString(dir.resolve("interleaved.json")))
                .getAsJsonObject()
            : new JsonObject();

    md.append("\n## Ours against raw, same run\n\n");
    md.append(
            "JMH: one fork, average time per call, ± the 99.9% error; alloc = `gc.alloc.rate.norm` from `-prof gc` (all threads, so the loopback\n")
        .append(
            "server's share is in both columns). Interleaved: ours and raw alternated in one JVM, median of the per-round ratios (min–max).\n")
        .append(
            "Ratio = ours ÷ raw; the verdict uses the interleaved ratio, the steadier of the two on a loaded machine.\n\n");
    md.append(
        "| Row | ours (JMH) | raw (JMH) | ratio (JMH) | alloc ours | alloc raw | ours (interleaved) | raw (interleaved) | ratio (interleaved) | target | |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Map.Entry<String, JsonElement> entry : interleavedPairs(jmh, interleaved).entrySet()) {
      String key = entry.getKey();
      String cls = key.substring(0, key.indexOf('.'));
      String pair = key.substring(key.indexOf('.') + 1);
      JsonObject ours = jmh.get(cls + ".ours" + pair);
      JsonObject raw = jmh.get(cls + ".raw" + pair);
      JsonObject il = interleaved.has(key) ? interleaved.getAsJsonObject(key) : null;
      Double target = TARGETS.get(key);
      String verdict = "";
      if (target != null && il != null) {
        verdict = il.get("ratio").getAsDouble() <= target ? "met" : "**missed**";
      }
      md.append("| ")
          .append(key)
          .append(" | ")
          .append(score(ours))
          .append(" | ")
          .append(score(raw))
          .append(" | ")
          .append(ours != null && raw != null ? fmt(primary(ours) / primary(raw)) + "×" : "–")
          .append(" | ")
          .append(alloc(ours))
          .append(" | ")
          .append(alloc(raw))
          .append(" | ")
          .append(il != null ? time(il.get("oursNs").getAsDouble()) : "–")
          .append(" | ")
          .append(il != null ? time(il.get("rawNs").getAsDouble()) : "–")
          .append(" | ")
          .append(
              il != null
                  ? fmt(il.get("ratio").getAsDouble())
                      + "× ("
                      + fmt(il.get("ratioMin").getAsDouble())
                      + "–"
                      + fmt(il.get("ratioMax").getAsDouble())
                      + ")"
                  : "–")
          .append(" | ")
          .append(target != null ? "≤ " + target + "×" : "–")
          .append(" | ")
          .append(verdict)
          .append(" |\n");
    }
    JsonObject png = jmh.get("SniffBenchmark.oursSniffPng");
    JsonObject jpeg = jmh.get("SniffBenchmark.oursSniffJpeg");
    if (png != null && jpeg != null) {
      double r = primary(jpeg) / primary(png);
      md.append("\nHeader check, JPEG ÷ PNG (ours, JMH), on a file stream: ")
          .append(fmt(r))
          .append("× (target ≤ 2×: ")
          .append(r <= 2 ? "met" : "**missed**")
          .append(").\n");
    }
    JsonObject pngBytes = jmh.get("SniffBenchmark.oursSniffPngBytes");
    JsonObject jpegBytes = jmh.get("SniffBenchmark.oursSniffJpegBytes");
    if (pngBytes != null && jpegBytes != null) {
      double r = primary(jpegBytes) / primary(pngBytes);
      md.append(
              "\nHeader check, JPEG ÷ PNG (ours, JMH), in memory (what `ImageInput.fromFile` does now): ")
          .append(fmt(r))
          .append("× (target ≤ 2×: ")
          .append(r <= 2 ? "met" : "**missed**")
          .append(").\n");
    }
    JsonObject verify = jmh.get("VerifyBenchmark.oursVerify");
    if (verify != null) {
      double perSecond = 1e6 / primary(verify);
      md.append("\nVerifications per second per thread, default in-memory nonce store (JMH): ")
          .append(String.format(Locale.ROOT, "%,.0f", perSecond))
          .append(" (target ≥ 100,000: ")
          .append(perSecond >= 100_000 ? "met" : "**missed**")
          .append(").\n");
    }
    JsonObject verifyRedis = jmh.get("VerifyRedisBenchmark.oursVerifyWithRedis");
    if (verify != null && verifyRedis != null) {
      md.append("\nVerify with the nonce in a local Redis ÷ with the in-memory store (ours, JMH): ")
          .append(fmt(primary(verifyRedis) / primary(verify)))
          .append("× (")
          .append(score(verifyRedis))
          .append(" vs ")
          .append(score(verify))
          .append("; no target: the price of one loopback round trip).\n");
    }

    Path peak = dir.resolve("peak-heap.json");
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
      for (String mode : new String[] {"ours", "raw"}) {
        JsonObject row = p.getAsJsonObject(mode);
        double over = row.get("extraOverBody").getAsDouble();
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
                mode.equals("ours")
                    ? "≤ 2× (aim 1.5×): " + (over <= 2 ? "met" : "**missed**")
                    : "–")
            .append(" |\n");
      }
    }

    Path await = dir.resolve("await.json");
    if (Files.exists(await)) {
      JsonObject a = JsonParser.parseString(Files.readString(await)).getAsJsonObject();
      md.append("\n## Await on the sandbox: polls and lateness\n\n")
          .append(
              "`tasks().await(id, AwaitOptions.defaults())` against a hand-written loop polling every 1 s, both on the sandbox, the tasks'\n")
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
    md.append("\n").append(Files.exists(notes) ? Files.readString(notes) : "");
    Files.writeString(out, md.toString());
  }

  /** Every pair key seen in either source, in JMH order. */
  private static Map<String, JsonElement> interleavedPairs(
      Map<String, JsonObject> jmh, JsonObject interleaved) {
    Map<String, JsonElement> keys = new LinkedHashMap<>();
    for (String name : jmh.keySet()) {
      String cls = name.substring(0, name.indexOf('.'));
      String method = name.substring(name.indexOf('.') + 1);
      String pair =
          method.startsWith("ours")
              ? method.substring(4)
              : method.startsWith("raw") ? method.substring(3) : method;
      keys.put(cls + "." + pair, new JsonArray());
    }
    for (String key : interleaved.keySet()) {
      keys.putIfAbsent(key, new JsonArray());
    }
    return keys;
  }

  private static double primary(JsonObject o) {
    double score = o.getAsJsonObject("primaryMetric").get("score").getAsDouble();
    String unit = o.getAsJsonObject("primaryMetric").get("scoreUnit").getAsString();
    return unit.startsWith("ms")
        ? score * 1000
        : unit.startsWith("ns") ? score / 1000 : score; // µs
  }

  private static String score(JsonObject o) {
    if (o == null) {
      return "–";
    }
    JsonObject p = o.getAsJsonObject("primaryMetric");
    double factor = primary(o) / p.get("score").getAsDouble();
    return time(primary(o) * 1000)
        + " ± "
        + time(p.get("scoreError").getAsDouble() * factor * 1000);
  }

  private static String alloc(JsonObject o) {
    if (o == null
        || !o.has("secondaryMetrics")
        || !o.getAsJsonObject("secondaryMetrics").has("gc.alloc.rate.norm")) {
      return "–";
    }
    double bytes =
        o.getAsJsonObject("secondaryMetrics")
            .getAsJsonObject("gc.alloc.rate.norm")
            .get("score")
            .getAsDouble();
    return bytes >= 1e6
        ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
        : bytes >= 1e4
            ? String.format(Locale.ROOT, "%.1f KB", bytes / 1e3)
            : String.format(Locale.ROOT, "%.0f B", bytes);
  }

  /** Nanoseconds, shown in the unit that suits them. */
  private static String time(double nanos) {
    if (Double.isNaN(nanos)) {
      return "–";
    }
    if (nanos >= 1e6) {
      return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
    if (nanos >= 1e3) {
      return String.format(Locale.ROOT, "%.2f µs", nanos / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f ns", nanos);
  }

  private static String fmt(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
