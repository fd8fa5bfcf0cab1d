package io.github.vidu4j.benchmarks;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a sample (no interpolation: every figure is one that was measured).
 */
final class Percentiles {
  private final long[] sorted;

  Percentiles(long[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    sorted = values.clone();
    Arrays.sort(sorted);
  }

  /** The value at or below which {@code p} per cent of the sample lies (nearest rank). */
  long at(double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  long min() {
    return sorted[0];
  }

  long max() {
    return sorted[sorted.length - 1];
  }

  int count() {
    return sorted.length;
  }
}
