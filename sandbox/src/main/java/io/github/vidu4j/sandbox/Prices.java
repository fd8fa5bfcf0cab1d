package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.vidu4j.model.ReferenceToImageRequest;
import java.util.Map;

/**
 * What a task costs in the sandbox. Vidu publishes no price list in its API documentation; its docs
 * show 12 credits for a viduq2 2K image, and the other resolutions are scaled from that.
 */
final class Prices {
  private static final Map<String, Integer> BY_RESOLUTION = Map.of("1080p", 8, "2K", 12, "4K", 16);
  private static final int DEFAULT = 8;

  /**
   * Video credits per second by resolution: invented for the sandbox, modelled on Vidu's CN price
   * table (viduq3-turbo and viduq3 rows: 540p 7, 720p 12, 1080p 15 a second), not Vidu's prices.
   */
  private static final Map<String, Integer> VIDEO_PER_SECOND =
      Map.of("360p", 4, "540p", 7, "720p", 12, "1080p", 15);

  private static final int VIDEO_DEFAULT_PER_SECOND = 12;
  private static final int RECOMMENDED_PROMPT = 10;

  private Prices() {}

  /** Credits for a task of {@code request}: by resolution, 1080p's when absent or unknown. */
  static int of(ReferenceToImageRequest request) {
    String resolution = request.getResolution();
    return resolution == null ? DEFAULT : BY_RESOLUTION.getOrDefault(resolution, DEFAULT);
  }

  /**
   * Credits for a video of {@code seconds} (invented, see {@link #VIDEO_PER_SECOND}): per second by
   * resolution, half (rounded up) off-peak, plus 10 when Vidu writes the prompt ({@code is_rec}),
   * as Vidu's pages say.
   */
  static int ofVideo(JsonObject body, int seconds) {
    JsonElement resolution = body.get("resolution");
    int perSecond =
        resolution == null || !resolution.isJsonPrimitive()
            ? VIDEO_DEFAULT_PER_SECOND
            : VIDEO_PER_SECOND.getOrDefault(resolution.getAsString(), VIDEO_DEFAULT_PER_SECOND);
    int credits = perSecond * Math.max(1, seconds);
    if (flag(body, "off_peak")) {
      credits = (credits + 1) / 2;
    }
    return credits + (flag(body, "is_rec") ? RECOMMENDED_PROMPT : 0);
  }

  private static boolean flag(JsonObject body, String name) {
    JsonElement value = body.get(name);
    return value != null
        && value.isJsonPrimitive()
        && value.getAsJsonPrimitive().isBoolean()
        && value.getAsBoolean();
  }
}
