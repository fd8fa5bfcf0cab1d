package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * When the sandbox itself goes wrong, a client still gets an answer, and the fault is caught early
 * where it can be.
 */
class SandboxBugsTest {
  @Test
  void aBugAnswers500InternalServiceFailureAndIsRecorded() {
    // A clock that fails on demand: a stand-in for any bug inside the sandbox.
    AtomicBoolean broken = new AtomicBoolean();
    Clock clock =
        new SuppliedClock(
            () -> {
              if (broken.get()) {
                throw new IllegalStateException("the clock broke");
              }
              return Instant.now();
            });
    try (ViduSandbox sandbox =
            ViduSandbox.start(SandboxOptions.fast().toBuilder().clock(clock).build());
        ViduClient client = sandbox.clientBuilder().maxRetries(0).build()) {
      broken.set(true);
      assertThatThrownBy(() -> client.tasks().list(TaskQuery.all()))
          .isInstanceOfSatisfying(
              ViduApiException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.reason()).contains("InternalServiceFailure");
                assertThat(e.getMessage())
                    .contains("bug in the vidu4j sandbox")
                    .contains("the clock broke");
              });

      List<RecordedExchange> received = sandbox.received(Operation.LIST_TASKS);
      assertThat(received)
          .singleElement()
          .satisfies(
              exchange -> {
                assertThat(exchange.status()).isEqualTo(500);
                assertThat(exchange.responseBody())
                    .contains("InternalServiceFailure")
                    .doesNotContain("\tat ", "SandboxHttp");
              });

      broken.set(false);
      assertThat(client.tasks().list(TaskQuery.all()).getTasks()).isEmpty();
    }
  }

  @Test
  void anExtraFieldFaultThatIsNotJsonIsRefusedWhenMade() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.extraField("x_broken", "{\"a\":"))
        .withMessageContaining("x_broken")
        .withMessageContaining("{\"a\":");
    assertThatIllegalArgumentException().isThrownBy(() -> Fault.extraField(" ", "1"));
    assertThat(Fault.extraField("x_ok", "{\"a\":1}"))
        .hasToString("Fault.extraField(x_ok, {\"a\":1})");
  }
}
