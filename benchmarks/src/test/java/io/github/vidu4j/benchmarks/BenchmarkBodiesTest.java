package io.github.vidu4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.benchmarks.Bodies.Body;
import org.junit.jupiter.api.Test;

/** Runs every benchmark body once, so a broken benchmark fails the build. No timing is asserted. */
class BenchmarkBodiesTest {
  @Test
  void everyBenchmarkRunsOnceAndHasItsRawPair() throws Exception {
    try (Bodies bodies = new Bodies(Bodies.CLASSES)) {
      assertThat(bodies.bodies()).isNotEmpty();
      for (Body body : bodies.bodies()) {
        assertThat(body.run()).as(body.className() + "." + body.name()).isNotNull();
        assertThat(bodies.bodies())
            .as("raw baseline paired with " + body.name())
            .anySatisfy(other -> {
              assertThat(other.className()).isEqualTo(body.className());
              assertThat(other.pairKey()).isEqualTo(body.pairKey());
              assertThat(other.ours()).isNotEqualTo(body.ours());
            });
      }
    }
  }
}
