package io.github.vidu4j.batch;

import io.github.vidu4j.ViduClient;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * (A copy of the client tests' harness until the test helpers have a module of their own.) A
 * MockWebServer on loopback and a client pointed at it, with fake time.
 */
abstract class ClientHarness {
  static final String API_KEY = "vda_test_9f8e7d6c5b4a";

  final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  ViduClient client;

  @BeforeEach
  void startServer() throws Exception {
    server.start();
    client = client(b -> b);
  }

  @AfterEach
  void stopServer() throws Exception {
    client.close();
    server.close();
  }

  ViduClient client(UnaryOperator<ViduClient.Builder> options) {
    return options
        .apply(
            ViduClient.builder()
                .apiKey(API_KEY)
                .baseUrl(server.url("/").toString())
                .clock(time)
                .sleeper(time)
                .callTimeout(java.time.Duration.ofSeconds(10)))
        .build();
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request arrived");
    }
    return request;
  }
}
