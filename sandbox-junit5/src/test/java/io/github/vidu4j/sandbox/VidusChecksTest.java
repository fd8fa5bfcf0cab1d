package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Raw HTTP, past the client's own validation: the sandbox answers bad requests as Vidu does. */
class VidusChecksTest {
  @RegisterExtension static final ViduSandboxExtension vidu = ViduSandboxExtension.create();

  private final OkHttpClient http = new OkHttpClient();

  record Answer(int status, JsonObject body) {
    String reason() {
      return body.get("reason").getAsString();
    }
  }

  Answer call(String method, String path, String body, String authorization) throws IOException {
    Request.Builder request = new Request.Builder().url(vidu.baseUrl() + path.substring(1));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    request.method(
        method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")));
    try (Response response = http.newCall(request.build()).execute()) {
      return new Answer(
          response.code(), JsonParser.parseString(response.body().string()).getAsJsonObject());
    }
  }

  Answer create(String json) throws IOException {
    return call("POST", "/ent/v2/reference2image", json, "Token " + vidu.sandbox().demoKey());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not JSON                 | {\"model\":                                                         | BadRequest",
        "an array                 | []                                                                  | BadRequest",
        "unknown field            | {\"model\":\"viduq2\",\"prompt\":\"p\",\"n\":2}                      | FieldUnwanted",
        "no prompt                | {\"model\":\"viduq2\"}                                               | FieldLacking",
        "blank model              | {\"model\":\"\",\"prompt\":\"p\"}                                     | FieldLacking",
        "seed not a number        | {\"model\":\"viduq2\",\"prompt\":\"p\",\"seed\":\"x\"}                | FieldInvalid",
        "viduq1 without images    | {\"model\":\"viduq1\",\"prompt\":\"p\"}                              | FieldItemCountOutOfRange",
        "eight images             | {\"model\":\"viduq2\",\"prompt\":\"p\",\"images\":[\"https://a.example/1.png\",\"https://a.example/2.png\",\"https://a.example/3.png\",\"https://a.example/4.png\",\"https://a.example/5.png\",\"https://a.example/6.png\",\"https://a.example/7.png\",\"https://a.example/8.png\"]} | FieldItemCountOutOfRange",
        "viduq1 at 21:9           | {\"model\":\"viduq1\",\"prompt\":\"p\",\"images\":[\"https://a.example/1.png\"],\"aspect_ratio\":\"21:9\"} | FieldInvalid",
        "2k in lower case         | {\"model\":\"viduq2\",\"prompt\":\"p\",\"resolution\":\"2k\"}         | FieldInvalid",
        "unknown model            | {\"model\":\"viduq9\",\"prompt\":\"p\"}                              | FieldInvalid",
      })
  void badCreateRequestsGetVidusReasonAndNoTask(String what, String json, String reason)
      throws IOException {
    int before = vidu.sandbox().taskCount();
    Answer answer = create(json.strip());
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.reason()).isEqualTo(reason);
    assertThat(answer.body().get("code").getAsInt()).isEqualTo(400);
    assertThat(answer.body().getAsJsonObject("metadata").get("trace_id").getAsString())
        .matches("[0-9a-f]{32}");
    assertThat(vidu.sandbox().taskCount()).isEqualTo(before);
  }

  @Test
  void theMessageNamesTheFieldAndTheRule() throws IOException {
    Answer answer =
        create(
            "{\"model\":\"viduq1\",\"prompt\":\"p\",\"images\":[\"https://a.example/1.png\"],\"resolution\":\"4K\"}");
    assertThat(answer.body().get("message").getAsString())
        .contains("resolution")
        .contains("viduq1 supports 1080p");
  }

  @Test
  void authorizationMustBeTokenWithAnAcceptedKey() throws IOException {
    assertThat(call("GET", "/ent/v2/credits", null, null).reason()).isEqualTo("Unauthorized");
    Answer bearer = call("GET", "/ent/v2/credits", null, "Bearer " + vidu.sandbox().demoKey());
    assertThat(bearer.status()).isEqualTo(401);
    assertThat(bearer.body().get("message").getAsString())
        .contains("Token")
        .doesNotContain(vidu.sandbox().demoKey());
    assertThat(call("GET", "/ent/v2/credits", null, "Token nope").status()).isEqualTo(401);
    assertThat(call("GET", "/ent/v2/credits", null, "Token " + vidu.sandbox().demoKey()).status())
        .isEqualTo(200);
  }

  @Test
  void pageSizeOutsideOneToHundredIsRefused() throws IOException {
    Answer answer =
        call("GET", "/ent/v2/tasks?pager.pagesz=500", null, "Token " + vidu.sandbox().demoKey());
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.reason()).isEqualTo("PageSizeOutOfRange");
  }

  @Test
  void withoutCreditsNoTaskIsCreated() throws IOException {
    vidu.sandbox().setCredits(3);
    try {
      Answer answer = create("{\"model\":\"viduq2\",\"prompt\":\"p\"}");
      assertThat(answer.reason()).isEqualTo("CreditInsufficient");
    } finally {
      vidu.sandbox().setCredits(10_000);
    }
  }

  @Test
  void unknownPathsAreNotFound() throws IOException {
    Answer answer = call("GET", "/ent/v2/text2image", null, "Token " + vidu.sandbox().demoKey());
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.reason()).isEqualTo("NotFound");
  }
}
