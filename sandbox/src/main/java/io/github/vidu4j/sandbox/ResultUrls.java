package io.github.vidu4j.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Presigned result URLs, as object storage issues them: {@code results/<creation>.<ext>?expires=
 * <epoch seconds>&sig=<HMAC>}, with a key that lives as long as the sandbox.
 */
final class ResultUrls {
  private final SandboxOptions options;
  private final String baseUrl;
  private final byte[] key = new byte[32];

  ResultUrls(SandboxOptions options, String baseUrl) {
    this.options = options;
    this.baseUrl = baseUrl;
    new SecureRandom().nextBytes(key);
  }

  /** The URL of a creation's file ({@code png} or {@code mp4}), valid for the options' TTL. */
  String of(String creationId, String extension) {
    long expires = options.clock().instant().plus(options.resultUrlTtl()).getEpochSecond();
    return baseUrl
        + "results/"
        + creationId
        + "."
        + extension
        + "?expires="
        + expires
        + "&sig="
        + sign(creationId, expires);
  }

  /**
   * Checks that {@code expires} and {@code signature} are the ones issued for {@code creationId}
   * and not past.
   *
   * @throws ApiError 403, as object storage answers
   */
  void verify(String creationId, String expires, String signature) {
    long expiresAt;
    try {
      expiresAt = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      throw new ApiError(403, "AccessDenied", "the URL is not a presigned result URL");
    }
    if (!MessageDigest.isEqual(
        sign(creationId, expiresAt).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      throw new ApiError(403, "SignatureDoesNotMatch", "the URL's signature does not match");
    }
    if (options.clock().instant().getEpochSecond() > expiresAt) {
      throw new ApiError(403, "AccessDenied", "Request has expired");
    }
  }

  private String sign(String creationId, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal((creationId + ":" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
