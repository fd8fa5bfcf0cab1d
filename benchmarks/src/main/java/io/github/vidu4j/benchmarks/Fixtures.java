package io.github.vidu4j.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import okhttp3.OkHttpClient;

/** The JSON and keys every benchmark shares: realistic sizes, one field no release knows yet. */
final class Fixtures {
  static final String API_KEY = "vda_benchmark_key_0123456789abcdef";

  /**
   * A finished task as Vidu sends it (callback body and Get Generation), signed result URLs
   * included.
   */
  static final String TASK_JSON =
      "{\"id\":\"842157349120733184\",\"state\":\"success\",\"err_code\":\"\",\"credits\":8,"
          + "\"payload\":\"order-7731\",\"bgm\":false,\"off_peak\":false,\"creations\":["
          + creation("a1")
          + ","
          + creation("b2")
          + "],\"queue_position\":0}";

  /** What a create answers. */
  static final String CREATED_JSON =
      "{\"task_id\":\"842157349120733184\",\"state\":\"created\",\"model\":\"viduq2\","
          + "\"prompt\":\"a red fox in the snow, golden hour\",\"images\":[\"https://cdn.example.com/in/fox.jpg\"],"
          + "\"seed\":0,\"aspect_ratio\":\"16:9\",\"resolution\":\"2K\",\"callback_url\":\"https://receiver.example.com/vidu\","
          + "\"payload\":\"order-7731\",\"credits\":8,\"created_at\":\"2026-12-01T10:00:00.123456Z\"}";

  /** One page of the task list: ten tasks. */
  static final String LIST_JSON;

  static {
    StringBuilder list = new StringBuilder("{\"next_page_token\":\"eyJwYWdlIjoyfQ\",\"tasks\":[");
    for (int i = 0; i < 10; i++) {
      list.append(i > 0 ? "," : "")
          .append("{\"id\":\"84215734912073318")
          .append(i)
          .append("\",\"key_id\":\"k-1\",\"type\":\"reference2image\",")
          .append(
              "\"template\":\"\",\"model\":\"viduq2\",\"prompt\":\"a red fox in the snow, golden hour\",")
          .append(
              "\"images\":[\"https://cdn.example.com/in/fox.jpg\"],\"duration\":0,\"resolution\":\"2K\",")
          .append("\"aspect_ratio\":\"16:9\",\"state\":\"success\",\"creations\":[")
          .append(creation("c" + i))
          .append("],")
          .append("\"created_at\":\"2026-12-01T10:00:00.123456Z\",\"credits\":8}");
    }
    LIST_JSON = list.append("]}").toString();
  }

  private Fixtures() {}

  private static String creation(String id) {
    String signed =
        "?X-Tos-Algorithm=TOS4-HMAC-SHA256&X-Tos-Credential=AKLTexample%2F20261201%2Fcn-beijing%2Ftos%2Frequest"
            + "&X-Tos-Date=20261201T100000Z&X-Tos-Expires=86400&X-Tos-SignedHeaders=host"
            + "&X-Tos-Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    return "{\"id\":\""
        + id
        + "\",\"url\":\"https://image01.vidu.com/ent/"
        + id
        + ".png"
        + signed
        + "\",\"cover_url\":\"https://image01.vidu.com/ent/"
        + id
        + "_cover.png"
        + signed
        + "\",\"watermarked_url\":\"https://image01.vidu.com/ent/"
        + id
        + "_wm.png"
        + signed
        + "\"}";
  }

  /**
   * What someone without vidu4j would use to call the API: OkHttp with the client's documented
   * default timeouts, nothing else.
   */
  static OkHttpClient plainOkHttp() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(60))
        .writeTimeout(Duration.ofSeconds(60))
        .callTimeout(Duration.ofMinutes(2))
        .build();
  }

  /**
   * What someone without vidu4j would use: Gson with nothing but an {@code OffsetDateTime} adapter
   * (plain Gson cannot reach into java.time on Java 17).
   */
  static Gson plainGson() {
    return new GsonBuilder()
        .disableHtmlEscaping()
        .registerTypeAdapter(
            OffsetDateTime.class,
            new TypeAdapter<OffsetDateTime>() {
              @Override
              public void write(JsonWriter out, OffsetDateTime value) throws IOException {
                out.value(value.toString());
              }

              @Override
              public OffsetDateTime read(JsonReader in) throws IOException {
                return OffsetDateTime.parse(in.nextString());
              }
            }.nullSafe())
        .create();
  }
}
