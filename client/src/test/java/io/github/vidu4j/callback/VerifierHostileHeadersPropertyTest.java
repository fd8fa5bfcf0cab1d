package io.github.vidu4j.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.ViduException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random header sets (random and real names, random, empty, huge and null values, duplicates,
 * random dates, half-valid signatures) and random registered URLs: whatever arrives, the verifier
 * answers with an {@link InvalidSignatureException}, or with a {@link ViduException} (that class
 * itself) for a URL that cannot be parsed, and nothing else.
 */
class VerifierHostileHeadersPropertyTest {
  private static final String SECRET = "vda_hostile_secret";
  private static final Instant NOW = Instant.parse("2026-05-06T12:00:00Z");
  private static final List<String> REAL_NAMES =
      List.of(
          "Date",
          "x-request-nonce",
          "X-HMAC-SIGNED-HEADERS",
          "X-HMAC-SIGNATURE",
          "X-HMAC-ALGORITHM",
          "X-HMAC-ACCESS-KEY",
          "DATE",
          "X-Request-Nonce",
          "x-hmac-signature");

  record Attempt(String url, Map<String, List<String>> headers, byte[] body) {}

  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> date =
        Arbitraries.longs()
            .between(-62_135_596_800L, 253_402_300_799L)
            .map(seconds -> CallbackSigner.HTTP_DATE.format(Instant.ofEpochSecond(seconds)));
    return Arbitraries.oneOf(
            List.of(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80),
                date,
                Arbitraries.of(
                    "hmac-sha256",
                    "vidu",
                    "Date;x-request-nonce",
                    "Date;x-request-nonce;X-Extra",
                    ";;;",
                    "Date;;Date",
                    ""),
                Arbitraries.strings()
                    .withChars("Date;x-request-nonce")
                    .ofMinLength(5_000)
                    .ofMaxLength(20_000)))
        .injectNull(0.1);
  }

  @Provide
  Arbitrary<Attempt> attempts() {
    Arbitrary<String> name =
        Arbitraries.oneOf(
                List.of(Arbitraries.of(REAL_NAMES), Arbitraries.strings().ofMaxLength(20)))
            .injectNull(0.05);
    Arbitrary<List<String>> valueList = values().list().ofMaxSize(3).injectNull(0.05);
    Arbitrary<Map<String, List<String>>> headers =
        Combinators.combine(name, valueList)
            .as(AbstractMap.SimpleEntry::new)
            .list()
            .ofMaxSize(12)
            .map(
                entries -> {
                  Map<String, List<String>> map = new HashMap<>();
                  entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                  return map;
                });
    Arbitrary<String> url =
        Arbitraries.oneOf(
            List.of(
                Arbitraries.just("https://hooks.example.com/vidu/callback?tenant=acme"),
                Arbitraries.strings()
                    .withCharRange(' ', '~')
                    .ofMaxLength(30)
                    .map(tail -> "https://hooks.example.com/" + tail)));
    Arbitrary<byte[]> body =
        Arbitraries.of("{\"id\":\"t\",\"state\":\"success\"}", "", "[]", "{\"id\":{}}")
            .map(text -> text.getBytes(StandardCharsets.UTF_8));
    return Combinators.combine(url, headers, body).as(Attempt::new);
  }

  /**
   * Signed correctly first, then one header replaced by random values: reaches the later checks.
   */
  @Provide
  Arbitrary<Attempt> mutatedSigned() {
    String url = "https://hooks.example.com/vidu/callback?tenant=acme";
    return Combinators.combine(
            Arbitraries.of(REAL_NAMES),
            values().list().ofMaxSize(3),
            Arbitraries.longs().between(-600, 600))
        .as(
            (name, newValues, offset) -> {
              Map<String, List<String>> headers = new HashMap<>();
              CallbackSigner.withSecret(SECRET)
                  .sign("POST", url, NOW.plusSeconds(offset), "n-" + offset)
                  .forEach((k, v) -> headers.put(k, List.of(v)));
              headers.put(name, new ArrayList<>(newValues));
              return new Attempt(url, headers, "{\"id\":\"t\"}".getBytes(StandardCharsets.UTF_8));
            });
  }

  @Property(tries = 400, maxDiscardRatio = 1)
  void randomHeaderSetsOnlyEverFailTyped(@ForAll("attempts") Attempt attempt) {
    assertOnlyTypedFailures(attempt);
  }

  @Property(tries = 400, maxDiscardRatio = 1)
  void mutatedSignedHeadersOnlyEverFailTyped(@ForAll("mutatedSigned") Attempt attempt) {
    assertOnlyTypedFailures(attempt);
  }

  private static void assertOnlyTypedFailures(Attempt attempt) {
    CallbackVerifier verifier =
        CallbackVerifier.builder().secret(SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    try {
      verifier.verify(CallbackRequest.of("POST", attempt.url(), attempt.headers(), attempt.body()));
    } catch (InvalidSignatureException expected) {
      assertThat(expected.getMessage()).doesNotContain(SECRET);
    } catch (ViduException expected) {
      assertThat(expected.getClass()).isEqualTo(ViduException.class);
      assertThat(expected.getMessage())
          .startsWith("the callback URL cannot be parsed")
          .doesNotContain(SECRET);
    } catch (RuntimeException | Error unexpected) {
      throw new AssertionError("escaped untyped: " + unexpected, unexpected);
    }
  }
}
