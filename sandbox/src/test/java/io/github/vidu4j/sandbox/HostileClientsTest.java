package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.ViduClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Clients that attack the sandbox: unauthenticated bodies, bodies over Vidu's limit, bodies that
 * never end.
 */
class HostileClientsTest {
  private static final String CREATE = "POST /ent/v2/reference2image HTTP/1.1";
  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  @Test
  void anUnauthenticatedRequestIsRefusedWithoutItsBodyBeingRead() throws Exception {
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast())) {
      // Ten megabytes announced, none sent: a sandbox that reads first would wait for them.
      RawHttp.Answer answer =
          RawHttp.connect(sandbox.port())
              .head(CREATE, true, "Content-Type: application/json", "Content-Length: 10000000")
              .answer(PROMPTLY);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(sandbox.received())
          .singleElement()
          .satisfies(
              exchange -> {
                assertThat(exchange.status()).isEqualTo(401);
                assertThat(exchange.requestBody()).isEmpty();
              });
    }
  }

  @Test
  void aDeclaredBodyOverVidusLimitIsRefusedWith413BeforeReading() throws Exception {
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast())) {
      RawHttp.Answer answer =
          RawHttp.connect(sandbox.port())
              .head(
                  CREATE,
                  true,
                  auth(sandbox),
                  "Content-Type: application/json",
                  "Content-Length: 10000000000")
              .answer(PROMPTLY);

      assertThat(answer.status()).isEqualTo(413);
    }
  }

  @Test
  void aChunkedBodyIsCountedWhileReadAndRefusedWith413AtTheLimit() throws Exception {
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast())) {
      // 30 MB of chunks against the real limit (20 MB and a margin): counted, cut off, refused.
      RawHttp.Answer answer =
          RawHttp.connect(sandbox.port())
              .head(
                  CREATE,
                  true,
                  auth(sandbox),
                  "Content-Type: application/json",
                  "Transfer-Encoding: chunked")
              .streamBody(30_000_000, true)
              .answer(Duration.ofSeconds(20));

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.bodyBytesWritten()).isLessThan(30_000_000);
      try (ViduClient client = sandbox.newClient()) {
        assertThat(client.credits().getRemains()).isNotEmpty();
      }
    }
  }

  @Test
  void aBodyOfVidusFullTwentyMegabytesIsStillRead() throws Exception {
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast())) {
      // Not JSON, so Vidu's 400: what matters is that the limit is not stricter than Vidu's.
      RawHttp.Answer answer =
          RawHttp.connect(sandbox.port())
              .head(
                  CREATE,
                  true,
                  auth(sandbox),
                  "Content-Type: application/json",
                  "Content-Length: 20000000")
              .streamBody(20_000_000, false)
              .answer(Duration.ofSeconds(20));

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.bodyBytesWritten()).isEqualTo(20_000_000);
    }
  }

  @Test
  void aRecordedExchangeKeepsOnlyABoundedPrefixOfItsBody() throws Exception {
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast())) {
      RawHttp.Answer answer =
          RawHttp.connect(sandbox.port())
              .head(
                  CREATE,
                  true,
                  auth(sandbox),
                  "Content-Type: application/json",
                  "Content-Length: 1000000")
              .streamBody(1_000_000, false)
              .answer(PROMPTLY);

      assertThat(answer.status()).isEqualTo(400);
      assertThat(sandbox.received())
          .singleElement()
          .satisfies(
              exchange -> {
                assertThat(exchange.requestBodyLength()).isEqualTo(1_000_000);
                assertThat(exchange.requestBody())
                    .hasSize(RecordedExchange.MAX_RECORDED_BODY_BYTES)
                    .matches("x+");
              });
    }
  }

  @Test
  void theBodyLimitIsConfigurableAndCountsChunkedBodiesToo() throws Exception {
    try (ViduSandbox sandbox =
        ViduSandbox.start(SandboxOptions.fast().toBuilder().maxRequestBodyBytes(100_000).build())) {
      RawHttp.Answer chunked =
          RawHttp.connect(sandbox.port())
              .head(CREATE, true, auth(sandbox), "Transfer-Encoding: chunked")
              .streamBody(5_000_000, true)
              .answer(PROMPTLY);
      RawHttp.Answer declared =
          RawHttp.connect(sandbox.port())
              .head(CREATE, true, auth(sandbox), "Content-Length: 100001")
              .answer(PROMPTLY);
      RawHttp.Answer atTheLimit =
          RawHttp.connect(sandbox.port())
              .head(CREATE, true, auth(sandbox), "Content-Length: 100000")
              .streamBody(100_000, false)
              .answer(PROMPTLY);

      assertThat(chunked.status()).isEqualTo(413);
      assertThat(declared.status()).isEqualTo(413);
      assertThat(atTheLimit.status()).isEqualTo(400);
      assertThat(sandbox.received())
          .filteredOn(e -> e.status() == 413)
          .hasSize(2)
          .allSatisfy(
              e -> {
                assertThat(e.requestBody()).isEmpty();
                assertThat(e.responseBody())
                    .contains("RequestEntityTooLarge")
                    .contains("100000 bytes");
              });
      // Reading stopped just past the limit for the chunked body; the declared one was not read at
      // all.
      assertThat(sandbox.received().get(0).requestBodyLength())
          .isGreaterThan(100_000)
          .isLessThan(1_000_000);
      assertThat(sandbox.received().get(1).requestBodyLength()).isZero();
      assertThat(chunked.bodyBytesWritten()).isLessThan(5_000_000);
    }
  }

  static String auth(ViduSandbox sandbox) {
    return "Authorization: Token " + sandbox.demoKey();
  }
}
