package io.github.vidu4j.callback;

import io.github.vidu4j.core.InvalidSettingException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs a callback exactly as Vidu does, producing its six headers; for receivers' tests and for
 * emulators (the sandbox, {@code vidu callback sign}):
 *
 * <pre>{@code
 * Map<String, String> headers = CallbackSigner.withSecret(apiKey)
 *     .sign("POST", "https://example.com/vidu/callback?tenant=acme", Instant.now(), UUID.randomUUID().toString());
 * }</pre>
 *
 * <p>The secret is the API key that created the task. It never appears in {@link #toString()}.
 */
public final class CallbackSigner {
  /** The signed headers, in Vidu's order. */
  static final String SIGNED_HEADERS = "Date;x-request-nonce";

  /** RFC 7231 IMF-fixdate; {@code RFC_1123_DATE_TIME} would drop the day's leading zero. */
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final String secret;

  private CallbackSigner(String secret) {
    this.secret = secret;
  }

  /** A signer keyed with {@code secret} (the API key that created the task). */
  public static CallbackSigner withSecret(String secret) {
    Objects.requireNonNull(secret, "secret == null");
    if (secret.isEmpty()) {
      throw new InvalidSettingException("secret", "is empty");
    }
    return new CallbackSigner(secret);
  }

  /**
   * The six headers for a request to {@code callbackUrl}, in the order Vidu sends them: {@code
   * Date}, {@code x-request-nonce}, {@code X-HMAC-SIGNED-HEADERS}, {@code X-HMAC-SIGNATURE}, {@code
   * X-HMAC-ALGORITHM}, {@code X-HMAC-ACCESS-KEY}. {@code date} is written in RFC 1123 GMT form, to
   * the second.
   */
  public Map<String, String> sign(String method, String callbackUrl, Instant date, String nonce) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(callbackUrl, "callbackUrl == null");
    Objects.requireNonNull(date, "date == null");
    Objects.requireNonNull(nonce, "nonce == null");
    String httpDate = HTTP_DATE.format(date);
    String signingString;
    try {
      signingString =
          SigningString.of(
              method,
              callbackUrl,
              httpDate,
              List.of(Map.entry("Date", httpDate), Map.entry("x-request-nonce", nonce)));
    } catch (IllegalArgumentException e) {
      // The message shows the URL through SafeUrl (query names only).
      throw new InvalidSettingException("callbackUrl", "cannot be parsed: " + e.getMessage());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Date", httpDate);
    headers.put("x-request-nonce", nonce);
    headers.put("X-HMAC-SIGNED-HEADERS", SIGNED_HEADERS);
    headers.put("X-HMAC-SIGNATURE", SigningString.signature(secret, signingString));
    headers.put("X-HMAC-ALGORITHM", SigningString.ALGORITHM);
    headers.put("X-HMAC-ACCESS-KEY", SigningString.ACCESS_KEY);
    return Collections.unmodifiableMap(headers);
  }

  /** {@link #sign(String, String, Instant, String)} for a POST, now, with a random UUID nonce. */
  public Map<String, String> sign(String callbackUrl) {
    return sign("POST", callbackUrl, Instant.now(), UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return "CallbackSigner{secret=<redacted>}";
  }
}
