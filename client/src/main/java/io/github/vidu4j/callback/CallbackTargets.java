package io.github.vidu4j.callback;

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
   * @throws CallbackConfigurationException if it cannot be parsed
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
    seen = parse(callbackUrl);
    last = seen;
    return seen;
  }

  /**
   * @throws CallbackConfigurationException if {@code callbackUrl} cannot be parsed
   */
  static SigningString.Target parse(String callbackUrl) {
    try {
      return SigningString.Target.of(callbackUrl);
    } catch (IllegalArgumentException e) {
      // The message shows the URL through SafeUrl (query names only).
      throw new CallbackConfigurationException(
          "the registered callback URL cannot be parsed: " + e.getMessage());
    }
  }
}
