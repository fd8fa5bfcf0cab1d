package io.github.vidu4j.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

class NonceConcurrencyTest {
  @RepeatedTest(20)
  void eightThreadsVerifyingTheSameNonceAcceptExactlyOne() throws Exception {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    String url = "https://hooks.example.com/vidu";
    Map<String, List<String>> headers = new LinkedHashMap<>();
    CallbackSigner.withSecret("k")
        .sign("POST", url, now, "the-nonce")
        .forEach((k, v) -> headers.put(k, List.of(v)));
    CallbackRequest request =
        CallbackRequest.of("POST", url, headers, "{}".getBytes(StandardCharsets.UTF_8));
    CallbackVerifier verifier =
        CallbackVerifier.builder().secret("k").clock(Clock.fixed(now, ZoneOffset.UTC)).build();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    verifier.verify(request);
                    return "accepted";
                  } catch (InvalidSignatureException e) {
                    return e.reason().name();
                  }
                }));
      }
      start.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        results.add(outcome.get(10, TimeUnit.SECONDS));
      }
      assertThat(results).containsOnlyOnce("accepted");
      assertThat(results)
          .filteredOn(r -> !r.equals("accepted"))
          .hasSize(7)
          .containsOnly(Reason.REPLAYED.name());
    } finally {
      pool.shutdownNow();
    }
  }
}
