package io.github.vidu4j.core.internal;

import java.util.concurrent.atomic.AtomicLong;

/** The call handles of {@link io.github.vidu4j.core.ViduEventListener}'s events. */
public final class CallIds {
  private static final AtomicLong LAST = new AtomicLong();

  private CallIds() {}

  /** A handle no other call in this JVM has had: 1, 2, 3 ... */
  public static long next() {
    return LAST.incrementAndGet();
  }
}
