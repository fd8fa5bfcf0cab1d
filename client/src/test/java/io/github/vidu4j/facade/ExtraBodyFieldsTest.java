package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.Images;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.testing.Responses;
import io.github.vidu4j.validation.ViduValidationException;
import org.junit.jupiter.api.Test;

/**
 * Fields the spec does not know yet go into the create body unchanged; validation leaves them
 * alone.
 */
class ExtraBodyFieldsTest extends ClientHarness {
  @Test
  void extraFieldsFollowTheRequestsOwnFieldsInTheBody() throws Exception {
    server.enqueue(Responses.created("t-1"));
    RequestOptions extras =
        RequestOptions.defaults()
            .withExtraField("watermark", "high")
            .withExtraField("meta_data", "disabled")
            .withExtraField("n", 2)
            .withExtraField("hd", true)
            .withExtraJson("options", "{\"style\": [\"a\", 1]}");

    client.images().create(new ReferenceToImageRequest().model("viduq2").prompt("a fox"), extras);

    assertThat(take().getBody().utf8())
        .isEqualTo(
            "{\"model\":\"viduq2\",\"prompt\":\"a fox\",\"watermark\":\"high\","
                + "\"meta_data\":\"disabled\",\"n\":2,\"hd\":true,\"options\":{\"style\":[\"a\",1]}}");
  }

  @Test
  void asyncCreateSendsThemToo() throws Exception {
    server.enqueue(Responses.created("t-1"));
    ReferenceToImageRequest request = new ReferenceToImageRequest().model("viduq2").prompt("a fox");
    var future =
        client
            .async()
            .create(
                Images.REFERENCE_TO_IMAGE,
                request,
                RequestOptions.defaults().withExtraField("watermark", "low"),
                ReferenceToImageTask.class);
    request.prompt("changed after the call");
    future.join();
    assertThat(take().getBody().utf8())
        .isEqualTo("{\"model\":\"viduq2\",\"prompt\":\"a fox\",\"watermark\":\"low\"}");
  }

  @Test
  void theRequestIsStillValidatedButTheExtrasAreNot() {
    assertThatThrownBy(
            () ->
                client
                    .images()
                    .create(
                        new ReferenceToImageRequest().model("viduq2").prompt(" "),
                        RequestOptions.defaults().withExtraField("watermark", "anything at all")))
        .isInstanceOfSatisfying(
            ViduValidationException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("prompt"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aFieldTheSpecKnowsIsRefusedBeforeSending() {
    assertThatThrownBy(
            () ->
                client
                    .images()
                    .create(
                        new ReferenceToImageRequest().model("viduq2").prompt("a fox"),
                        RequestOptions.defaults().withExtraField("model", "viduimage-2")))
        .isInstanceOf(ViduValidationException.class)
        .hasMessageContaining(
            "model: is a field of the spec, not an extra one: set it on the request");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aValueThatIsNotOneJsonValueIsRefused() {
    assertThatThrownBy(() -> RequestOptions.defaults().withExtraJson("watermark", "high"))
        .isInstanceOf(ViduValidationException.class)
        .hasMessageContaining("watermark: an extra field's value must be one JSON value");
    assertThatThrownBy(() -> RequestOptions.defaults().withExtraJson("n", "1 2"))
        .isInstanceOf(ViduValidationException.class);
    assertThatThrownBy(() -> RequestOptions.defaults().withExtraField(" ", "x"))
        .isInstanceOf(ViduValidationException.class);
  }

  @Test
  void toStringNamesTheFieldsNotTheirValues() {
    assertThat(RequestOptions.defaults().withExtraField("token", "s3cret"))
        .hasToString("RequestOptions{extraFields=[token], timeout=null, maxRetries=null}");
  }
}
