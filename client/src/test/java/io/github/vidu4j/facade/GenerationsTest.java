package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.Videos;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.model.TextToVideoRequest;
import io.github.vidu4j.model.VideoTask;
import io.github.vidu4j.testing.Responses;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The generic create path: the typed video methods, RequestOptions, and the never-twice rule. */
class GenerationsTest extends ClientHarness {
  private static JsonObject body(String json) {
    return JsonParser.parseString(json).getAsJsonObject();
  }

  private static JsonObject sent(RecordedRequest request) {
    return body(request.getBody().string(StandardCharsets.UTF_8));
  }

  @Test
  void textToVideoPostsTheBodyToItsPathAndKeepsUnknownResponseFields() throws Exception {
    server.enqueue(
        Responses.json(
            200,
            "{\"task_id\":\"901\",\"state\":\"created\",\"model\":\"viduq2\",\"duration\":2,"
                + "\"wm_position\":\"unspecified\",\"cus_priority\":3,\"brand_new\":true}"));
    VideoTask task =
        client
            .videos()
            .textToVideo(
                new TextToVideoRequest().model("viduq2").prompt("a fox").duration(2),
                RequestOptions.defaults());

    assertThat(task.getTaskId()).isEqualTo("901");
    assertThat(task.getState()).isEqualTo(TaskState.CREATED);
    assertThat(RawJson.field(task, "wm_position")).hasValue("unspecified");
    assertThat(RawJson.of(task).orElseThrow()).contains("\"brand_new\":true");
    RecordedRequest request = take();
    assertThat(request.getTarget()).isEqualTo("/ent/v2/text2video");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + API_KEY);
    assertThat(sent(request).toString())
        .isEqualTo("{\"model\":\"viduq2\",\"prompt\":\"a fox\",\"duration\":2}");
  }

  @Test
  void invalidBodiesAndClashingExtraFieldsSendNothing() {
    assertThatThrownBy(
            () ->
                client
                    .generations()
                    .create(
                        Videos.IMAGE_TO_VIDEO,
                        body(
                            "{\"model\":\"viduq2-pro\",\"images\":[\"https://e.com/a.png\"],\"aspect_ratio\":\"1:1\"}"),
                        RequestOptions.defaults()))
        .isInstanceOfSatisfying(
            ViduValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::code)
                    .containsExactly(Violation.Code.FIELD_UNKNOWN));
    assertThatThrownBy(
            () ->
                client
                    .generations()
                    .create(
                        Videos.TEXT_TO_VIDEO,
                        body("{\"model\":\"viduq2\",\"prompt\":\"p\"}"),
                        RequestOptions.defaults().withExtraField("duration", 5)))
        .isInstanceOfSatisfying(
            ViduValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::code)
                    .containsExactly(Violation.Code.EXTRA_FIELD));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void extraFieldsAreSentUnvalidatedAndTheCallersBodyIsNotChanged() throws Exception {
    server.enqueue(Responses.created("902"));
    JsonObject given = body("{\"model\":\"viduq2\",\"prompt\":\"p\"}");
    client
        .generations()
        .create(
            Videos.TEXT_TO_VIDEO,
            given,
            RequestOptions.defaults().withExtraField("quality", "high"));
    assertThat(sent(take()).get("quality").getAsString()).isEqualTo("high");
    assertThat(given.has("quality")).isFalse();
  }

  @Test
  void aCreateIsNeverResentAfterA5xxWhateverTheRetryCount() {
    server.enqueue(Responses.error(500, "InternalServiceFailure", "internal service failure"));
    server.enqueue(Responses.created("a-second-paid-task"));
    assertThatThrownBy(
            () ->
                client
                    .generations()
                    .create(
                        Videos.TEXT_TO_VIDEO,
                        body("{\"model\":\"viduq2\",\"prompt\":\"p\"}"),
                        RequestOptions.defaults().withMaxRetries(5)))
        .isInstanceOf(ViduApiException.class)
        .hasMessageContaining("task may exist");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theRetryCountIsPerCall() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(Responses.error(429, "TooManyRequests", "slow down"));
    }
    server.enqueue(Responses.created("903"));
    assertThatThrownBy(
            () ->
                client
                    .generations()
                    .create(
                        Videos.TEXT_TO_VIDEO,
                        body("{\"model\":\"viduq2\",\"prompt\":\"p\"}"),
                        RequestOptions.defaults().withMaxRetries(0)))
        .isInstanceOf(ViduApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    JsonObject task =
        client
            .generations()
            .create(
                Videos.TEXT_TO_VIDEO,
                body("{\"model\":\"viduq2\",\"prompt\":\"p\"}"),
                RequestOptions.defaults().withMaxRetries(1));
    assertThat(task.get("task_id").getAsString()).isEqualTo("903");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void createAndAwaitPollsTheCreatedTask() throws Exception {
    server.enqueue(Responses.created("904"));
    server.enqueue(Responses.succeeded("904", "https://files.example.com/904.mp4"));
    var done =
        client
            .generations()
            .createAndAwait(
                Videos.REFERENCE_TO_VIDEO,
                body(
                    "{\"model\":\"viduq2\",\"prompt\":\"p\",\"images\":[\"https://e.com/a.png\"]}"),
                RequestOptions.defaults(),
                AwaitOptions.defaults());
    assertThat(done.getState()).isEqualTo(TaskState.SUCCESS);
    assertThat(take().getTarget()).isEqualTo("/ent/v2/reference2video");
    assertThat(take().getTarget()).isEqualTo("/ent/v2/tasks/904/creations");
  }

  @Test
  void theAsyncSideCreatesAndAwaitsAndRefusesInvalidInputAtOnce() throws Exception {
    server.enqueue(Responses.created("905"));
    server.enqueue(Responses.succeeded("905", "https://files.example.com/905.mp4"));
    var done =
        client
            .async()
            .createAndAwait(
                Videos.TEXT_TO_VIDEO,
                body("{\"model\":\"viduq2\",\"prompt\":\"p\"}"),
                RequestOptions.defaults(),
                AwaitOptions.defaults())
            .get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(done.getState()).isEqualTo(TaskState.SUCCESS);
    assertThat(take().getTarget()).isEqualTo("/ent/v2/text2video");

    assertThatThrownBy(
            () ->
                client
                    .async()
                    .create(
                        Videos.TEXT_TO_VIDEO,
                        body("{\"model\":\"viduq1\",\"prompt\":\"p\",\"duration\":8}"),
                        RequestOptions.defaults()))
        .isInstanceOf(ViduValidationException.class);
    server.enqueue(Responses.created("906"));
    VideoTask typed =
        client
            .async()
            .create(
                Videos.TEXT_TO_VIDEO,
                new TextToVideoRequest().model("viduq2").prompt("p"),
                RequestOptions.defaults(),
                VideoTask.class)
            .get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(typed.getTaskId()).isEqualTo("906");
  }

  @Test
  void taskQueryIsBuiltByCopiesAndAPageTokenClearsThePageNumber() {
    TaskQuery query =
        TaskQuery.all().taskIds(List.of("1", "2")).states(List.of(TaskState.SUCCESS)).page(2);
    assertThat(query.toString()).contains("taskIds=[1, 2]").contains("page=2");
    assertThat(query.pageToken("t").toString()).contains("page=null").contains("pageToken=t");
    assertThat(TaskQuery.all().toString()).contains("page=null").contains("taskIds=[]");
    assertThatThrownBy(() -> TaskQuery.all().pageSize(0)).isInstanceOf(RuntimeException.class);
  }
}
