package io.github.vidu4j.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackRequestTest {
  private static final String URL = "https://hooks.example.com/vidu/callback?tenant=acme";

  @Test
  void requestIsImmutableAndItsToStringShowsNoHeaderValues() {
    byte[] body = {1, 2, 3};
    HashMap<String, List<String>> headers =
        new HashMap<>(Map.of("X-HMAC-SIGNATURE", List.of("c2VjcmV0")));
    CallbackRequest request = CallbackRequest.of("POST", URL, headers, body);
    body[0] = 9;
    headers.put("Date", List.of("x"));
    request.body()[1] = 9;
    assertThat(request.body()).containsExactly(1, 2, 3);
    assertThat(request.headers("date")).isEmpty();
    assertThat(request.toString()).doesNotContain("c2VjcmV0").contains("3-byte body");
  }
}
