package io.github.vidu4j.batch;

import io.github.vidu4j.model.ReferenceToImageRequest;
import org.jspecify.annotations.Nullable;

/**
 * The tag each create carries in {@code payload}, unique to the batch, the line and the attempt:
 * Vidu returns it with the task, so a task whose create answer was lost can be found again by
 * listing recent tasks. A line's own payload follows the tag after a newline.
 */
final class PayloadTag {
  private static final String PREFIX = "vidu4j-batch:";

  /** As long as any real tag: a batch id is a UUID, line and attempt numbers fit in an int. */
  static final String LONGEST =
      PREFIX + "00000000-0000-0000-0000-000000000000:2147483647:2147483647";

  private PayloadTag() {}

  static String of(String batchId, int line, int attempt) {
    return PREFIX + batchId + ":" + line + ":" + attempt;
  }

  /** The line's request with the tag in front of its payload. */
  static ReferenceToImageRequest tagged(BatchLine line, String tag) {
    ReferenceToImageRequest request = line.request();
    String own = request.getPayload();
    request.setPayload(own == null ? tag : tag + "\n" + own);
    return request;
  }

  static boolean matches(@Nullable String payload, String tag) {
    return payload != null && (payload.equals(tag) || payload.startsWith(tag + "\n"));
  }
}
