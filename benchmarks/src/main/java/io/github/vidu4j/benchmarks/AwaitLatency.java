package io.github.vidu4j.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code tasks().await} with its default schedule against a hand-written 1 s poll loop, on the
 * sandbox, for tasks of 3 s, 30 s and 2 min (real time: the sandbox's lifecycle runs on the wall
 * clock). All six waits run at once, so the whole run takes as long as the longest task. For each:
 * the polls made and how long after the task ended its success was seen.
 *
 * <p>Usage: {@code AwaitLatency <out.json> [seconds...]}.
 */
public final class AwaitLatency {
  private static final Duration QUEUE = Duration.ofMillis(100);

  private AwaitLatency() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "await.json");
    List<Integer> seconds = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      seconds.add(Integer.parseInt(args[i]));
    }
    if (seconds.isEmpty()) {
      seconds = List.of(3, 30, 120);
    }
    Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    List<ViduSandbox> sandboxes = new ArrayList<>();
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      Map<String, Future<Map<String, Object>>> runs = new LinkedHashMap<>();
      for (int s : seconds) {
        ViduSandbox sandbox =
            ViduSandbox.start(
                SandboxOptions.builder()
                    .queueDelay(QUEUE)
                    .processingTime(Duration.ofSeconds(s))
                    .build());
        sandboxes.add(sandbox);
        Duration taskTime = QUEUE.plus(Duration.ofSeconds(s));
        runs.put("ours " + s + "s", pool.submit(() -> ours(sandbox, taskTime)));
        runs.put("raw " + s + "s", pool.submit(() -> raw(sandbox, taskTime)));
      }
      for (Map.Entry<String, Future<Map<String, Object>>> run : runs.entrySet()) {
        results.put(run.getKey(), run.getValue().get());
        System.out.println(run.getKey() + " " + results.get(run.getKey()));
      }
    } finally {
      sandboxes.forEach(ViduSandbox::close);
      pool.shutdownNow();
    }
    Files.writeString(out, new GsonBuilder().setPrettyPrinting().create().toJson(results));
  }

  private static Map<String, Object> ours(ViduSandbox sandbox, Duration taskTime) throws Exception {
    try (PollCounter counting = new PollCounter();
        ViduClient client = sandbox.clientBuilder().httpClient(counting.http()).build()) {
      ReferenceToImageTask task =
          client.images().create(HttpBenchmark.createRequest().images(null).callbackUrl(null));
      long created = System.nanoTime();
      TaskCreations done =
          client
              .tasks()
              .await(
                  task.getTaskId(), AwaitOptions.defaults().withTimeout(taskTime.multipliedBy(3)));
      return row(done.getState(), counting.polls(), System.nanoTime() - created, taskTime);
    }
  }

  /** The loop anyone writes first: GET every second until the task ends. */
  private static Map<String, Object> raw(ViduSandbox sandbox, Duration taskTime) throws Exception {
    Gson gson = Fixtures.plainGson();
    OkHttpClient http = new OkHttpClient();
    try (ViduClient creator = sandbox.newClient()) {
      String id =
          creator
              .images()
              .create(HttpBenchmark.createRequest().images(null).callbackUrl(null))
              .getTaskId();
      long created = System.nanoTime();
      int polls = 0;
      while (true) {
        polls++;
        TaskCreations task =
            get(
                http,
                gson,
                sandbox.baseUrl() + "ent/v2/tasks/" + id + "/creations",
                sandbox.demoKey());
        if (TaskState.SUCCESS.equals(task.getState()) || TaskState.FAILED.equals(task.getState())) {
          return row(task.getState(), polls, System.nanoTime() - created, taskTime);
        }
        Thread.sleep(1000);
      }
    } finally {
      http.connectionPool().evictAll();
      http.dispatcher().executorService().shutdown();
    }
  }

  private static TaskCreations get(OkHttpClient http, Gson gson, String url, String key)
      throws IOException {
    Request request =
        new Request.Builder().url(url).header("Authorization", "Token " + key).build();
    try (Response response = http.newCall(request).execute();
        Reader reader = response.body().charStream()) {
      return gson.fromJson(reader, TaskCreations.class);
    }
  }

  private static Map<String, Object> row(
      TaskState state, int polls, long elapsedNanos, Duration taskTime) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("state", String.valueOf(state));
    row.put("polls", polls);
    row.put("taskMillis", taskTime.toMillis());
    // As measured: negative when a poll saw success before the task's nominal end (the clock starts
    // at the create's answer, a little after the sandbox's own start). Clipping it at 0 hid that.
    row.put("seenAfterEndMillis", elapsedNanos / 1_000_000 - taskTime.toMillis());
    return row;
  }
}
