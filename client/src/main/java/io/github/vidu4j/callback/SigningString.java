package io.github.vidu4j.callback;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Vidu's callback signing string and its HMAC: the one implementation signer and verifier share. */
final class SigningString {
  static final String ACCESS_KEY = "vidu";
  static final String ALGORITHM = "hmac-sha256";

  private SigningString() {}

  /**
   * {@code METHOD\npath\nrawQuery\nvidu\nDate\n} then {@code name:value\n} for each signed header,
   * in order, names exactly as listed.
   */
  static String of(String method, String callbackUrl, String date, List<Map.Entry<String, String>> signedHeaders) {
    URI uri = parse(callbackUrl);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    StringBuilder s = new StringBuilder(160);
    s.append(method.toUpperCase(java.util.Locale.ROOT)).append('\n')
        .append(path).append('\n')
        .append(query).append('\n')
        .append(ACCESS_KEY).append('\n')
        .append(date).append('\n');
    for (Map.Entry<String, String> header : signedHeaders) {
      s.append(header.getKey()).append(':').append(header.getValue()).append('\n');
    }
    return s.toString();
  }

  static byte[] hmac(String secret, String signingString) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(signingString.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static String signature(String secret, String signingString) {
    return Base64.getEncoder().encodeToString(hmac(secret, signingString));
  }

  static URI parse(String callbackUrl) {
    try {
      return new URI(callbackUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("callback URL is not a valid URI: " + e.getMessage(), e);
    }
  }
}
