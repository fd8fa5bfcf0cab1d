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
 * interleaved ratios, the await run, the peak-heap run, the scale rows, the environment lines the
 * script recorded, then the notes: a template whose {@code {{key}}} placeholders are filled with
 * this run's figures ({@link NotesTemplate}), so the narrative cannot quote another run.
 *
 * <p>Usage: {@code Report <dir with jmh.json, interleaved.json, await.json, peak-heap.json,
 * scale.json, env.md> <notes.md> <RESULTS.md>}.
 */
public final class Report {
  /**
   * Target ratio (ours ÷ raw) per pair: the current issue's where it names one (verify, get, create
   * ≤ 1.05×; list, the data-URI request ≤ 1.1×), the earlier ones otherwise.
   */
  private static final Map<String, Double> TARGETS = new LinkedHashMap<>();

  static {
    TARGETS.put("VerifyBenchmark.Verify", 1.05);
    TARGETS.put("VerifyBenchmark.VerifyNoReplayMemory", 1.05);
    TARGETS.put("ParseBenchmark.ParseTask", 1.3);
    TARGETS.put("ParseBenchmark.ParseList", 1.3);
    TARGETS.put("HttpBenchmark.Get", 1.05);
    TARGETS.put("HttpBenchmark.Create", 1.05);
    TARGETS.put("HttpBenchmark.List", 1.1);
    TARGETS.put("HttpBenchmark.ListPlainClasses", 1.1);
    TARGETS.put("ListenerBenchmark.Get", 1.05);
    TARGETS.put("ClientBuildBenchmark.BuildAndClose", 1.2);
    TARGETS.put("DataUriBenchmark.DataUriRequest", 1.1);
    TARGETS.put("DataUriBenchmark.StreamedRequest", 1.1);
  }

  private Report() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path notes = Path.of(args[1]);
    Path out = Path.of(args[2]);
    StringBuilder md = new StringBuilder();
    md.append("# vidu4j benchmark results\n\n");
    md.append(
            "Written by `benchmarks/run.sh` from one run; every figure below, the notes' included, comes from this run (the notes are\n")
        .append(
            "`benchmarks/NOTES.md` with its placeholders filled in). Do not edit by hand; earlier runs are in `benchmarks/HISTORY.md`.\n\n");
    Map<String, String> figures = new LinkedHashMap<>();
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
      if (il != null) {
        figures.put("ratio." + key, fmt(il.get("ratio").getAsDouble()) + "×");
        figures.put(
            "range." + key,
            fmt(il.get("ratioMin").getAsDouble()) + "–" + fmt(il.get("ratioMax").getAsDouble()));
        figures.put("ours." + key, time(il.get("oursNs").getAsDouble()));
        figures.put("raw." + key, time(il.get("rawNs").getAsDouble()));
        figures.put("verdict." + key, verdict.isEmpty() ? "no target" : verdict);
      }
      if (ours != null && raw != null) {
        figures.put("jmhRatio." + key, fmt(primary(ours) / primary(raw)) + "×");
        figures.put("allocOurs." + key, alloc(ours));
        figures.put("allocRaw." + key, alloc(raw));
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
    md.append("\nWhat each row's raw side does (ours is the vidu4j call the row names):\n\n");
    for (String key : interleavedPairs(jmh, interleaved).keySet()) {
      md.append("- ").append(key).append(": ").append(Baselines.of(key)).append(".\n");
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
      figures.put("verifyPerSecond", String.format(Locale.ROOT, "%,.0f", perSecond));
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

    PeakAndAwaitReport.peakHeap(dir.resolve("peak-heap.json"), md, figures);
    PeakAndAwaitReport.await(dir.resolve("await.json"), md, figures);
    Path scale = dir.resolve("scale.json");
    if (Files.exists(scale)) {
      md.append(
          ScaleReport.section(
              JsonParser.parseString(Files.readString(scale)).getAsJsonObject(), figures));
    }
    if (Files.exists(notes)) {
      md.append("\n").append(NotesTemplate.fill(Files.readString(notes), figures));
    }
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

  static String fmt(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
