package io.github.vidu4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scale rows at a tiny size, so a broken one fails the build as {@link BenchmarkBodiesTest}
 * does for the JMH bodies. No timing is asserted beyond what makes a row's figures meaningful.
 */
class ScaleRowsTest {
  @Test
  void tenAwaitsAllEndAtTheirDeadline() throws Exception {
    Map<String, Object> row = ScaleAwaits.run(10, Duration.ofMillis(500), 20);

    assertThat(row).containsEntry("awaits", 10).containsEntry("timedOut", 10);
    assertThat(row).containsEntry("otherOutcome", 0);
    assertThat((long) row.get("endMinMillis")).isGreaterThanOrEqualTo(500);
    assertThat((int) row.get("polls")).isGreaterThanOrEqualTo(10);
  }

  @Test
  void aTwentyLineBatchSucceedsAndReportsItsHeap() throws Exception {
    Map<String, Object> row = ScaleBatch.runHere(20, 4);

    assertThat(row).containsEntry("lines", 20).containsEntry("succeeded", 20);
    assertThat(row).containsEntry("allSucceeded", true);
    assertThat((double) row.get("peakSampledUsedMb")).isPositive();
  }

  @Test
  void threadsSharingOneClientAndOneRawClientBothCount() throws Exception {
    Map<String, Object> row = ScaleSharedClient.run(4, Duration.ofMillis(100), 1);

    for (String side : new String[] {"ours", "raw"}) {
      @SuppressWarnings("unchecked")
      Map<String, Object> s = (Map<String, Object>) row.get(side);
      assertThat((int) s.get("calls")).as(side).isPositive();
      assertThat((long) s.get("p99Micros"))
          .as(side)
          .isGreaterThanOrEqualTo((long) s.get("p50Micros"));
    }
  }
}
