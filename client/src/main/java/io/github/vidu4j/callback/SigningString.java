package io.github.vidu4j.callback;

import io.github.vidu4j.core.SafeUrl;
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

/**
 * Vidu's callback signing string and its HMAC: the one implementation signer and verifier share.
 */
final class SigningString {
  static final String ACCESS_KEY = "vidu";
  static final String ALGORITHM = "hmac-sha256";

  private SigningString() {}

  /**
   * {@code METHOD\npath\nrawQuery\nvidu\nDate\n} then {@code name:value\n} for each signed header,
   * in order, names exactly as listed.
   */
  static String of(
      String method,
      String callbackUrl,
      String date,
      List<Map.Entry<String, String>> signedHeaders) {
    URI uri = parse(callbackUrl);
    return of(method, orSlash(uri.getRawPath()), uri, date, signedHeaders);
  }

  /**
   * The signing strings a sender may have meant: the raw path (as Vidu's Python example, {@code
   * urlparse(url).path}, reads it) and, when it differs, the decoded path (as Go's {@code
   * url.URL.Path} in its Go example does). They differ only for percent-encoded paths.
   */
  static List<String> readings(
      String method,
      String callbackUrl,
      String date,
      List<Map.Entry<String, String>> signedHeaders) {
    return readings(method, Target.of(callbackUrl), date, signedHeaders);
  }

  /** {@link #readings(String, String, String, List)} for a URL parsed before. */
  static List<String> readings(
      String method, Target target, String date, List<Map.Entry<String, String>> signedHeaders) {
    String raw = of(method, target.rawPath, target.query, date, signedHeaders);
    return target.decodedPath.equals(target.rawPath)
        ? List.of(raw)
        : List.of(raw, of(method, target.decodedPath, target.query, date, signedHeaders));
  }

  /** The parts of a callback URL that are signed, parsed once. */
  static final class Target {
    final String url;
    final String rawPath;
    final String decodedPath;
    final String query;

    private Target(String url, String rawPath, String decodedPath, String query) {
      this.url = url;
      this.rawPath = rawPath;
      this.decodedPath = decodedPath;
      this.query = query;
    }

    /**
     * @throws IllegalArgumentException if {@code callbackUrl} is no URI
     */
    static Target of(String callbackUrl) {
      URI uri = parse(callbackUrl);
      return new Target(
          callbackUrl,
          orSlash(uri.getRawPath()),
          orSlash(uri.getPath()),
          uri.getRawQuery() == null ? "" : uri.getRawQuery());
    }
  }

  private static String orSlash(String path) {
    return path == null || path.isEmpty() ? "/" : path;
  }

  private static String of(
      String method,
      String path,
      URI uri,
      String date,
      List<Map.Entry<String, String>> signedHeaders) {
    return of(
        method, path, uri.getRawQuery() == null ? "" : uri.getRawQuery(), date, signedHeaders);
  }

  private static String of(
      String method,
      String path,
      String query,
      String date,
      List<Map.Entry<String, String>> signedHeaders) {
    StringBuilder s = new StringBuilder(160);
    s.append(method.toUpperCase(java.util.Locale.ROOT))
        .append('\n')
        .append(path)
        .append('\n')
        .append(query)
        .append('\n')
        .append(ACCESS_KEY)
        .append('\n')
        .append(date)
        .append('\n');
    for (Map.Entry<String, String> header : signedHeaders) {
      s.append(header.getKey()).append(':').append(header.getValue()).append('\n');
    }
    return s.toString();
  }

  static byte[] hmac(String secret, String signingString) {
    return mac(secret).doFinal(signingString.getBytes(StandardCharsets.UTF_8));
  }

  static String signature(String secret, String signingString) {
    return Base64.getEncoder().encodeToString(hmac(secret, signingString));
  }

  /** A {@code Mac} keyed with {@code secret}, to be reused by one thread at a time. */
  static Mac mac(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * The signature as base64 ASCII bytes, with a keyed {@code Mac} (which {@code doFinal} resets).
   */
  static byte[] signature(Mac mac, String signingString) {
    return Base64.getEncoder().encode(mac.doFinal(signingString.getBytes(StandardCharsets.UTF_8)));
  }

  static URI parse(String callbackUrl) {
    try {
      return new URI(callbackUrl);
    } catch (URISyntaxException e) {
      // Not e.getMessage(): it quotes the whole URL, whose query may hold the receiver's tokens.
      throw new IllegalArgumentException(
          "callback URL is not a valid URI: "
              + e.getReason()
              + " at index "
              + e.getIndex()
              + " of "
              + SafeUrl.of(callbackUrl));
    }
  }
}
