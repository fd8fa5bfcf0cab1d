package io.github.vidu4j.contract.consumer;

import static io.github.vidu4j.contract.Contract.API;
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
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.Videos;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.model.ImageToVideoRequest;
import io.github.vidu4j.model.ReferenceToVideoRequest;
import io.github.vidu4j.model.StartEndToVideoRequest;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.model.TextToVideoRequest;
import io.github.vidu4j.model.VideoTask;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The four video operations, each through the real facade ({@code client.videos()}): the request
 * bodies are what the client serialises, the answers what Vidu's create responses hold.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = API, pactVersion = PactSpecVersion.V4)
class CreateVideoPactTest {
  private static final String IMAGE = "https://example.com/frames/1.png";
  private static final String IMAGE_2 = "https://example.com/frames/2.png";

  private static V4Pact create(
      PactDslWithProvider builder,
      String operation,
      String model,
      String prompt,
      int images,
      Consumer<LambdaDslObject> more) {
    return Answers.ok(
        Requests.postJson(
            builder
                .given("the organisation has credits")
                .uponReceiving("create a " + model + " " + operation + " task")
                .method("POST")
                .path("/ent/v2/" + operation),
            LambdaDsl.newJsonBody(
                    o -> {
                      o.stringMatcher("model", model, model);
                      if (images > 0) {
                        o.minMaxArrayLike(
                            "images",
                            images,
                            images,
                            PactDslJsonRootValue.stringMatcher(HTTP_URL, IMAGE),
                            images);
                      }
                      o.stringType("prompt", prompt);
                      more.accept(o);
                    })
                .build()),
        o -> {
          Bodies.createdTask(o, model, prompt);
          o.integerType("duration", 5);
        });
  }

  /**
   * Sends a create with the real client ({@code create} calls one of {@code client.videos()}) and
   * checks the task created.
   */
  private static void assertCreates(MockServer server, Function<Videos, VideoTask> create) {
    VideoTask task;
    try (ViduClient client = clientFor(server)) {
      task = create.apply(client.videos());
    }
    assertThat(task.getTaskId()).isEqualTo("860245771473956864");
    assertThat(task.getState()).isEqualTo(TaskState.CREATED);
    assertThat(task.getDuration()).isEqualTo(5);
    assertThat(RawJson.unknownFields(task)).containsKey(NEW_FIELD);
  }

  @Pact(consumer = CONSUMER)
  V4Pact textToVideo(PactDslWithProvider builder) {
    return create(
        builder,
        "text2video",
        "viduq2",
        "a red fox in the snow",
        0,
        o -> {
          o.integerType("duration", 5);
          o.stringMatcher("resolution", "540p|720p|1080p", "540p");
          o.stringMatcher("aspect_ratio", "16:9|9:16|3:4|4:3|1:1", "16:9");
        });
  }

  @Test
  @PactTestFor(pactMethod = "textToVideo")
  void textToVideo(MockServer server) {
    assertCreates(
        server,
        videos ->
            videos.textToVideo(
                new TextToVideoRequest()
                    .model("viduq2")
                    .prompt("a red fox in the snow")
                    .duration(5)
                    .resolution("540p")
                    .aspectRatio("16:9"),
                RequestOptions.defaults()));
  }

  @Pact(consumer = CONSUMER)
  V4Pact imageToVideo(PactDslWithProvider builder) {
    return create(
        builder,
        "img2video",
        "viduq2-turbo",
        "the fox runs away",
        1,
        o -> o.booleanType("audio", false));
  }

  @Test
  @PactTestFor(pactMethod = "imageToVideo")
  void imageToVideo(MockServer server) {
    assertCreates(
        server,
        videos ->
            videos.imageToVideo(
                new ImageToVideoRequest()
                    .model("viduq2-turbo")
                    .images(List.of(IMAGE))
                    .prompt("the fox runs away")
                    .audio(false),
                RequestOptions.defaults()));
  }

  @Pact(consumer = CONSUMER)
  V4Pact startEndToVideo(PactDslWithProvider builder) {
    return create(
        builder,
        "start-end2video",
        "viduq2-pro",
        "the bird flies from one frame to the other",
        2,
        o -> o.booleanType("off_peak", true));
  }

  @Test
  @PactTestFor(pactMethod = "startEndToVideo")
  void startEndToVideo(MockServer server) {
    assertCreates(
        server,
        videos ->
            videos.startEndToVideo(
                new StartEndToVideoRequest()
                    .model("viduq2-pro")
                    .images(List.of(IMAGE, IMAGE_2))
                    .prompt("the bird flies from one frame to the other")
                    .offPeak(true),
                RequestOptions.defaults()));
  }

  @Pact(consumer = CONSUMER)
  V4Pact referenceToVideo(PactDslWithProvider builder) {
    return create(
        builder,
        "reference2video",
        "viduq2",
        "the two characters share a hot pot",
        2,
        o -> o.stringMatcher("aspect_ratio", "16:9|9:16|3:4|4:3|1:1", "9:16"));
  }

  @Test
  @PactTestFor(pactMethod = "referenceToVideo")
  void referenceToVideo(MockServer server) {
    assertCreates(
        server,
        videos ->
            videos.referenceToVideo(
                new ReferenceToVideoRequest()
                    .model("viduq2")
                    .images(List.of(IMAGE, IMAGE_2))
                    .prompt("the two characters share a hot pot")
                    .aspectRatio("9:16"),
                RequestOptions.defaults()));
  }
}
