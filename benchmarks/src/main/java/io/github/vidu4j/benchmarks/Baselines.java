package io.github.vidu4j.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each row's raw side does, one sentence per pair, printed under the report's table. Whoever
 * changes a raw method changes its sentence here; a pair without one is printed as undescribed.
 */
final class Baselines {
  private static final String HTTP_RAW =
      "one shared `OkHttpClient` with the client's timeouts (connect 10 s, read and write 60 s,"
          + " **call timeout 2 min, as the client sets**), the same URL and `Authorization` header,"
          + " the answer read from the body's stream into the same generated model by plain Gson"
          + " (with an `OffsetDateTime` adapter); no retries, no validation";

  private static final Map<String, String> RAW = new LinkedHashMap<>();

  static {
    RAW.put(
        "VerifyBenchmark.Verify",
        "the checks by hand: algorithm and access key, `Date` parsed with the JDK's RFC 1123"
            + " parser and its window, HMAC-SHA256 with a cached `Mac`, Base64, constant-time"
            + " compare, nonce in a `ConcurrentHashMap`, body read by plain Gson; headers looked up"
            + " case-insensitively and the signed-headers list checked, as the verifier does");
    RAW.put(
        "VerifyBenchmark.VerifyNoReplayMemory",
        "the same checks by hand, no nonce memory on either side");
    RAW.put(
        "VerifyRedisBenchmark.VerifyWithRedis",
        "the same checks by hand, the nonce recorded with one Jedis `SET NX PX` on the same local"
            + " Redis");
    RAW.put(
        "ParseBenchmark.ParseTask",
        "plain Gson (`OffsetDateTime` adapter) into the same generated model; unknown fields"
            + " dropped where ours keeps them");
    RAW.put("ParseBenchmark.ParseList", "as ParseTask, for a 10-task page");
    RAW.put("HttpBenchmark.Get", HTTP_RAW);
    RAW.put(
        "HttpBenchmark.Create",
        "as HttpBenchmark.Get (same client, same timeouts), the request serialised by plain Gson"
            + " and posted as bytes");
    RAW.put("HttpBenchmark.List", "as HttpBenchmark.Get, for the 10-task page");
    RAW.put(
        "HttpBenchmark.ListPlainClasses",
        "as HttpBenchmark.List, read into plain classes whose dates stay strings (ours: the same"
            + " call as List, so the gap between the two rows is the generated model's share)");
    RAW.put(
        "ListenerBenchmark.Get",
        "the same `ViduClient` call without a listener (ours: a listener that does nothing)");
    RAW.put(
        "ListenerBenchmark.GetLoggedOff",
        "the same `ViduClient` call without a listener (ours: `logEvents` to a logger whose"
            + " level drops every line)");
    RAW.put(
        "ClientBuildBenchmark.BuildAndClose",
        "an `OkHttpClient` with the same timeouts and an auth interceptor, a Retrofit with a Gson"
            + " converter and the three generated service interfaces, then the pool evicted");
    RAW.put(
        "DataUriBenchmark.DataUriRequest",
        "the naive way: `Files.readAllBytes`, `Base64`, `Gson.toJson` into a `String`, its bytes"
            + " POSTed by OkHttp (read/write timeouts 60 s, no call timeout); no validation");
    RAW.put(
        "DataUriBenchmark.StreamedRequest",
        "the same naive request as DataUriRequest (ours streams the file into the body)");
    String sniff =
        "ImageIO's header read (`ImageReader.getWidth/getHeight`, no pixels) on the same ";
    RAW.put("SniffBenchmark.SniffPng", sniff + "file stream");
    RAW.put("SniffBenchmark.SniffJpeg", sniff + "file stream");
    RAW.put("SniffBenchmark.SniffPngBytes", sniff + "bytes in memory");
    RAW.put("SniffBenchmark.SniffJpegBytes", sniff + "bytes in memory");
    RAW.put(
        "SniffBenchmark.SniffWebp",
        "the 30 header bytes read and the VP8X size decoded by hand (ImageIO reads no WebP)");
  }

  private Baselines() {}

  /** The raw side of {@code pair} ({@code Class.Pair}), or a note that none is written down. */
  static String of(String pair) {
    return RAW.getOrDefault(pair, "(not described: add it to `Baselines`)");
  }
}
