package io.github.vidu4j.core;

import java.time.Duration;

/**
 * Waits between attempts and between blocking polls ({@code ViduClient.Builder#sleeper});
 * replaceable in tests so that nothing really sleeps. The default is {@link Thread#sleep}. Users
 * give one to the builder in tests; the client and its waits call it.
 */
@FunctionalInterface
public interface Sleeper {
  /** Blocks for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;
}
