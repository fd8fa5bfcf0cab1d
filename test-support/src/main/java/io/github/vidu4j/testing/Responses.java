package io.github.vidu4j.testing;

import mockwebserver3.MockResponse;

/** Vidu-shaped canned responses. */
public final class Responses {
  private Responses() {}

  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  public static MockResponse error(int code, String reason, String message) {
    return json(
        code,
        "{\"code\":"
            + code
            + ",\"reason\":\""
            + reason
            + "\",\"message\":\""
            + message
            + "\",\"metadata\":{\"trace_id\":\"trace-"
            + code
            + "\"}}");
  }

  public static MockResponse created(String taskId) {
    return json(
        200,
        "{\"task_id\":\""
            + taskId
            + "\",\"state\":\"created\",\"model\":\"viduq2\","
            + "\"prompt\":\"a red fox\",\"credits\":4,\"created_at\":\"2026-11-25T10:00:00Z\"}");
  }

  public static MockResponse task(String taskId, String state) {
    return json(
        200,
        "{\"id\":\""
            + taskId
            + "\",\"state\":\""
            + state
            + "\",\"err_code\":\"\",\"credits\":4,\"creations\":[]}");
  }

  public static MockResponse succeeded(String taskId, String... urls) {
    StringBuilder creations = new StringBuilder();
    for (int i = 0; i < urls.length; i++) {
      creations
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"c")
          .append(i)
          .append("\",\"url\":\"")
          .append(urls[i])
          .append("\"}");
    }
    return json(
        200,
        "{\"id\":\""
            + taskId
            + "\",\"state\":\"success\",\"err_code\":\"\",\"credits\":4,\"creations\":["
            + creations
            + "]}");
  }

  public static MockResponse failed(String taskId, String errCode) {
    return json(
        200,
        "{\"id\":\""
            + taskId
            + "\",\"state\":\"failed\",\"err_code\":\""
            + errCode
            + "\",\"credits\":0,\"creations\":[]}");
  }
}
