package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.testing.Responses;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.nio.charset.StandardCharsets;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The body-size rule reads the length of the body the client writes, so it covers every byte sent
 * (extra fields too) and Content-Length is that length.
 */
class CreateBodySizeTest extends ClientHarness {
  private static final ReferenceToImageRequest FOX =
      new ReferenceToImageRequest().model("viduq2").prompt("a fox");

  @Test
  void extraFieldsThatPushTheBodyOverTheLimitAreRefusedBeforeSending() {
    RequestOptions huge = RequestOptions.defaults().withExtraField("notes", "x".repeat(20_000_000));

    assertThatThrownBy(() -> client.images().create(FOX, huge))
        .isInstanceOfSatisfying(
            ViduValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::code)
                    .containsExactly(Violation.Code.BODY_SIZE))
        .hasMessageContaining("20,000,0"); // the body's own length, extras included
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void contentLengthIsTheLengthOfTheBodySent() throws Exception {
    server.enqueue(Responses.created("t-1"));
    ReferenceToImageRequest request =
        new ReferenceToImageRequest()
            .model("viduq2")
            .prompt("un renard \u00e9l\u00e9gant \uD83E\uDD8A");

    client.images().create(request);

    RecordedRequest sent = take();
    byte[] expected = ViduJson.write(request).getBytes(StandardCharsets.UTF_8);
    assertThat(sent.getBody().toByteArray()).isEqualTo(expected);
    assertThat(sent.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(expected.length));
  }
}
