package io.github.vidu4j.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UTC clock that moves only when {@link #sleep} is called, so retries and polls take no real
 * time. Starts at 2026-11-25T10:00:00Z. A test module adapts it to the sleeper interface it needs
 * (the client's {@code FakeTime extends FakeTime implements Sleeper}).
 */
public class FakeTime extends Clock {
  private volatile Instant now = Instant.parse("2026-11-25T10:00:00Z");

  /** Every duration slept, in order. */
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** Records {@code duration} and moves the clock on by it, at once. */
  public void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
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
    return now;
  }
}
