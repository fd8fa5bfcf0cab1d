package io.github.vidu4j.callback;

import static io.github.vidu4j.callback.Windows.written;

import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;

/**
 * The checks of {@link CallbackVerifier} on a request's headers, in its documented order, ending
 * with the nonce recorded. Thread-safe: the keyed {@code Mac}s are per thread.
 */
final class CallbackChecks {
  private final int secretCount;
  private final Duration maxAge;
  private final Duration maxFutureSkew;
  private final NonceStore nonces;
  private final Duration nonceTtl;
  private final boolean failOpen;

  /**
   * A keyed {@code Mac} per secret for each thread: {@code Mac.getInstance} and {@code init} cost
   * more than the HMAC itself.
   */
  private final ThreadLocal<Mac[]> macs;

  CallbackChecks(
      List<String> secrets,
      Duration maxAge,
      Duration maxFutureSkew,
      NonceStore nonces,
      boolean failOpen) {
    this.secretCount = secrets.size();
    this.maxAge = maxAge;
    this.maxFutureSkew = maxFutureSkew;
    this.nonces = nonces;
    this.nonceTtl = maxAge.plus(maxFutureSkew);
    this.failOpen = failOpen;
    List<String> keys = List.copyOf(secrets);
    this.macs =
        ThreadLocal.withInitial(() -> keys.stream().map(SigningString::mac).toArray(Mac[]::new));
  }

  /** What the headers said, once they verified. */
  record Verified(String nonce, Instant date, boolean replayChecked) {}

  /**
   * Checks everything but the body and returns the nonce and date; records the nonce.
   *
   * @param targets the signed parts of the request's callback URL
   */
  Verified check(
      CallbackRequest request, Instant now, Function<String, SigningString.Target> targets) {
    RequiredHeaders required = RequiredHeaders.of(request);
    String algorithm = required.single(RequiredHeaders.ALGORITHM);
    if (!algorithm.equalsIgnoreCase(SigningString.ALGORITHM)) {
      throw new InvalidSignatureException(
          Reason.UNSUPPORTED_ALGORITHM,
          "X-HMAC-ALGORITHM is \"" + shorten(algorithm) + "\", expected hmac-sha256");
    }
    String accessKey = required.single(RequiredHeaders.ACCESS_KEY);
    if (!accessKey.equals(SigningString.ACCESS_KEY)) {
      throw new InvalidSignatureException(
          Reason.WRONG_ACCESS_KEY,
          "X-HMAC-ACCESS-KEY is \"" + shorten(accessKey) + "\", expected vidu");
    }
    List<String> signedNames = new ArrayList<>(4);
    boolean dateSigned = false;
    boolean nonceSigned = false;
    for (String name : required.single(RequiredHeaders.SIGNED_HEADERS).split(";")) {
      String trimmed = name.trim();
      if (!trimmed.isEmpty()) {
        signedNames.add(trimmed);
        int slot = RequiredHeaders.slotOf(trimmed);
        dateSigned |= slot == RequiredHeaders.DATE;
        nonceSigned |= slot == RequiredHeaders.NONCE;
      }
    }
    if (!dateSigned) {
      throw unsigned("Date");
    }
    if (!nonceSigned) {
      throw unsigned("x-request-nonce");
    }
    String dateText = required.single(RequiredHeaders.DATE);
    Instant date = parseDate(dateText);
    if (Duration.between(date, now).compareTo(maxAge) > 0) {
      throw new InvalidSignatureException(
          Reason.STALE, "Date " + dateText + " is more than " + written(maxAge) + " old");
    }
    if (Duration.between(now, date).compareTo(maxFutureSkew) > 0) {
      throw new InvalidSignatureException(
          Reason.FROM_FUTURE,
          "Date " + dateText + " is more than " + written(maxFutureSkew) + " ahead");
    }
    List<Map.Entry<String, String>> signed = new ArrayList<>(signedNames.size());
    for (String name : signedNames) {
      signed.add(Map.entry(name, signedValue(request, required, name)));
    }
    String presentedText = required.single(RequiredHeaders.SIGNATURE);
    // Compared as canonical base64 text, not decoded bytes: the decoder ignores the unused low
    // bits of the last character, so several spellings decode alike and would all be accepted.
    byte[] presented = presentedText.getBytes(StandardCharsets.US_ASCII);
    List<String> signingStrings =
        SigningString.readings(
            request.method(), targets.apply(request.callbackUrl()), dateText, signed);
    Mac[] keyed = macs.get();
    boolean matched = false;
    for (String signingString : signingStrings) {
      for (Mac mac : keyed) {
        // Every secret is tried even after a match, so timing does not reveal which one matched.
        matched |= MessageDigest.isEqual(SigningString.signature(mac, signingString), presented);
      }
    }
    if (!matched) {
      throw mismatch(presentedText);
    }
    return recordNonce(required.single(RequiredHeaders.NONCE), date, now);
  }

