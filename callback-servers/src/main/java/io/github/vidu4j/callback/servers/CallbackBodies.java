package io.github.vidu4j.callback.servers;

import io.github.vidu4j.core.ViduException;
import java.io.IOException;
import java.io.InputStream;

/** The raw body of a callback from a server's stream, bounded. */
final class CallbackBodies {
  /**
   * The longest callback body the adapters read: 1 MiB. A callback carries one task (its prompt, up
   * to 7 image URLs and the result URLs), a few KB; the bound keeps an unauthenticated sender from
   * making a receiver buffer what it likes before the signature is checked.
   */
  static final int MAX_BYTES = 1024 * 1024;

  private CallbackBodies() {}

  /** The whole body, or a {@link ViduException} if it is over {@link #MAX_BYTES}. */
  static byte[] read(InputStream in) {
    try (in) {
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        throw new ViduException(
            "the callback body is over " + MAX_BYTES + " bytes: not a Vidu callback");
      }
      return body;
    } catch (IOException e) {
      // The sender went away mid-body: nothing to verify.
      throw new ViduException("cannot read the callback body: " + e.getClass().getSimpleName(), e);
    }
  }
}
