package io.github.vidu4j.benchmarks;

import com.google.gson.Gson;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.validation.ImageInput;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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
 * A {@value #FILE_BYTES}-byte PNG sent inline: {@code ImageInput.fromFile} and {@code
 * images().create} (checks and all) against the naive way, {@code Files.readAllBytes}, {@code
 * Base64}, {@code Gson.toJson} and an OkHttp POST of the bytes. The body is about 18.5 MB, near
 * Vidu's 20 MB limit. Peak heap is measured apart, by {@link PeakHeap}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DataUriBenchmark {
  static final int FILE_BYTES = 13_900_000;
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private LoopbackServer server;
  private ViduClient client;
  private OkHttpClient http;
  private final Gson gson = Fixtures.plainGson();
  private Path file;

  @Setup
  public void setUp() throws IOException {
    file =
        TestFiles.largePng(
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "vidu4j-bench")),
            FILE_BYTES);
    server = new LoopbackServer();
    client = ViduClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl()).build();
    http =
        new OkHttpClient.Builder()
            .writeTimeout(Duration.ofSeconds(60))
            .readTimeout(Duration.ofSeconds(60))
            .build();
  }

  @TearDown
  public void tearDown() {
    client.close();
    http.connectionPool().evictAll();
    server.close();
  }

  static ReferenceToImageRequest request(String image) {
    return new ReferenceToImageRequest()
        .model("viduq2")
        .prompt("this fox, in the snow")
        .images(image == null ? null : List.of(image))
        .resolution("2K");
  }

  @Benchmark
  public ReferenceToImageTask oursDataUriRequest() {
    return client.images().create(request(ImageInput.fromFile(file).value()));
  }

  /**
   * The same request with the file passed as an input: streamed from the file into the body as it
   * is sent, never held as a data URI. Its pair is the same naive raw request.
   */
  @Benchmark
  public ReferenceToImageTask oursStreamedRequest() {
    return client.images().create(request(null).images(null), List.of(ImageInput.fromFile(file)));
  }

  @Benchmark
  public ReferenceToImageTask rawStreamedRequest() throws IOException {
    return rawDataUriRequest();
  }

  @Benchmark
  public ReferenceToImageTask rawDataUriRequest() throws IOException {
    String image =
        "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    byte[] body = gson.toJson(request(image)).getBytes(StandardCharsets.UTF_8);
    Request post =
        new Request.Builder()
            .url(server.baseUrl() + "ent/v2/reference2image")
            .header("Authorization", "Token " + Fixtures.API_KEY)
            .post(RequestBody.create(body, JSON))
            .build();
    try (Response response = http.newCall(post).execute();
        Reader reader = response.body().charStream()) {
      return gson.fromJson(reader, ReferenceToImageTask.class);
    }
  }
}
