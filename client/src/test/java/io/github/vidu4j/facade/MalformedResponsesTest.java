package io.github.vidu4j.facade;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.testing.RawHttpServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 2xx answers that cannot be used end in a {@link ViduResponseException}, never a raw JDK or
 * library exception.
 */
class MalformedResponsesTest {
  final FakeTime time = new FakeTime();
  RawHttpServer server;
  ViduClient client;

  @BeforeEach
  void start() throws IOException {
    server = new RawHttpServer();
    client =
        ViduClient.builder()
            .apiKey(ClientHarness.API_KEY)
            .baseUrl(server.url())
            .clock(time)
            .sleeper(time)
            .callTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  static ReferenceToImageRequest request() {
    return new ReferenceToImageRequest().model("viduq2").prompt("a red fox");
  }

  @Test
  void createAndAwaitOnAnAnswerWithoutTaskIdSaysTheTaskMayExistAndPollsNothing() {
    server.respondWith(
        RawHttpServer.head("200 OK", "Content-Type: application/json", "Content-Length: 38"),
        "{\"state\":\"created\",\"model\":\"viduq2\"}\n\n".getBytes(UTF_8));
    assertThatThrownBy(() -> client.images().createAndAwait(request(), AwaitOptions.defaults()))
        .isInstanceOfSatisfying(
            ViduResponseException.class,
            e -> assertThat(e.operation()).isEqualTo("POST /ent/v2/reference2image"))
        .hasMessageContaining("answered with no task_id, so the task cannot be awaited")
        .hasMessageContaining("the task may exist and be charged");
    assertThat(server.requests).as("one create, no poll").hasSize(1);
  }

  @Test
  void aTaskIdThatIsNoIdIsTypedToo() {
    for (String id : new String[] {"", "  ", "../../etc", ".", ".."}) {
      byte[] body = ("{\"task_id\":\"" + id + "\",\"state\":\"created\"}").getBytes(UTF_8);
      server.respondWith(
          RawHttpServer.head(
              "200 OK", "Content-Type: application/json", "Content-Length: " + body.length),
          body);
      assertThatThrownBy(() -> client.images().createAndAwait(request()))
          .isInstanceOf(ViduResponseException.class)
          .hasMessageContaining("task_id \"" + id + "\", which is not a task id");
    }
  }

  /**
   * Every call on an answer framed with a negative Content-Length, which OkHttp reads with an
   * IllegalArgumentException.
   */
  static final Map<String, Consumer<ViduClient>> CALLS =
      Map.of(
          "GET /ent/v2/tasks/t-1/creations", c -> c.tasks().get("t-1"),
          "POST /ent/v2/reference2image", c -> c.images().create(request()),
          "GET /ent/v2/credits", c -> c.credits(),
          "GET /ent/v2/tasks", c -> c.tasks().list(io.github.vidu4j.TaskQuery.all()),
          "POST /ent/v2/tasks/t-1/cancel", c -> c.tasks().cancel("t-1"));

  @Test
  void aNegativeContentLengthIsAMalformedFramingOnEveryCall() {
    for (String length : new String[] {"-5", "-2"}) {
      server.respondWith(
          RawHttpServer.head(
              "200 OK", "Content-Type: application/json", "Content-Length: " + length),
          "{}".getBytes(UTF_8));
      CALLS.forEach(
          (operation, call) ->
              assertThatThrownBy(() -> call.accept(client))
                  .as(operation)
                  .isInstanceOfSatisfying(
                      ViduResponseException.class,
                      e -> assertThat(e.operation()).isEqualTo(operation))
                  .hasMessageContaining("malformed framing: Content-Length " + length));
    }
  }

  @Test
  void otherMalformedFramingIsTypedOnEveryCall() {
    String[][] framings = {
      {"Transfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n"},
      {"Transfer-Encoding: chunked", "-2\r\n{}\r\n0\r\n\r\n"},
      {"Content-Length: abc", "{}"},
      {"Content-Length: 99999999999999999999", "{}"},
      {"Content-Length: 2\r\nContent-Length: 9", "{}"},
      {"Content-Length: 9", "{}"},
    };
    for (String[] framing : framings) {
      server.respondWith(
          RawHttpServer.head("200 OK", "Content-Type: application/json", framing[0]),
          framing[1].getBytes(UTF_8));
      CALLS.forEach(
          (operation, call) -> {
            try {
              call.accept(client);
            } catch (RuntimeException e) {
              assertThat(e)
                  .as("%s with %s", operation, framing[0])
                  .isInstanceOf(io.github.vidu4j.core.ViduException.class);
              assertThat(e.getMessage())
                  .as("%s with %s", operation, framing[0])
                  .startsWith(operation);
            }
          });
    }
  }

  @Test
  void anErrorStatusWithANegativeContentLengthKeepsItsStatus() {
    server.respondWith(
        RawHttpServer.head("404 Not Found", "Content-Type: application/json", "Content-Length: -5"),
        "{}".getBytes(UTF_8));
    assertThatThrownBy(() -> client.tasks().get("t-1"))
        .isInstanceOfSatisfying(
            ViduApiException.class, e -> assertThat(e.statusCode()).isEqualTo(404))
        .hasMessageEndingWith("HTTP 404 with an empty body");
  }

  @Test
  void malformedJsonIsAResponseExceptionNamingThePlaceNotTheValue() {
    byte[] body = "{\"id\":\"t-1\",\"credits\":\"lots\"}".getBytes(UTF_8);
    server.respondWith(
        RawHttpServer.head(
            "200 OK", "Content-Type: application/json", "Content-Length: " + body.length),
        body);
    assertThatThrownBy(() -> client.tasks().get("t-1"))
        .isInstanceOf(ViduResponseException.class)
        .hasMessage(
            "GET /ent/v2/tasks/t-1/creations: the response is not the JSON the spec describes"
                + " (NumberFormatException: expected an int at line 1 column 29 path $.credits)");
  }

  @Test
  void aTokenOfTheWrongKindIsNamed() {
    byte[] body = "{\"id\":\"t-1\",\"creations\":\"none\"}".getBytes(UTF_8);
    server.respondWith(
        RawHttpServer.head(
            "200 OK", "Content-Type: application/json", "Content-Length: " + body.length),
        body);
    assertThatThrownBy(() -> client.tasks().get("t-1"))
        .isInstanceOf(ViduResponseException.class)
        .hasMessageContaining(
            "expected BEGIN_ARRAY but was STRING at line 1 column 26 path $.creations");
  }
}
