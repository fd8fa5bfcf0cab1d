package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.testing.Responses;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every non-2xx response becomes a ViduApiException with what Vidu said; never a Retrofit/Gson
 * type.
 */
class ErrorMappingTest extends ClientHarness {
  @ParameterizedTest
  @CsvSource({
    "400, FieldInvalid, 'invalid field: aspect_ratio', false",
    "401, Unauthorized, unauthorized, false",
    "403, Forbidden, forbidden, false",
    "404, TaskNotFound, task not found, false",
    "409, Conflict, resource conflict, false",
    "429, QuotaExceeded, quota exceeded, true",
    "400, OperationInProcess, 'operation in process, please retry later', false",
    "499, Canceled, request canceled by client, false",
  })
  void mapsVidusErrorBody(int status, String reason, String message, boolean retryable) {
    try (ViduClient once = client(b -> b.maxRetries(0))) {
      server.enqueue(Responses.error(status, reason, message));

      assertThatThrownBy(() -> once.tasks().get("t-1"))
          .isInstanceOfSatisfying(
              ViduApiException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(status);
                assertThat(e.reason()).contains(reason);
                assertThat(e.apiMessage()).contains(message);
                assertThat(e.traceId()).contains("trace-" + status);
                assertThat(e.isRetryable()).isEqualTo(retryable);
              })
          .hasMessage(
              "GET /ent/v2/tasks/t-1/creations: HTTP "
                  + status
                  + " "
                  + reason
                  + ": "
                  + message
                  + " (trace_id trace-"
                  + status
                  + ")");
    }
  }

  @Test
  void keepsVidusErrorJsonWholeUnknownFieldsIncludedAndNoOtherBody() {
    String body =
        "{\"code\":400,\"reason\":\"FieldInvalid\",\"message\":\"bad\",\"metadata\":{\"trace_id\":\"t-9\"},\"brand_new\":[1]}";
    try (ViduClient once = client(b -> b.maxRetries(0))) {
      server.enqueue(
          new MockResponse.Builder()
              .code(400)
              .setHeader("Content-Type", "application/json")
              .body(body)
              .build());
      assertThatThrownBy(() -> once.tasks().get("t-1"))
          .isInstanceOfSatisfying(
              ViduApiException.class, e -> assertThat(e.errorJson()).contains(body));

      server.enqueue(
          new MockResponse.Builder()
              .code(502)
              .setHeader("Content-Type", "text/html")
              .body("<html>502</html>")
              .build());
      assertThatThrownBy(() -> once.tasks().get("t-1"))
          .isInstanceOfSatisfying(ViduApiException.class, e -> assertThat(e.errorJson()).isEmpty());
    }
  }

  @Test
  void anHtmlErrorPageFromAProxyStillGivesAClearApiException() {
    try (ViduClient once = client(b -> b.maxRetries(0))) {
      server.enqueue(
          new MockResponse.Builder()
              .code(502)
              .setHeader("Content-Type", "text/html")
              .body("<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>")
              .build());

      assertThatThrownBy(() -> once.tasks().get("t-1"))
          .isInstanceOfSatisfying(
              ViduApiException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(502);
                assertThat(e.reason()).isEmpty();
                assertThat(e.traceId()).isEmpty();
                assertThat(e.isRetryable()).isTrue();
              })
          .hasMessageContaining("HTTP 502 with a body that is not Vidu's error JSON (text/html")
          .hasMessageContaining("502 Bad Gateway");
    }
  }

  @Test
  void anEmptyErrorBodyIsDescribed() {
    server.enqueue(new MockResponse.Builder().code(401).build());
    assertThatThrownBy(() -> client.credits())
        .isInstanceOf(ViduApiException.class)
        .hasMessageEndingWith("HTTP 401 with an empty body");
  }

  @Test
  void aBodyEchoingTheKeyIsRedacted() {
    server.enqueue(Responses.error(401, "Unauthorized", "bad token: Token " + API_KEY));
    assertThatThrownBy(() -> client.credits())
        .isInstanceOfSatisfying(
            ViduApiException.class,
            e -> assertThat(e.apiMessage()).contains("bad token: Token <redacted>"))
        .hasMessageContaining("bad token: Token <redacted>")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(API_KEY));
  }

  @Test
  void malformedSuccessJsonIsAViduException() {
    server.enqueue(Responses.json(200, "{\"id\": \"t-1\", \"state\": ]}"));
    assertThatThrownBy(() -> client.tasks().get("t-1"))
        .isExactlyInstanceOf(io.github.vidu4j.core.ViduResponseException.class)
        .hasMessageContaining("not the JSON the spec describes");
  }
}
