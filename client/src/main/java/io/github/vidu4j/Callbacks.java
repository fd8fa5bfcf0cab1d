package io.github.vidu4j;

import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskCreations;
import java.util.Objects;

/**
 * Verify, then confirm: checks a callback's signature and then reads the task from Vidu, so you act
 * on Vidu's own answer rather than on the (unsigned) body. Obtain from {@link
 * ViduClient#callbacks()}. Use it before acting on money or state; {@link CallbackVerifier#verify}
 * alone is enough to acknowledge or refresh a display.
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
   * @throws io.github.vidu4j.core.InvalidSignatureException if verification fails (nothing is
   *     fetched)
   * @throws ViduException if the body names no task, or reading the task fails
   */
  public TaskCreations verifyAndFetch(CallbackVerifier verifier, CallbackRequest request) {
    return tasks.get(verifiedTaskId(tasks, verifier, request));
  }

  /** {@code taskId}, once {@code request} verified: the id comes from the caller, not the body. */
  static String verifiedGivenId(CallbackVerifier verifier, CallbackRequest request, String taskId) {
    Objects.requireNonNull(verifier, "verifier == null");
    // Before verify: a refused id must not spend the callback's nonce.
    Tasks.requireId(taskId);
    verifier.verify(request);
    return taskId;
  }

  static String verifiedTaskId(Tasks tasks, CallbackVerifier verifier, CallbackRequest request) {
    Objects.requireNonNull(verifier, "verifier == null");
    VerifiedCallback callback = verifier.verify(request);
    String taskId =
        callback
            .taskId()
            .or(() -> RawJson.field(callback.task(), ReferenceToImageTask.SERIALIZED_NAME_TASK_ID))
            .filter(id -> !id.isBlank())
            .orElseThrow(
                () ->
                    new ViduException(
                        "the callback verified but its body has no task id to confirm with;"
                            + " pass the id you know, with verifyAndFetch(verifier, request, taskId)"));
    if (!Tasks.isTaskId(taskId)) {
      // The body is not signed: its id is the sender's text, not the caller's mistake.
      throw new ViduException(
          "the callback verified but its body's task id \""
              + tasks.quote(taskId)
              + "\" is not a task id; pass the id you know, with verifyAndFetch(verifier, request,"
              + " taskId)");
    }
    return taskId;
  }

  /**
   * Verifies {@code request}, then reads task {@code taskId} from Vidu. Use it when the id comes
   * from your own records rather than from the body: the signature does not cover the body, and
   * Vidu's docs show callback bodies without an {@code id}. A callback URL carrying your own
   * reference (for example {@code ?order=1234}, which is signed) lets you look the task up.
   *
   * @throws io.github.vidu4j.core.InvalidSignatureException if verification fails (nothing is
   *     fetched)
   * @throws ViduException if reading the task fails
   */
  public TaskCreations verifyAndFetch(
      CallbackVerifier verifier, CallbackRequest request, String taskId) {
    return tasks.get(verifiedGivenId(verifier, request, taskId));
  }
}
