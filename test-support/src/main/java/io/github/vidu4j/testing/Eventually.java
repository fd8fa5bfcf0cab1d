package io.github.vidu4j.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something done on other threads; bounded (10 s), fails with a description. */
public final class Eventually {
  private Eventually() {}

  /**
   * Returns once {@code condition} holds; polls every 20 ms, fails after 10 s naming {@code what}.
   */
  public static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after 10 s waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }
}
