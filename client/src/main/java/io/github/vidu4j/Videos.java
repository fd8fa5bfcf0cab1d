package io.github.vidu4j;

import io.github.vidu4j.model.ImageToVideoRequest;
import io.github.vidu4j.model.ReferenceToVideoRequest;
import io.github.vidu4j.model.StartEndToVideoRequest;
import io.github.vidu4j.model.TextToVideoRequest;
import io.github.vidu4j.model.VideoTask;
import io.github.vidu4j.validation.GenerationOperation;

/**
 * Creates video tasks with the generated request models: each method is {@link Generations}' create
 * for its operation (validated by the spec's rules first; never created twice). Await with {@link
 * Tasks#await(String)}, download with {@link Downloads} (files {@code <task id>-<n>.mp4}). Obtain
 * from {@link ViduClient#videos()}.
 */
public final class Videos {
  /** {@code POST /ent/v2/text2video}. */
  public static final GenerationOperation TEXT_TO_VIDEO = operation("text2video");

  /** {@code POST /ent/v2/img2video}. */
  public static final GenerationOperation IMAGE_TO_VIDEO = operation("img2video");

  /** {@code POST /ent/v2/start-end2video}. */
  public static final GenerationOperation START_END_TO_VIDEO = operation("start-end2video");

  /** {@code POST /ent/v2/reference2video} (images mode). */
  public static final GenerationOperation REFERENCE_TO_VIDEO = operation("reference2video");

  private final Generations generations;

  Videos(Generations generations) {
    this.generations = generations;
  }

  private static GenerationOperation operation(String name) {
    return GenerationOperation.named(name).orElseThrow();
  }

  /** A video from a text prompt. */
  public VideoTask textToVideo(TextToVideoRequest request, RequestOptions options) {
    return generations.create(TEXT_TO_VIDEO, request, options, VideoTask.class);
  }

  /** A video from one image, its first frame. */
  public VideoTask imageToVideo(ImageToVideoRequest request, RequestOptions options) {
    return generations.create(IMAGE_TO_VIDEO, request, options, VideoTask.class);
  }

  /** A video between a start and an end frame. */
  public VideoTask startEndToVideo(StartEndToVideoRequest request, RequestOptions options) {
    return generations.create(START_END_TO_VIDEO, request, options, VideoTask.class);
  }

  /** A video from 1 to 7 reference images. */
  public VideoTask referenceToVideo(ReferenceToVideoRequest request, RequestOptions options) {
    return generations.create(REFERENCE_TO_VIDEO, request, options, VideoTask.class);
  }
}
