package io.github.vidu4j.sandbox;

/**
 * How many tasks are unfinished and processing, and the most there ever were at once: what a client
 * kept in flight. Not thread-safe: the engine calls it under its lock.
 */
final class Occupancy {
  private int unfinished;
  private int peakUnfinished;
  private int peakProcessing;

  void created() {
    peakUnfinished = Math.max(peakUnfinished, ++unfinished);
  }

  void ended() {
    unfinished--;
  }

  void processing(int now) {
    peakProcessing = Math.max(peakProcessing, now);
  }

  int peakUnfinished() {
    return peakUnfinished;
  }

  int peakProcessing() {
    return peakProcessing;
  }
}
