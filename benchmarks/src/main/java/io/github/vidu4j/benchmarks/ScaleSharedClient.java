package io.github.vidu4j.benchmarks;

import com.google.gson.Gson;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.TaskCreations;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Scale row: many threads sharing one {@code ViduClient}, each calling {@code tasks().get} in a
 * loop against the loopback server, against the same number of threads sharing one raw {@code
 * OkHttpClient} + plain Gson (same URL and headers, the answer read into the same generated model;
 * the raw client sets the client's timeouts, call timeout of 2 min included, like {@link
 * HttpBenchmark}). The two alternate in rounds of equal length (order swapped each round) so both
 * see the same load. Per side: calls per second over all rounds, and the p50/p99 of single calls.
 */
final class ScaleSharedClient {
  private static final String TASK_ID = "842157349120733184";

  private ScaleSharedClient() {}

  /** One side's loop: a call, timed by the caller. */
  private interface Call {
    Object run() throws Exception;
  }

  static Map<String, Object> run(int threads, Duration roundTime, int rounds) throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      String base = server.baseUrl();
      ViduClient client = ViduClient.builder().apiKey(Fixtures.API_KEY).baseUrl(base).build();
      OkHttpClient http = Fixtures.plainOkHttp();
      Gson gson = Fixtures.plainGson();
      Request request =
          new Request.Builder()
              .url(base + "ent/v2/tasks/" + TASK_ID + "/creations")
              .header("Authorization", "Token " + Fixtures.API_KEY)
              .header("User-Agent", "raw/1.0")
              .build();
      Call ours = () -> client.tasks().get(TASK_ID);
      Call raw = () -> rawGet(http, gson, request);
      try {
        // Warm-up: a short round each, not counted.
        side(ours, threads, roundTime.dividedBy(2));
        side(raw, threads, roundTime.dividedBy(2));
        List<long[]> oursLatencies = new ArrayList<>();
        List<long[]> rawLatencies = new ArrayList<>();
        long oursNanos = 0;
        long rawNanos = 0;
        for (int r = 0; r < rounds; r++) {
          boolean oursFirst = r % 2 == 0;
          for (int s = 0; s < 2; s++) {
            boolean isOurs = (s == 0) == oursFirst;
            long start = System.nanoTime();
            List<long[]> latencies = side(isOurs ? ours : raw, threads, roundTime);
            long took = System.nanoTime() - start;
            if (isOurs) {
              oursLatencies.addAll(latencies);
              oursNanos += took;
            } else {
              rawLatencies.addAll(latencies);
              rawNanos += took;
            }
          }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("threads", threads);
        row.put("rounds", rounds);
        row.put("roundMillis", roundTime.toMillis());
        Map<String, Object> o = summary(oursLatencies, oursNanos);
        Map<String, Object> w = summary(rawLatencies, rawNanos);
        row.put("ours", o);
        row.put("raw", w);
        row.put(
            "throughputRatio", (double) o.get("callsPerSecond") / (double) w.get("callsPerSecond"));
        row.put("p99Ratio", (double) (long) o.get("p99Micros") / (long) w.get("p99Micros"));
        return row;
      } finally {
        client.close();
        http.connectionPool().evictAll();
        http.dispatcher().executorService().shutdown();
      }
    }
  }

  private static TaskCreations rawGet(OkHttpClient http, Gson gson, Request request)
      throws IOException {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      try (Reader reader = response.body().charStream()) {
        return gson.fromJson(reader, TaskCreations.class);
      }
    }
  }

  /** {@code threads} threads calling for {@code time}; each thread's call latencies in ns. */
  private static List<long[]> side(Call call, int threads, Duration time) throws Exception {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    AtomicReference<Exception> failure = new AtomicReference<>();
    long[][] results = new long[threads][];
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread thread =
          new Thread(
              () -> {
                long[] latencies = new long[1024];
                int n = 0;
                ready.countDown();
                try {
                  go.await();
                  long end = System.nanoTime() + time.toNanos();
                  long now;
                  do {
                    long start = System.nanoTime();
                    if (call.run() == null) {
                      throw new IllegalStateException("a call returned null");
                    }
                    now = System.nanoTime();
                    if (n == latencies.length) {
                      latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = now - start;
                  } while (now < end);
                } catch (Exception e) {
                  failure.compareAndSet(null, e);
                }
                // Read after join(), which orders this write before the read.
                results[index] = Arrays.copyOf(latencies, n);
              },
              "shared-client-" + t);
      running.add(thread);
      thread.start();
    }
    ready.await();
    go.countDown();
    for (Thread thread : running) {
      thread.join();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return List.of(results);
  }

  private static Map<String, Object> summary(List<long[]> latencies, long wallNanos) {
    int total = latencies.stream().mapToInt(a -> a.length).sum();
    long[] all = new long[total];
    int at = 0;
    for (long[] a : latencies) {
      System.arraycopy(a, 0, all, at, a.length);
      at += a.length;
    }
    for (int i = 0; i < all.length; i++) {
      all[i] /= 1000;
    }
    Percentiles p = new Percentiles(all);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("calls", total);
    s.put("callsPerSecond", total / (wallNanos / 1e9));
    s.put("p50Micros", p.at(50));
    s.put("p99Micros", p.at(99));
    s.put("maxMicros", p.max());
    return s;
  }
}
