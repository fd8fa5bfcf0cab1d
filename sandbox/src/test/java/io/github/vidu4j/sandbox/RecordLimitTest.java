package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import org.junit.jupiter.api.Test;

/** A long-running sandbox keeps only the most recent records: its memory stays bounded. */
class RecordLimitTest {
  @Test
  void onlyTheMostRecentRequestsAreKept() {
    try (ViduSandbox sandbox =
            ViduSandbox.start(SandboxOptions.fast().toBuilder().recordLimit(3).build());
        ViduClient client = sandbox.clientBuilder().maxRetries(0).build()) {
      for (int i = 1; i <= 5; i++) {
        String id = "t-" + i;
        assertThatThrownBy(() -> client.tasks().get(id)).isInstanceOf(ViduApiException.class);
      }
      assertThat(sandbox.received())
          .extracting(RecordedExchange::path)
          .containsExactly(
              "/ent/v2/tasks/t-3/creations",
              "/ent/v2/tasks/t-4/creations",
              "/ent/v2/tasks/t-5/creations");
    }
  }

  @Test
  void onlyTheMostRecentCallbackAttemptsAreKept() {
    try (ViduSandbox sandbox =
            ViduSandbox.start(SandboxOptions.fast().toBuilder().recordLimit(3).build());
        ViduClient client = sandbox.newClient()) {
      // Nothing listens there: processing once, then success four times (three retries), five
      // attempts in all.
      client
          .images()
          .create(
              new ReferenceToImageRequest()
                  .model("viduq2")
                  .prompt("nobody home")
                  .callbackUrl("http://127.0.0.1:9/unreachable"));
      Eventually.await(
          "the last retry", () -> sandbox.callbacksSent().stream().anyMatch(c -> c.attempt() == 4));

      assertThat(sandbox.callbacksSent())
          .extracting(SentCallback::state, SentCallback::attempt)
          .containsExactly(tuple("success", 2), tuple("success", 3), tuple("success", 4));
    }
  }

  @Test
  void theLimitIsPositiveAndDefaultsToAThousand() {
    assertThat(SandboxOptions.defaults().recordLimit()).isEqualTo(1_000);
    assertThat(
            SandboxOptions.fast().toBuilder().recordLimit(7).build().toBuilder()
                .build()
                .recordLimit())
        .isEqualTo(7);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SandboxOptions.builder().recordLimit(0))
        .withMessageContaining("recordLimit");
  }
}
