package io.github.vidu4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.core.InvalidSignatureException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Sign then verify round-trips; any single-character change to a signed part is refused. */
class SignVerifyPropertiesTest {
  private static final String SECRET = "vda_property_secret";
  private static final byte[] BODY =
      "{\"id\":\"t-1\",\"state\":\"processing\"}".getBytes(StandardCharsets.UTF_8);

  record Signed(String method, String url, Instant date, String nonce) {}

  /** Which signed part to change, and where: a fraction of its length. */
  enum Part {
    METHOD,
    PATH,
    QUERY,
    DATE,
    NONCE,
    SIGNATURE
  }

  @Provide
  Arbitrary<Signed> signedRequests() {
    Arbitrary<String> segment =
        Combinators.combine(
                Arbitraries.strings().withChars("abcXYZ019-._~").ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("", "%20", "%2F", "%E4%BD%A0"))
            .as((plain, encoded) -> plain + encoded);
    Arbitrary<String> path =
        segment
            .list()
            .ofMinSize(0)
            .ofMaxSize(4)
            .map(l -> l.isEmpty() ? "" : "/" + String.join("/", l));
    Arbitrary<String> query =
        Combinators.combine(segment, segment)
            .as((k, v) -> k + "=" + v)
            .list()
            .ofMinSize(0)
            .ofMaxSize(4)
            .map(l -> l.isEmpty() ? "" : "?" + String.join("&", l));
    Arbitrary<String> url =
        Combinators.combine(
                Arbitraries.of("http", "https"),
                Arbitraries.of("127.0.0.1:8080", "hooks.example.com"),
                path,
                query)
            .as((scheme, host, p, q) -> scheme + "://" + host + p + q);
    Arbitrary<Instant> date =
        Arbitraries.longs().between(0, 4_102_444_800L).map(Instant::ofEpochSecond);
    Arbitrary<String> nonce =
        Arbitraries.strings().withChars("0123456789abcdef-").ofMinLength(8).ofMaxLength(36);
    return Combinators.combine(Arbitraries.of("POST", "PUT"), url, date, nonce).as(Signed::new);
  }

  @Property(tries = 200)
  void signThenVerifyRoundTrips(@ForAll("signedRequests") Signed s) {
    CallbackRequest request =
        request(
            s.method(),
            s.url(),
            CallbackSigner.withSecret(SECRET).sign(s.method(), s.url(), s.date(), s.nonce()));
    VerifiedCallback callback = verifierAt(s.date()).verify(request);
    assertThat(callback.nonce()).isEqualTo(s.nonce());
  }

  /**
   * One character of a signed part replaced by any other printable character, or only its case
   * flipped: paths, queries, nonces and signatures are case-sensitive. The method is not (it is
   * signed upper-cased, as Vidu's examples do), so its changes are never case-only.
   */
  @Property(tries = 500)
  void anySingleCharacterChangeToASignedPartIsRefused(
      @ForAll("signedRequests") Signed s,
      @ForAll Part part,
      @ForAll("fractions") double where,
      @ForAll("replacements") char replacement,
      @ForAll boolean flipCase) {
    Map<String, String> headers =
        new LinkedHashMap<>(
            CallbackSigner.withSecret(SECRET).sign(s.method(), s.url(), s.date(), s.nonce()));
    String method = s.method();
    String url = s.url();
    int queryStart = url.indexOf('?') < 0 ? url.length() : url.indexOf('?');
    int pathStart = url.indexOf('/', url.indexOf("//") + 2);
    boolean caseSensitive = part != Part.METHOD;
    switch (part) {
      case METHOD -> method = mutate(method, 0, method.length(), where, replacement, false, false);
      case PATH -> {
        Assume.that(pathStart > 0 && pathStart + 1 < queryStart);
        url = mutate(url, pathStart + 1, queryStart, where, replacement, flipCase, caseSensitive);
      }
      case QUERY -> {
        Assume.that(queryStart + 1 < url.length());
        url =
            mutate(url, queryStart + 1, url.length(), where, replacement, flipCase, caseSensitive);
      }
      case DATE ->
          headers.put(
              "Date",
              mutate(
                  headers.get("Date"),
                  0,
                  headers.get("Date").length(),
                  where,
                  replacement,
                  flipCase,
                  caseSensitive));
      case NONCE ->
          headers.put(
              "x-request-nonce",
              mutate(
                  s.nonce(), 0, s.nonce().length(), where, replacement, flipCase, caseSensitive));
      case SIGNATURE ->
          headers.put(
              "X-HMAC-SIGNATURE",
              mutate(
                  headers.get("X-HMAC-SIGNATURE"),
                  0,
                  headers.get("X-HMAC-SIGNATURE").length(),
                  where,
                  replacement,
                  flipCase,
                  caseSensitive));
    }
    // A registered URL that is not a URI at all is a configuration error, not a forgery.
    Assume.that(isUri(url));
    CallbackRequest tampered = request(method, url, headers);
    assertThatThrownBy(() -> verifierAt(s.date()).verify(tampered))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1).ofScale(3).filter(d -> d < 1);
  }

  @Provide
  Arbitrary<Character> replacements() {
    return Arbitraries.chars().range('!', '~');
  }

  /**
   * The text with the character at a position in [from, to) changed: its case flipped when asked
   * and it is a letter, otherwise replaced by {@code replacement}, or by another character when
   * that would be no change (ignoring case where the part is not case-sensitive).
   */
  private static String mutate(
      String text,
      int from,
      int to,
      double where,
      char replacement,
      boolean flipCase,
      boolean caseSensitive) {
    int at = from + (int) ((to - from) * where);
    char original = text.charAt(at);
    char c;
    if (flipCase && caseSensitive && Character.isLetter(original)) {
      c =
          Character.isUpperCase(original)
              ? Character.toLowerCase(original)
              : Character.toUpperCase(original);
    } else {
      c = replacement;
      boolean same =
          caseSensitive
              ? c == original
              : Character.toLowerCase(c) == Character.toLowerCase(original);
      if (same) {
        c = original == 'Q' || original == 'q' ? 'Z' : 'Q';
      }
    }
    return text.substring(0, at) + c + text.substring(at + 1);
  }

  private static boolean isUri(String url) {
    try {
      new URI(url);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static CallbackRequest request(String method, String url, Map<String, String> headers) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers.forEach((k, v) -> multi.put(k, List.of(v)));
    return CallbackRequest.of(method, url, multi, BODY);
  }

  private static CallbackVerifier verifierAt(Instant now) {
    return CallbackVerifier.builder()
        .secret(SECRET)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build();
  }
}
