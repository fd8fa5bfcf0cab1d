package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.Videos;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ImageToVideoRequest;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToVideoRequest;
import io.github.vidu4j.model.StartEndToVideoRequest;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.testing.TestImages;
import io.github.vidu4j.validation.ImageInput;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Every answer the sandbox gives, and every request our client sends it, validates against
 * openapi/vidu.yaml.
 */
class SpecConformanceTest {
  private static final Set<Operation> API =
      Set.of(
          Operation.CREATE_TASK,
          Operation.GET_TASK,
          Operation.CANCEL_TASK,
          Operation.LIST_TASKS,
          Operation.GET_CREDITS);

  @Test
  void everyExchangeOfAFullWorkloadMatchesTheSpec() throws Exception {
    List<RecordedExchange> exchanges;
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast());
        ViduClient client = sandbox.clientBuilder().maxRetries(0).build()) {
      workload(sandbox, client);
      // Answers reshaped on purpose (an unknown field) play a future API; the spec's schemas are
      // closed.
      exchanges =
          sandbox.received().stream()
              .filter(e -> API.contains(e.operation()))
              .filter(e -> e.fault().isEmpty() || e.status() != 200)
              .toList();
    }
    assertThat(exchanges).extracting(RecordedExchange::operation).containsAll(API);
    assertThat(exchanges)
        .extracting(RecordedExchange::status)
        .contains(200, 400, 401, 404, 429, 500);

    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForSpecificationUrl(
                Path.of(System.getProperty("vidu.spec")).toUri().toString())
            .build();
    List<String> problems = new ArrayList<>();
    for (RecordedExchange exchange : exchanges) {
      SimpleResponse response =
          SimpleResponse.Builder.status(exchange.status())
              .withContentType(exchange.responseContentType())
              .withBody(exchange.responseBody())
              .build();
      ValidationReport report =
          exchange.requestHeader("Authorization").filter(h -> h.startsWith("Token ")).isPresent()
              ? validator.validate(request(exchange), response)
              : validator.validateResponse(
                  exchange.path(), Request.Method.valueOf(exchange.method()), response);
      if (report.hasErrors()) {
        problems.add(
            exchange + ": " + report.getMessages() + "\n  body: " + exchange.responseBody());
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theValidatorCatchesADriftedAnswer() {
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForSpecificationUrl(
                Path.of(System.getProperty("vidu.spec")).toUri().toString())
            .build();
    SimpleResponse drifted =
        SimpleResponse.Builder.status(200)
            .withContentType("application/json")
            .withBody("{\"id\":\"1\",\"state\":\"success\",\"credits\":\"twelve\"}")
            .build();
    assertThat(
            validator
                .validateResponse("/ent/v2/tasks/1/creations", Request.Method.GET, drifted)
                .hasErrors())
        .isTrue();
  }

  private static void workload(ViduSandbox sandbox, ViduClient client) throws Exception {
    AwaitOptions fast =
        AwaitOptions.defaults().withIntervals(Duration.ofMillis(40), Duration.ofMillis(200));
    String image = ImageInput.fromBytes(TestImages.png(256, 256), "in.png").value();
    client
        .images()
        .createAndAwait(
            new ReferenceToImageRequest()
                .model("viduq2")
                .prompt("text only")
                .seed(3)
                .payload("order-1"),
            fast);
    client
        .images()
        .createAndAwait(
            new ReferenceToImageRequest()
                .model("viduq1")
                .prompt("from an image")
                .images(List.of(image)),
            fast);
    client
        .images()
        .create(
            new ReferenceToImageRequest()
                .model("viduq2")
                .prompt("with a callback")
                .callbackUrl("http://127.0.0.1:9/unreachable"));
    // The video operations, typed and generic; the list below then holds a video's facts.
    client
        .generations()
        .createAndAwait(
            Videos.TEXT_TO_VIDEO,
            com.google.gson.JsonParser.parseString(
                    "{\"model\":\"viduq2\",\"prompt\":\"a fox\",\"duration\":1,\"bgm\":true,"
                        + "\"wm_position\":2,\"meta_data\":\"{}\",\"payload\":\"v-1\"}")
                .getAsJsonObject(),
            RequestOptions.defaults(),
            fast);
    client
        .videos()
        .imageToVideo(
            new ImageToVideoRequest().model("viduq2-turbo").images(List.of(image)).duration(1),
            RequestOptions.defaults());
    client
        .videos()
        .startEndToVideo(
            new StartEndToVideoRequest().model("viduq2-pro").images(List.of(image, image)),
            RequestOptions.defaults());
    client
        .videos()
        .referenceToVideo(
            new ReferenceToVideoRequest().model("viduq2").images(List.of(image)).prompt("two"),
            RequestOptions.defaults());
    // A seeded task stays processing: cancelling a task just created could lose the race against
    // its finishing.
    sandbox.givenTask("t-cancel", TaskState.PROCESSING);
    client.tasks().cancel("t-cancel");
    ignore(() -> client.tasks().cancel("t-cancel"));
    sandbox.givenFailedTask("t-failed", "CreationPolicyViolation");
    sandbox.givenTask("t-queueing", TaskState.QUEUEING);
    client.tasks().get("t-failed");
    client.tasks().get("t-queueing");
    ignore(() -> client.tasks().get("no-such-task"));
    client.tasks().list(TaskQuery.all().pageSize(1));
    client
        .tasks()
        .list(TaskQuery.all().states(List.of(TaskState.SUCCESS)).modelVersions(List.of("q2")));
    client.credits();
    client.credits(true);
    sandbox
        .faults()
        .next(
            Operation.GET_CREDITS,
            Fault.error(429, "TooManyRequests", Duration.ofSeconds(1)),
            Fault.error(500, "InternalServiceFailure"),
            Fault.extraField("x_future", "[1,2]"));
    ignore(client::credits);
    ignore(client::credits);
    client.credits();
    OkHttpClient raw = new OkHttpClient();
    String base = sandbox.baseUrl();
    try (Response r =
        raw.newCall(new okhttp3.Request.Builder().url(base + "ent/v2/credits").build()).execute()) {
      assertThat(r.code()).isEqualTo(401);
    }
    try (Response r =
        raw.newCall(
                new okhttp3.Request.Builder()
                    .url(base + "ent/v2/reference2image")
                    .header("Authorization", "Token " + sandbox.demoKey())
                    .post(
                        RequestBody.create(
                            "{\"model\":\"viduq1\",\"prompt\":\"p\"}",
                            MediaType.get("application/json")))
                    .build())
            .execute()) {
      assertThat(r.code()).isEqualTo(400);
    }
  }

  private static SimpleRequest request(RecordedExchange exchange) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
    exchange.requestHeaders().forEach((name, values) -> request.withHeader(name, values));
    if (!exchange.rawQuery().isEmpty()) {
      for (String pair : exchange.rawQuery().split("&")) {
        int eq = pair.indexOf('=');
        request.withQueryParam(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (!exchange.requestBody().isEmpty()) {
      request.withBody(exchange.requestBody());
    }
    return request.build();
  }

  private static void ignore(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException expected) {
      // The answer is what is checked, below.
    }
  }
}
