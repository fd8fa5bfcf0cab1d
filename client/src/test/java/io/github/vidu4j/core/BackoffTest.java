package io.github.vidu4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff curve = Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(8));

  @Test
  void eachStepDoublesUpToTheMaximum() {
    assertThat(curve.step(0)).isEqualTo(Duration.ofMillis(500));
    assertThat(curve.step(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(curve.step(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(curve.step(5)).isEqualTo(Duration.ofSeconds(8));
    assertThat(curve.step(1_000)).as("no overflow").isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void aJitteredStepIsBetweenHalfTheStepAndTheStep() {
    for (int i = 0; i < 1_000; i++) {
      assertThat(curve.jittered(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
  }

  @Test
  void aCurveMustStartAboveZeroAndNotEndBelowItsStart() {
    assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidSettingException.class);
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("PT2S");
  }
}
