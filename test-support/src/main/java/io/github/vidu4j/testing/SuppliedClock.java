package io.github.vidu4j.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A UTC clock reading its instant from a supplier: set by a test, or failing on demand. */
public final class SuppliedClock extends Clock {
  private final Supplier<Instant> now;

  /** A clock whose every reading is {@code now.get()}. */
  public SuppliedClock(Supplier<Instant> now) {
    this.now = now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
