package io.github.vidu4j.sandbox;

/**
 * A way to deliver a task's callbacks wrongly, for testing receivers. See {@link
 * Faults#nextCallbacks}.
 */
public enum CallbackFault {
  /**
   * Each callback is delivered twice, the second time freshly signed (new nonce): receivers must be
   * idempotent.
   */
  DUPLICATE,
  /**
   * Each callback is delivered twice with identical headers: receivers must refuse the second as
   * replayed.
   */
  REPLAY,
  /** The {@code processing} callback is held back and delivered after the final one. */
  OUT_OF_ORDER,
  /** Callbacks are signed with a wrong secret: receivers must refuse them. */
  BAD_SIGNATURE
}
