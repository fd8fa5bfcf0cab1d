package io.github.vidu4j.sandbox;

import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import java.time.ZoneOffset;

/**
 * What is particular to the tasks of {@code reference2image}: Vidu's defaults from the spec's model
 * rules and the create response, as the generated models (for videos: {@link VideoTasks}).
 */
final class ImageTasks {
  static final SpecOperation OPERATION = SpecRules.named("reference2image");

  private ImageTasks() {}

  /**
   * {@code request} with its model's defaults (the spec's {@code x-vidu-model-rules}) for what it
   * leaves out, so a task shows them as Vidu's do; every task's request has been through this.
   */
  static ReferenceToImageRequest withVidusDefaults(ReferenceToImageRequest request) {
    SpecModel rules =
        request.getModel() == null ? null : OPERATION.models().get(request.getModel());
    if (rules != null) {
      if (request.getAspectRatio() == null) {
        request.setAspectRatio(rules.defaultAspectRatio());
      }
      if (request.getResolution() == null) {
        request.setResolution(rules.defaultResolution());
      }
    }
    return request;
  }

  /** An image task as {@code POST /ent/v2/reference2image} answers it. */
  static ReferenceToImageTask createdView(SandboxTask task) {
    return new ReferenceToImageTask()
        .taskId(task.id)
        .state(task.state)
        .model(task.text("model"))
        .prompt(task.text("prompt"))
        .images(task.images())
        .seed(task.body.has("seed") ? task.body.get("seed").getAsInt() : 0)
        .aspectRatio(task.text("aspect_ratio"))
        .resolution(task.text("resolution"))
        .callbackUrl(task.text("callback_url"))
        .payload(task.textOrEmpty("payload"))
        .credits(task.credits)
        .createdAt(task.createdAt.atOffset(ZoneOffset.UTC));
  }
}
