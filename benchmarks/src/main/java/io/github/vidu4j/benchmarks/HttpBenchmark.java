package io.github.vidu4j.benchmarks;

import com.google.gson.Gson;
import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskList;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Request overhead over loopback: {@code tasks().get}, {@code images().create} (validation
 * included) and {@code tasks().list} against a bare OkHttp call of the same JSON with the same
 * headers, its answer read into the same model with plain Gson (its only adapter {@code
 * OffsetDateTime.parse}). {@code ListPlainClasses}: the list against plain classes with string
 * dates ({@link PlainTasks}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HttpBenchmark {
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
  private static final String TASK_ID = "842157349120733184";

  private LoopbackServer server;
  private ViduClient client;
  private OkHttpClient http;
  private final Gson gson = Fixtures.plainGson();
  private String base;

  static ReferenceToImageRequest createRequest() {
    return new ReferenceToImageRequest()
        .model("viduq2")
        .prompt("a red fox in the snow, golden hour, shallow depth of field")
        .images(
            List.of(
                "https://cdn.example.com/in/fox.jpg",
                "https://cdn.example.com/in/snow_field-2.webp"))
        .aspectRatio("16:9")
        .resolution("2K")
        .payload("order-7731")
        .callbackUrl("https://receiver.example.com/vidu/callback?tenant=42");
  }

  @Setup
  public void setUp() throws IOException {
    server = new LoopbackServer();
    base = server.baseUrl();
    client = ViduClient.builder().apiKey(Fixtures.API_KEY).baseUrl(base).build();
    http = Fixtures.plainOkHttp();
  }

  @TearDown
  public void tearDown() {
    client.close();
    http.connectionPool().evictAll();
    server.close();
  }

  @Benchmark
  public TaskCreations oursGet() {
    return client.tasks().get(TASK_ID);
  }

  @Benchmark
  public TaskCreations rawGet() throws IOException {
    return call(
        new Request.Builder().url(base + "ent/v2/tasks/" + TASK_ID + "/creations"),
        TaskCreations.class);
  }

  @Benchmark
  public ReferenceToImageTask oursCreate() {
    return client.images().create(createRequest());
  }

  @Benchmark
  public ReferenceToImageTask rawCreate() throws IOException {
    byte[] body = gson.toJson(createRequest()).getBytes(StandardCharsets.UTF_8);
    return call(
        new Request.Builder()
            .url(base + "ent/v2/reference2image")
            .post(RequestBody.create(body, JSON)),
        ReferenceToImageTask.class);
  }

  @Benchmark
  public TaskList oursList() {
    return client.tasks().list(TaskQuery.all().pageSize(10));
  }

  @Benchmark
  public TaskList rawList() throws IOException {
    return call(new Request.Builder().url(base + "ent/v2/tasks?pager.pagesz=10"), TaskList.class);
  }

  /**
   * The same list call as {@link #oursList}, paired with {@link #rawListPlainClasses}: the
   * difference between the two list rows is the generated model's share.
   */
  @Benchmark
  public TaskList oursListPlainClasses() {
    return client.tasks().list(TaskQuery.all().pageSize(10));
  }

  /** The list read into plain classes, {@code created_at} kept as a string: {@link PlainTasks}. */
  @Benchmark
  public PlainTasks.Page rawListPlainClasses() throws IOException {
    return call(
        new Request.Builder().url(base + "ent/v2/tasks?pager.pagesz=10"), PlainTasks.Page.class);
  }

  private <T> T call(Request.Builder request, Class<T> type) throws IOException {
    request.header("Authorization", "Token " + Fixtures.API_KEY).header("User-Agent", "raw/1.0");
    try (Response response = http.newCall(request.build()).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      try (Reader reader = response.body().charStream()) {
        return gson.fromJson(reader, type);
      }
    }
  }
}
