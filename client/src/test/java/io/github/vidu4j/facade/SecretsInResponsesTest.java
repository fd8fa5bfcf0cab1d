package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.testing.Responses;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A 2xx body echoing the API key puts it in no message, no {@code toString()} and no cause. */
class SecretsInResponsesTest extends ClientHarness {
  static final String KEY = API_KEY;

  /**
   * Asserts {@code call} fails typed and the key appears nowhere in what it throws, stack trace
   * included.
   */
  static void assertKeyNowhere(Throwable thrown) {
    assertThat(thrown).isInstanceOf(ViduException.class);
    int depth = 0;
    for (Throwable t = thrown; t != null && depth < 20; t = t.getCause(), depth++) {
      assertThat(String.valueOf(t.getMessage()))
          .as("message of %s", t.getClass())
          .doesNotContain(KEY);
      assertThat(t.toString()).as("toString of %s", t.getClass()).doesNotContain(KEY);
      for (Throwable suppressed : t.getSuppressed()) {
        assertThat(suppressed.toString()).doesNotContain(KEY);
      }
    }
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(KEY);
  }

  void check(String body, Consumer<ViduClient> call) {
    server.enqueue(Responses.json(200, body));
    Throwable thrown = catchThrowable(() -> call.accept(client));
    assertThat(thrown).as("fails for %s", body).isNotNull();
    assertKeyNowhere(thrown);
  }

  @Test
  void theKeyEchoedIntoANumericFieldOfEveryAnswer() {
    check(
        "{\"remains\":[{\"type\":\"metered\",\"credit_remain\":\"" + KEY + "\"}]}",
        ViduClient::credits);
    check(
        "{\"id\":\"t-1\",\"state\":\"success\",\"credits\":\"" + KEY + "\"}",
        c -> c.tasks().get("t-1"));
    check(
        "{\"tasks\":[{\"id\":\"t-1\",\"credits\":\"" + KEY + "\"}]}",
        c -> c.tasks().list(TaskQuery.all()));
    check(
        "{\"task_id\":\"t-1\",\"credits\":\"Token " + KEY + "\"}",
        c -> c.images().create(new ReferenceToImageRequest().model("viduq2").prompt("a fox")));
    check(
        "{\"task_id\":\"t-1\",\"credits\":\"Token " + KEY + "\"}",
        c ->
            c.videos()
                .textToVideo(
                    new io.github.vidu4j.model.TextToVideoRequest().model("viduq2").prompt("a fox"),
                    io.github.vidu4j.RequestOptions.defaults()));
  }

  @Test
  void theKeyUnquotedOrAsAFieldNameOrAsTheTaskId() {
    check("{\"id\":\"t-1\",\"credits\":" + KEY + "}", c -> c.tasks().get("t-1"));
    check("{\"id\":\"t-1\",\"creations\":{\"" + KEY + "\":1}}", c -> c.tasks().get("t-1"));
    check(
        "{\"task_id\":\"" + KEY + "/x\",\"state\":\"created\"}",
        c ->
            c.images()
                .createAndAwait(new ReferenceToImageRequest().model("viduq2").prompt("a fox")));
  }

  @Test
  void gsonsOwnMessageQuotesTheKeySoItIsNotPassedOn() {
    // What the fix guards against: Gson quotes the offending value verbatim.
    Throwable gson =
        catchThrowable(
            () ->
                new com.google.gson.Gson()
                    .fromJson("{\"credits\":\"" + KEY + "\"}", Counter.class));
    assertThat(gson.getMessage()).contains(KEY);
  }

  static final class Counter {
    int credits;
  }
}
