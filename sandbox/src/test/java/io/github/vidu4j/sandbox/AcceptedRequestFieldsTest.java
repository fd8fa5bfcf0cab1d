package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.validation.ViduRules;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Fields newer than the spec: the ones the sandbox is told to accept are echoed, the rest refused
 * as Vidu does.
 */
class AcceptedRequestFieldsTest {
  @Test
  void acceptedFieldsAreEchoedAndOthersRefusedWithFieldUnwanted() throws IOException {
    try (ViduSandbox sandbox =
        ViduSandbox.start(
            SandboxOptions.fast().toBuilder().acceptRequestField("watermark").build())) {
      JsonObject echoed =
          post(
              sandbox,
              "{\"model\":\"viduq2\",\"prompt\":\"p\",\"watermark\":{\"level\":\"high\"}}");
      assertThat(echoed.getAsJsonObject("watermark").get("level").getAsString()).isEqualTo("high");
      assertThat(echoed.get("task_id").getAsString()).isNotBlank();

      JsonObject refused =
          post(
              sandbox,
              "{\"model\":\"viduq2\",\"prompt\":\"p\",\"watermark\":\"high\",\"meta_data\":\"disabled\"}");
      assertThat(refused.get("reason").getAsString()).isEqualTo("FieldUnwanted");
      assertThat(refused.get("message").getAsString())
          .contains("meta_data")
          .doesNotContain("watermark");
      assertThat(sandbox.taskCount()).isEqualTo(1);
    }
  }

  @Test
  void theClientsExtraFieldsReachTheSandbox() {
    try (ViduSandbox sandbox =
            ViduSandbox.start(
                SandboxOptions.fast().toBuilder().acceptRequestField("watermark").build());
        ViduClient client =
            ViduClient.builder().apiKey(sandbox.demoKey()).baseUrl(sandbox.baseUrl()).build()) {
      ReferenceToImageTask task =
          client
              .images()
              .create(
                  new ReferenceToImageRequest().model("viduq2").prompt("p"),
                  RequestOptions.defaults().withExtraField("watermark", "high"));
      assertThat(io.github.vidu4j.core.RawJson.field(task, "watermark")).hasValue("high");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  client
                      .images()
                      .create(
                          new ReferenceToImageRequest().model("viduq2").prompt("p"),
                          RequestOptions.defaults().withExtraField("meta_data", "disabled")))
          .isInstanceOfSatisfying(
              ViduApiException.class, e -> assertThat(e.reason()).hasValue("FieldUnwanted"));
    }
  }

  @Test
  void theConcurrencyLimitIsAnOptionReportedInCredits() {
    assertThat(SandboxOptions.defaults().concurrencyLimit())
        .isEqualTo(ViduRules.spec().defaultConcurrencyLimit());
    try (ViduSandbox sandbox =
            ViduSandbox.start(SandboxOptions.fast().toBuilder().concurrencyLimit(2).build());
        ViduClient client =
            ViduClient.builder().apiKey(sandbox.demoKey()).baseUrl(sandbox.baseUrl()).build()) {
      assertThat(client.credits().getRemains())
          .singleElement()
          .satisfies(b -> assertThat(b.getConcurrencyLimit()).isEqualTo(2));
    }
  }

  private static JsonObject post(ViduSandbox sandbox, String json) throws IOException {
    Request request =
        new Request.Builder()
            .url(sandbox.baseUrl() + "ent/v2/reference2image")
            .header("Authorization", "Token " + sandbox.demoKey())
            .post(RequestBody.create(json, MediaType.get("application/json")))
            .build();
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      return JsonParser.parseString(response.body().string()).getAsJsonObject();
    }
  }
}
