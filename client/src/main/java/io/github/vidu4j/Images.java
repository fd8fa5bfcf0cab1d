package io.github.vidu4j;

import com.google.gson.JsonObject;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.ImageInput;
import java.util.List;

/**
 * Creates image tasks with the generated request model: each method is {@link Generations}' create
 * for {@code POST /ent/v2/reference2image} (validated by the spec's rules first; never created
 * twice). With a model that takes no images ({@code min_images} 0) and none given, this is
 * text-to-image. The same calls returning futures are on {@link ViduClient#async()}; per-call
 * options (extra body fields, a time limit, retries) are {@link RequestOptions}. Obtain from {@link
 * ViduClient#images()}.
 */
public final class Images {
  /** {@code POST /ent/v2/reference2image}. */
  public static final GenerationOperation REFERENCE_TO_IMAGE =
      GenerationOperation.named("reference2image").orElseThrow();

  private final Generations generations;

  Images(Generations generations) {
    this.generations = generations;
  }

  /**
   * Checks {@code request} with this client's validator without sending anything.
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  public void validate(ReferenceToImageRequest request) {
    generations.validate(REFERENCE_TO_IMAGE, Generations.json(request), RequestOptions.defaults());
  }

  /**
   * Validates and submits {@code request}; returns as soon as Vidu accepted the task (state {@code
   * created}). Wait for the result with {@link Tasks#await(String)} or a callback.
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  public ReferenceToImageTask create(ReferenceToImageRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /** {@link #create(ReferenceToImageRequest)} with {@code options} for this call. */
  public ReferenceToImageTask create(ReferenceToImageRequest request, RequestOptions options) {
    return generations.create(REFERENCE_TO_IMAGE, request, options, ReferenceToImageTask.class);
  }

  /**
   * {@link #create(ReferenceToImageRequest)} with {@code images} in place of the request's {@code
   * images} list (which must be empty or unset), streamed: see {@link
   * Generations#create(GenerationOperation, JsonObject, List, RequestOptions)}.
   *
   * @throws io.github.vidu4j.validation.ViduValidationException listing every violation
   */
  public ReferenceToImageTask create(ReferenceToImageRequest request, List<ImageInput> images) {
    JsonObject task =
        generations.create(
            REFERENCE_TO_IMAGE, Generations.json(request), images, RequestOptions.defaults());
    return generations.typed(REFERENCE_TO_IMAGE, task, ReferenceToImageTask.class);
  }

  /**
   * {@link #createAndAwait(ReferenceToImageRequest, AwaitOptions)} with {@link
   * AwaitOptions#defaults()}: polls every 1 s for 2 minutes, then less often up to every 10 s, for
   * at most 10 minutes.
   */
  public TaskCreations createAndAwait(ReferenceToImageRequest request) {
    return createAndAwait(request, AwaitOptions.defaults());
  }

  /**
   * {@link #create} then {@link Tasks#await(String, AwaitOptions)}: the finished task, with its
   * {@code creations}.
   *
   * @throws TaskFailedException if the task ends {@code failed}
   * @throws TaskTimeoutException if it does not finish in time (it goes on; the exception has its
   *     id)
   * @throws ViduResponseException if Vidu's answer to the create has no usable {@code task_id} (the
   *     task may exist: the message says how to look for it)
   */
  public TaskCreations createAndAwait(ReferenceToImageRequest request, AwaitOptions options) {
    return generations.createAndAwait(
        REFERENCE_TO_IMAGE, Generations.json(request), RequestOptions.defaults(), options);
  }
}
