package io.github.vidu4j.callback;

import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.ViduException;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The signed parts of callback URLs: those registered with the builder, parsed there, and the last
 * other one seen. A receiver verifies against the one URL it registered, so parsing it once is
 * enough: {@code new URI} costs as much as the HMAC. Thread-safe.
 */
final class CallbackTargets implements Function<String, SigningString.Target> {
  private final Map<String, SigningString.Target> registered;
  private volatile SigningString.@Nullable Target last;

  CallbackTargets(Map<String, SigningString.Target> registered) {
    this.registered = Map.copyOf(registered);
  }

  /**
   * The signed parts of {@code callbackUrl}.
   *
   * @throws ViduException if it cannot be parsed: at verify time, a failure like any other of a
   *     receiver's run, not a verdict on the callback
   */
  @Override
  public SigningString.Target apply(String callbackUrl) {
    SigningString.Target known = registered.get(callbackUrl);
    if (known != null) {
      return known;
    }
    SigningString.Target seen = last;
    if (seen != null && seen.url.equals(callbackUrl)) {
      return seen;
    }
    try {
      seen = SigningString.Target.of(callbackUrl);
    } catch (IllegalArgumentException e) {
      // The message shows the URL through SafeUrl (query names only).
      throw new ViduException("the callback URL cannot be parsed: " + e.getMessage());
    }
    last = seen;
    return seen;
  }

  /**
   * A URL registered with the builder, parsed.
   *
   * @throws InvalidSettingException {@code callbackUrl} if it cannot be parsed
   */
  static SigningString.Target parseRegistered(String callbackUrl) {
    try {
      return SigningString.Target.of(callbackUrl);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException("callbackUrl", "cannot be parsed: " + e.getMessage());
    }
  }
}
