package io.github.vidu4j.contract.consumer;

import static io.github.vidu4j.contract.Contract.API;
import static io.github.vidu4j.contract.Contract.CALLBACK_URL;
import static io.github.vidu4j.contract.Contract.CONSUMER;
import static io.github.vidu4j.contract.Contract.HTTP_URL;
import static io.github.vidu4j.contract.Contract.NEW_FIELD;
import static io.github.vidu4j.contract.Contract.clientFor;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.validation.ImageInput;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /ent/v2/reference2image}, the paid call, in the three shapes users send: viduq2 text
 * to image, viduq2 from image URLs, and viduq1 from a local image with every optional field. The
 * request bodies are what the real {@code ViduClient} serialises; Pact fails a test whose client
 * sends a field the contract does not list.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = API, pactVersion = PactSpecVersion.V4)
class CreateImagePactTest {
  /** A 128×128 PNG header: enough for the client's header-only image checks. */
  static final byte[] SMALL_PNG =
      Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAIAAAACACAIAAABMXPacAAAAAElFTkSuQmCC");

  static final String DATA_URI = "data:image/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}";

  /** A create in provider state "the organisation has credits", answered 200. */
  private static V4Pact create(
      PactDslWithProvider builder,
      String description,
      Consumer<LambdaDslObject> request,
      Consumer<LambdaDslObject> answer) {
    return Answers.ok(
        Requests.createTask(
            builder,
            "the organisation has credits",
            description,
            LambdaDsl.newJsonBody(request::accept).build()),
        answer);
  }

  /** What the real client answers {@code request} with, from Pact's mock server. */
  private static ReferenceToImageTask create(MockServer server, ReferenceToImageRequest request) {
    try (ViduClient client = clientFor(server)) {
      return client.images().create(request);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact viduq2TextToImage(PactDslWithProvider builder) {
    return create(
        builder,
        "create a viduq2 text-to-image task",
        o -> {
          o.stringMatcher("model", "viduq2", "viduq2");
          o.stringType("prompt", "a red fox in the snow, morning light");
          o.stringMatcher("aspect_ratio", "16:9|9:16|1:1|3:4|4:3|21:9|2:3|3:2", "16:9");
          o.stringMatcher("resolution", "1080p|2K|4K", "2K");
        },
        o -> Bodies.createdTask(o, "viduq2", "a red fox in the snow, morning light"));
  }

  @Test
  @PactTestFor(pactMethod = "viduq2TextToImage")
  void viduq2TextToImage(MockServer server) {
    ReferenceToImageTask task =
        create(
            server,
            new ReferenceToImageRequest()
                .model("viduq2")
                .prompt("a red fox in the snow, morning light")
                .aspectRatio("16:9")
                .resolution("2K"));

    assertThat(task.getTaskId()).isEqualTo("860245771473956864");
    assertThat(task.getState()).isEqualTo(TaskState.CREATED);
    assertThat(task.getCredits()).isEqualTo(12);
    assertThat(task.getCreatedAt()).isNotNull();
    assertThat(RawJson.unknownFields(task)).containsKey(NEW_FIELD);
  }

  @Pact(consumer = CONSUMER)
  V4Pact viduq2FromImageUrls(PactDslWithProvider builder) {
    return create(
        builder,
        "create a viduq2 task from image URLs",
        o -> {
          o.stringMatcher("model", "viduq2", "viduq2");
          o.minMaxArrayLike(
              "images",
              1,
              7,
              PactDslJsonRootValue.stringMatcher(HTTP_URL, "https://example.com/reference/1.png"),
              2);
          o.stringType("prompt", "the two characters sit together at a cafe table");
          o.stringMatcher("aspect_ratio", "auto", "auto");
          o.stringMatcher("resolution", "1080p|2K|4K", "4K");
        },
        o -> {
          Bodies.createdTask(o, "viduq2", "the two characters sit together at a cafe table");
          o.minMaxArrayLike(
              "images",
              1,
              7,
              PactDslJsonRootValue.stringMatcher(HTTP_URL, "https://example.com/reference/1.png"),
              2);
          o.stringMatcher("aspect_ratio", "auto", "auto");
          o.stringMatcher("resolution", "4K", "4K");
        });
  }

  @Test
  @PactTestFor(pactMethod = "viduq2FromImageUrls")
  void viduq2FromImageUrls(MockServer server) {
    ReferenceToImageTask task =
        create(
            server,
            new ReferenceToImageRequest()
                .model("viduq2")
                .images(
                    List.of(
                        ImageInput.fromUrl("https://example.com/reference/1.png").value(),
                        ImageInput.fromUrl("https://example.com/reference/2.png").value()))
                .prompt("the two characters sit together at a cafe table")
                .aspectRatio("auto")
                .resolution("4K"));

    assertThat(task.getState()).isEqualTo(TaskState.CREATED);
    assertThat(task.getImages())
        .hasSize(2)
        .allSatisfy(url -> assertThat(url).startsWith("https://"));
    assertThat(task.getAspectRatio()).isEqualTo("auto");
    assertThat(task.getResolution()).isEqualTo("4K");
  }

  @Pact(consumer = CONSUMER)
  V4Pact viduq1WithEveryOptionalField(PactDslWithProvider builder) {
    return create(
        builder,
        "create a viduq1 task from a data-URI image with every optional field",
        o -> {
          o.stringMatcher("model", "viduq1", "viduq1");
          o.minMaxArrayLike(
              "images",
              1,
              7,
              PactDslJsonRootValue.stringMatcher(
                  DATA_URI,
                  "data:image/png;base64," + Base64.getEncoder().encodeToString(SMALL_PNG)),
              1);
          o.stringType("prompt", "the same character as a watercolour painting");
          o.integerType("seed", 42);
          o.stringMatcher("aspect_ratio", "16:9|9:16|1:1|3:4|4:3", "1:1");
          o.stringMatcher("resolution", "1080p", "1080p");
          o.stringType("payload", "order-1234");
          o.stringMatcher("callback_url", HTTP_URL, CALLBACK_URL);
        },
        o -> {
          Bodies.createdTask(o, "viduq1", "the same character as a watercolour painting");
          o.integerType("seed", 42);
          o.stringType("aspect_ratio", "1:1");
          o.stringMatcher("resolution", "1080p", "1080p");
          o.stringType("payload", "order-1234");
          o.stringMatcher("callback_url", HTTP_URL, CALLBACK_URL);
        });
  }

  @Test
  @PactTestFor(pactMethod = "viduq1WithEveryOptionalField")
  void viduq1WithEveryOptionalField(MockServer server) {
    ReferenceToImageTask task =
        create(
            server,
            new ReferenceToImageRequest()
                .model("viduq1")
                .images(List.of(ImageInput.fromBytes(SMALL_PNG, "character.png").value()))
                .prompt("the same character as a watercolour painting")
                .seed(42)
                .aspectRatio("1:1")
                .resolution("1080p")
                .payload("order-1234")
                .callbackUrl(CALLBACK_URL));

    assertThat(task.getModel()).isEqualTo("viduq1");
    assertThat(task.getSeed()).isEqualTo(42);
    assertThat(task.getPayload()).isEqualTo("order-1234");
    assertThat(task.getCallbackUrl()).isEqualTo(CALLBACK_URL);
  }
}
