package io.github.vidu4j.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Requests sent to a sandbox over plain HTTP, past the client's validation. */
final class DirectHttp {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final OkHttpClient HTTP = new OkHttpClient();

  /** The status and the body's text; {@link #body()} parses it. */
  record Answer(int status, String text) {
    JsonObject body() {
      return JsonParser.parseString(text).getAsJsonObject();
    }
  }

  private DirectHttp() {}

  /** {@code json} posted to {@code /ent/v2/<operation>} with the sandbox's demo key. */
  static Answer post(ViduSandbox sandbox, String operation, String json) throws IOException {
    Request request =
        new Request.Builder()
            .url(sandbox.baseUrl() + "ent/v2/" + operation)
            .header("Authorization", "Token " + sandbox.demoKey())
            .post(RequestBody.create(json, JSON))
            .build();
    try (Response response = HTTP.newCall(request).execute()) {
      return new Answer(response.code(), response.body().string());
    }
  }
}
