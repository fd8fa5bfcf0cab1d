package io.github.vidu4j.sandbox;

import io.github.vidu4j.model.ReferenceToImageRequest;
import java.util.Map;

/**
 * What a task costs in the sandbox. Vidu publishes no price list in its API documentation; its docs
 * show 12 credits for a viduq2 2K image, and the other resolutions are scaled from that.
 */
final class Prices {
  private static final Map<String, Integer> BY_RESOLUTION = Map.of("1080p", 8, "2K", 12, "4K", 16);
  private static final int DEFAULT = 8;

  private Prices() {}

  /** Credits for a task of {@code request}: by resolution, 1080p's when absent or unknown. */
  static int of(ReferenceToImageRequest request) {
    String resolution = request.getResolution();
    return resolution == null ? DEFAULT : BY_RESOLUTION.getOrDefault(resolution, DEFAULT);
  }
}
