package io.github.vidu4j;

import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.model.TaskCreations;
import java.util.Objects;

/**
 * Verify, then confirm: checks a callback's signature and then reads the task from Vidu, so you
 * act on Vidu's own answer rather than on the (unsigned) body. Obtain from {@link
 * ViduClient#callbacks()}. Use it before acting on money or state; {@link
 * CallbackVerifier#verify} alone is enough to acknowledge or refresh a display.
 */
public final class Callbacks {
  private final Tasks tasks;

  Callbacks(Tasks tasks) {
    this.tasks = tasks;
  }

  /**
   * Verifies {@code request} with {@code verifier}, then returns the task as {@code GET
   * /ent/v2/tasks/{id}/creations} reports it now (its state may be later than the callback's).
   *
   * @throws io.github.vidu4j.callback.InvalidSignatureException if verification fails (nothing is fetched)
   * @throws ViduException if the body names no task, or reading the task fails
   */
  public TaskCreations verifyAndFetch(CallbackVerifier verifier, CallbackRequest request) {
    Objects.requireNonNull(verifier, "verifier == null");
    VerifiedCallback callback = verifier.verify(request);
    String taskId = callback.taskId()
        .or(() -> RawJson.field(callback.task(), "task_id"))
        .filter(id -> !id.isBlank())
        .orElseThrow(() -> new ViduException("the callback verified but its body has no task id to confirm with"));
    return tasks.get(taskId);
  }
}
