package io.github.vidu4j.callback;

import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import java.time.Instant;
import java.util.Optional;

/**
 * A callback whose headers verified, as {@link CallbackVerifier#verify} hands it to a receiver:
 * genuine (signed with one of your secrets), fresh (within the date window) and new (nonce not
 * seen). Its {@link #task()} is the body as sent. The body is <em>not</em> covered by the
 * signature; see {@link CallbackVerifier} for when to re-read the task.
 */
public final class VerifiedCallback {
  private final TaskCreations task;
  private final String nonce;
  private final Instant date;
  private final byte[] rawBody;
  private final boolean replayChecked;

  VerifiedCallback(
      TaskCreations task, String nonce, Instant date, byte[] rawBody, boolean replayChecked) {
    this.task = task;
    this.nonce = nonce;
    this.date = date;
    this.rawBody = rawBody;
    this.replayChecked = replayChecked;
  }

  /**
   * Whether the nonce store confirmed the nonce was new: always {@code true} unless the verifier
   * was built with {@link CallbackVerifier.Builder#failOpenWhenNonceStoreFails()} and the store
   * failed, in which case this callback may be a replay within the date window.
   */
  public boolean replayChecked() {
    return replayChecked;
  }

  /**
   * The body read into the Get Generation model; unknown fields and states are kept (see {@code
   * RawJson}).
   */
  public TaskCreations task() {
    return task;
  }

  /** The task id from the body ({@code id}), if it has one. */
  public Optional<String> taskId() {
    return Optional.ofNullable(task.getId());
  }

  /**
   * The state from the body, as sent: a state this release does not know is kept ({@link
   * TaskState#isKnown()} is false).
   */
  public Optional<TaskState> state() {
    return Optional.ofNullable(task.getState());
  }

  /** The {@code x-request-nonce}. */
  public String nonce() {
    return nonce;
  }

  /** The signed {@code Date}. */
  public Instant date() {
    return date;
  }

  /** A copy of the raw body. */
  public byte[] rawBody() {
    return rawBody.clone();
  }

  @Override
  public String toString() {
    return "VerifiedCallback{task="
        + task.getId()
        + ", state="
        + task.getState()
        + ", nonce="
        + nonce
        + ", date="
        + date
        + (replayChecked ? "" : ", replayChecked=false")
        + "}";
  }
}
