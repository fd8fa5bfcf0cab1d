package io.github.vidu4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.benchmarks.Bodies.Body;
import io.github.vidu4j.testing.LocalRedisServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark body once, so a broken benchmark fails the build. No timing is asserted. The
 * Redis row needs {@code redis-server} on the PATH; without it this fails, unless {@code
 * -Dvidu4j.redis.skip=true} leaves that one row out.
 */
class BenchmarkBodiesTest {
  @Test
  void everyBenchmarkRunsOnceAndHasItsRawPair() throws Exception {
    List<Class<?>> classes = new ArrayList<>(Bodies.CLASSES);
    if (!LocalRedisServer.available() && Boolean.getBoolean("vidu4j.redis.skip")) {
      classes.remove(VerifyRedisBenchmark.class);
    }
    try (Bodies bodies = new Bodies(classes)) {
      assertThat(bodies.bodies()).isNotEmpty();
      for (Body body : bodies.bodies()) {
        assertThat(body.run()).as(body.className() + "." + body.name()).isNotNull();
        assertThat(bodies.bodies())
            .as("raw baseline paired with " + body.name())
            .anySatisfy(
                other -> {
                  assertThat(other.className()).isEqualTo(body.className());
                  assertThat(other.pairKey()).isEqualTo(body.pairKey());
                  assertThat(other.ours()).isNotEqualTo(body.ours());
                });
      }
    }
  }
}
