package io.github.vidu4j.contract.consumer;

import static io.github.vidu4j.contract.Contract.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import au.com.dius.pact.consumer.MockServer;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduApiException;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The checks every error interaction makes of the {@link ViduApiException} the client throws. */
final class ApiErrors {
  private ApiErrors() {}

  /**
   * {@code call} throws a {@link ViduApiException} with {@code status}, a reason containing {@code
   * reason} and {@code retryable}; {@code more} checks what is particular to the interaction.
   */
  static void assertThrows(
      ThrowingCallable call,
      int status,
      String reason,
      boolean retryable,
      Consumer<ViduApiException> more) {
    assertThatExceptionOfType(ViduApiException.class)
        .isThrownBy(call)
        .satisfies(
            e -> {
              assertThat(e.statusCode()).isEqualTo(status);
              assertThat(e.reason()).contains(reason);
              assertThat(e.isRetryable()).isEqualTo(retryable);
              more.accept(e);
            });
  }

  /**
   * As {@link #assertThrows(ThrowingCallable, int, String, boolean, Consumer)}, {@code call} made
   * with the contract's client for {@code server}.
   */
  static void assertThrows(
      MockServer server,
      Consumer<ViduClient> call,
      int status,
      String reason,
      boolean retryable,
      Consumer<ViduApiException> more) {
    try (ViduClient client = clientFor(server)) {
      assertThrows(() -> call.accept(client), status, reason, retryable, more);
    }
  }
}
