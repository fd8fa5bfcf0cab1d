package io.github.vidu4j.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A creation's files, rendered on first download: the PNG (an image, or a video's cover) and the
 * MP4. The last few are kept, as a client often downloads what it has just been told of.
 */
final class ResultFiles {
  private static final int CACHE_SIZE = 8;

  private final Map<String, byte[]> rendered = new LinkedHashMap<>(16, 0.75f, true);
  private final int maxResultSide;

  /** Pictures no larger than {@code maxResultSide} px on their longer side; 0 for their size. */
  ResultFiles(int maxResultSide) {
    this.maxResultSide = maxResultSide;
  }

  /**
   * The file of {@code creationId} ({@code png} or {@code mp4}) of {@code task}.
   *
   * @throws ApiError 404 {@code NoSuchKey} if there is no such task or file
   */
  byte[] of(@Nullable SandboxTask task, String creationId, String extension) {
    String key = creationId + "." + extension;
    synchronized (rendered) {
      byte[] cached = rendered.get(key);
      if (cached != null) {
        return cached;
      }
    }
    if (task == null || (extension.equals("mp4") && !task.isVideo())) {
      throw new ApiError(404, "NoSuchKey", "no such result");
    }
    String caption =
        "vidu4j sandbox · "
            + task.textOrEmpty("model")
            + " · "
            + task.width
            + "x"
            + task.height
            + (task.isVideo() ? " · " + task.seconds + " s at " + task.fps + " fps" : "")
            + " · seed "
            + task.seed;
    String prompt =
        task.textOrEmpty("prompt").isBlank() ? task.operation.name() : task.textOrEmpty("prompt");
    byte[] file =
        extension.equals("mp4")
            ? VideoTasks.render(task, prompt, caption)
            : renderImage(task, prompt, caption);
    synchronized (rendered) {
      rendered.put(key, file);
      if (rendered.size() > CACHE_SIZE) {
        rendered.remove(rendered.keySet().iterator().next());
      }
    }
    return file;
  }

  /** The task's picture, at most {@link SandboxOptions#maxResultSide()} on its longer side. */
  private byte[] renderImage(SandboxTask task, String prompt, String caption) {
    int width = task.width;
    int height = task.height;
    if (maxResultSide > 0 && Math.max(width, height) > maxResultSide) {
      double scale = (double) maxResultSide / Math.max(width, height);
      width = Math.max(1, (int) Math.round(width * scale));
      height = Math.max(1, (int) Math.round(height * scale));
    }
    return ResultImages.render(width, height, task.seed, prompt, caption);
  }
}