  /** The value a signed header contributes: its values trimmed, several joined with commas. */
  private static String signedValue(
      CallbackRequest request, RequiredHeaders required, String name) {
    int slot = RequiredHeaders.slotOf(name);
    List<String> values;
    if (slot >= 0) {
      values = required.values(slot); // present and readable: checked when read
    } else {
      values = request.headers(name);
      if (request.entries().hasNull(name)) {
        throw new InvalidSignatureException(
            Reason.MALFORMED_HEADER, shorten(name) + " has a null value");
      }
      if (values.isEmpty()) {
        throw new InvalidSignatureException(
            Reason.MISSING_HEADER,
            "missing header " + shorten(name) + ", listed in X-HMAC-SIGNED-HEADERS");
      }
    }
    return values.size() == 1
        ? values.get(0).trim()
        : String.join(",", values.stream().map(String::trim).toList());
  }

  private static InvalidSignatureException unsigned(String required) {
    return new InvalidSignatureException(
        Reason.UNSIGNED_REQUIRED_HEADER,
        required + " is not listed in X-HMAC-SIGNED-HEADERS, so it could be changed undetected");
  }

  private InvalidSignatureException mismatch(String presentedText) {
    // Checked only here: a match is canonical base64 already.
    try {
      Base64.getDecoder().decode(presentedText);
    } catch (IllegalArgumentException e) {
      return new InvalidSignatureException(
          Reason.MALFORMED_HEADER, "X-HMAC-SIGNATURE is not base64");
    }
    return new InvalidSignatureException(
        Reason.BAD_SIGNATURE,
        "X-HMAC-SIGNATURE matches none of the "
            + secretCount
            + " configured secret(s); check the secret"
            + " (the API key that created the task) and that the callback URL is exactly the registered one");
  }

  private Verified recordNonce(String nonce, Instant date, Instant now) {
    boolean isNew;
    try {
      isNew = nonces.markIfNew(nonce, now, nonceTtl);
    } catch (RuntimeException storeFailure) {
      if (failOpen) {
        return new Verified(nonce, date, false);
      }
      // The store's exception is the cause, not the message: a driver's text is not ours to vouch
      // for.
      throw new InvalidSignatureException(
          Reason.NONCE_STORE_UNAVAILABLE,
          "the nonce store failed ("
              + storeFailure.getClass().getSimpleName()
              + "), so a replay cannot be ruled out;"
              + " answer 503 so that Vidu retries",
          storeFailure);
    }
    if (!isNew) {
      throw new InvalidSignatureException(
          Reason.REPLAYED, "nonce " + shorten(nonce) + " was already used");
    }
    return new Verified(nonce, date, true);
  }

  private static Instant parseDate(String text) {
    try {
      return HttpDates.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidSignatureException(
          Reason.MALFORMED_HEADER, "Date \"" + shorten(text) + "\" is not an RFC 1123 date");
    }
  }

  static String shorten(String text) {
    return text.length() <= 64 ? text : text.substring(0, 60) + "...";
  }
}
