package io.github.vidu4j.batch;

/**
 * Progress of a batch, for a display or a log. Calls come from the batch's threads, one at a time;
 * a listener that throws is ignored (the batch goes on).
 */
@FunctionalInterface
public interface BatchListener {
  /** A listener that does nothing. */
  BatchListener NONE = (line, totals) -> {};

  /**
   * {@code line} changed state (created, running, succeeded, failed); {@code totals} are the counts
   * after the change.
   */
  void lineChanged(LineResult line, BatchProgress totals);

  /** Every create is paused for {@code pause} after Vidu answered 429; default: nothing. */
  default void throttled(java.time.Duration pause, BatchProgress totals) {}
}
