package io.github.vidu4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import io.github.vidu4j.model.TaskState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackVerifierTest {
  // The worked example of Vidu's callback-signature documentation; the signature was computed
  // independently (Python hmac, openssl).
  static final String SECRET = "your_secret_token";
  static final String URL = "http://127.0.0.1:8080/vidu/callback?name=james&age=36";
  static final String DATE = "Tue, 06 May 2025 12:09:42 GMT";
  static final Instant SIGNED_AT = Instant.parse("2025-05-06T12:09:42Z");
  static final String NONCE = "123e4567-e89b-12d3-a456-426614174000";
  static final String EXPECTED_SIGNATURE = "PrO4+kG4W+b3HOSimdHMHn8pnQ6YXQTseBDC/8yvvNA=";
  static final String BODY =
      "{\"id\":\"t-1\",\"state\":\"success\",\"err_code\":\"\",\"creations\":[{\"id\":\"c-1\",\"url\":\"https://cdn.example/a.png\"}]}";

  static CallbackVerifier verifierAt(Instant now) {
    return CallbackVerifier.builder()
        .secret(SECRET)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build();
  }

  static Map<String, List<String>> headers(Map<String, String> single) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    single.forEach((name, value) -> multi.put(name, List.of(value)));
    return multi;
  }

  static Map<String, List<String>> workedExampleHeaders() {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("X-HMAC-SIGNED-HEADERS", List.of("Date;x-request-nonce"));
    h.put("Date", List.of(DATE));
    h.put("x-request-nonce", List.of(NONCE));
    h.put("X-HMAC-ALGORITHM", List.of("hmac-sha256"));
    h.put("X-HMAC-ACCESS-KEY", List.of("vidu"));
    h.put("Content-Type", List.of("application/json"));
    h.put("X-HMAC-SIGNATURE", List.of(EXPECTED_SIGNATURE));
    return h;
  }

  static CallbackRequest request(Map<String, List<String>> headers) {
    return CallbackRequest.of("POST", URL, headers, BODY.getBytes(StandardCharsets.UTF_8));
  }

  static CallbackRequest workedExampleWith(Consumer<Map<String, List<String>>> change) {
    Map<String, List<String>> h = workedExampleHeaders();
    change.accept(h);
    return request(h);
  }

  static InvalidSignatureException refusal(CallbackVerifier verifier, CallbackRequest request) {
    try {
      verifier.verify(request);
    } catch (InvalidSignatureException e) {
      return e;
    }
    throw new AssertionError("the callback was accepted");
  }

  @Nested
  class WorkedExample {
    @Test
    void signingStringIsTheDocumented161Bytes() {
      String s =
          SigningString.of(
              "POST",
              URL,
              DATE,
              List.of(Map.entry("Date", DATE), Map.entry("x-request-nonce", NONCE)));
      assertThat(s)
          .isEqualTo(
              "POST\n/vidu/callback\nname=james&age=36\nvidu\n"
                  + DATE
                  + "\nDate:"
                  + DATE
                  + "\nx-request-nonce:"
                  + NONCE
                  + "\n");
      assertThat(s.getBytes(StandardCharsets.UTF_8)).hasSize(161);
    }

    @Test
    void signerReproducesTheSignatureByteForByte() {
      Map<String, String> signed =
          CallbackSigner.withSecret(SECRET).sign("POST", URL, SIGNED_AT, NONCE);
      assertThat(signed)
          .containsExactly(
              Map.entry("Date", DATE),
              Map.entry("x-request-nonce", NONCE),
              Map.entry("X-HMAC-SIGNED-HEADERS", "Date;x-request-nonce"),
              Map.entry("X-HMAC-SIGNATURE", EXPECTED_SIGNATURE),
              Map.entry("X-HMAC-ALGORITHM", "hmac-sha256"),
              Map.entry("X-HMAC-ACCESS-KEY", "vidu"));
    }

    @Test
    void verifierAcceptsTheDocumentedRequestAndParsesTheBody() {
      VerifiedCallback callback = verifierAt(SIGNED_AT).verify(request(workedExampleHeaders()));
      assertThat(callback.nonce()).isEqualTo(NONCE);
      assertThat(callback.date()).isEqualTo(SIGNED_AT);
      assertThat(callback.taskId()).contains("t-1");
      assertThat(callback.state()).contains(TaskState.SUCCESS);
      assertThat(callback.task().getCreations())
          .singleElement()
          .satisfies(c -> assertThat(c.getUrl()).hasToString("https://cdn.example/a.png"));
      assertThat(new String(callback.rawBody(), StandardCharsets.UTF_8)).isEqualTo(BODY);
    }

    @Test
    void dateWithSingleDigitDayKeepsTheLeadingZero() {
      Map<String, String> signed =
          CallbackSigner.withSecret(SECRET)
              .sign("POST", URL, Instant.parse("2025-05-04T01:02:03Z"), NONCE);
      assertThat(signed.get("Date")).isEqualTo("Sun, 04 May 2025 01:02:03 GMT");
    }
  }

  @Nested
  class EveryReason {
    final CallbackVerifier verifier = verifierAt(SIGNED_AT);

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Date",
          "x-request-nonce",
          "X-HMAC-SIGNED-HEADERS",
          "X-HMAC-SIGNATURE",
          "X-HMAC-ALGORITHM",
          "X-HMAC-ACCESS-KEY"
        })
    void missingHeader(String name) {
      InvalidSignatureException e = refusal(verifier, workedExampleWith(h -> h.remove(name)));
      assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER);
      assertThat(e).hasMessageContaining(name);
    }

    @Test
    void signedHeaderThatIsAbsent() {
      InvalidSignatureException e =
          refusal(
              verifier,
              workedExampleWith(
                  h -> h.put("X-HMAC-SIGNED-HEADERS", List.of("Date;x-request-nonce;X-Tenant"))));
      assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER);
      assertThat(e).hasMessageContaining("X-Tenant");
    }

    @Test
    void malformedDate() {
      InvalidSignatureException e =
          refusal(verifier, workedExampleWith(h -> h.put("Date", List.of("2025-05-06T12:09:42Z"))));
      assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER);
      assertThat(e).hasMessageContaining("2025-05-06T12:09:42Z").hasMessageContaining("RFC 1123");
    }

    @Test
    void dateWhoseWeekdayIsWrong() {
      // 6 May 2025 was a Tuesday: an RFC 1123 date names its weekday, and a wrong one is refused.
      InvalidSignatureException e =
          refusal(
              verifier,
              workedExampleWith(h -> h.put("Date", List.of("Mon, 06 May 2025 12:09:42 GMT"))));
      assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER);
      assertThat(e).hasMessageContaining("Mon, 06 May 2025");
    }

    @Test
    void signatureThatIsNotBase64() {
      InvalidSignatureException e =
          refusal(
              verifier, workedExampleWith(h -> h.put("X-HMAC-SIGNATURE", List.of("not*base64!"))));
      assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER);
      assertThat(e).hasMessageContaining("X-HMAC-SIGNATURE");
    }

    @Test
    void dateSentTwice() {
      InvalidSignatureException e =
          refusal(verifier, workedExampleWith(h -> h.put("Date", List.of(DATE, DATE))));
      assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER);
      assertThat(e).hasMessageContaining("Date appears 2 times");
    }

    @Test
    void unsupportedAlgorithm() {
      InvalidSignatureException e =
          refusal(
              verifier, workedExampleWith(h -> h.put("X-HMAC-ALGORITHM", List.of("hmac-sha1"))));
      assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
      assertThat(e).hasMessageContaining("hmac-sha1");
    }

    @Test
    void wrongAccessKey() {
      InvalidSignatureException e =
          refusal(verifier, workedExampleWith(h -> h.put("X-HMAC-ACCESS-KEY", List.of("acme"))));
      assertThat(e.reason()).isEqualTo(Reason.WRONG_ACCESS_KEY);
      assertThat(e).hasMessageContaining("acme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-request-nonce", "Date"})
    void requiredHeaderNotSigned(String signedAlone) {
      InvalidSignatureException e =
          refusal(
              verifier,
              workedExampleWith(h -> h.put("X-HMAC-SIGNED-HEADERS", List.of(signedAlone))));
      assertThat(e.reason()).isEqualTo(Reason.UNSIGNED_REQUIRED_HEADER);
    }

    @Test
    void badSignature() {
      InvalidSignatureException e =
          refusal(
              CallbackVerifier.builder()
                  .secret("another-key")
                  .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
                  .build(),
              request(workedExampleHeaders()));
      assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void swappedNonceBreaksTheSignature() {
      InvalidSignatureException e =
          refusal(
              verifier, workedExampleWith(h -> h.put("x-request-nonce", List.of("another-nonce"))));
      assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void otherCallbackUrlBreaksTheSignature() {
      CallbackRequest moved =
          CallbackRequest.of(
              "POST",
              "http://127.0.0.1:8080/vidu/callback?age=36&name=james",
              workedExampleHeaders(),
              BODY.getBytes(StandardCharsets.UTF_8));
      assertThat(refusal(verifier, moved).reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void otherMethodBreaksTheSignature() {
      CallbackRequest put =
          CallbackRequest.of(
              "PUT", URL, workedExampleHeaders(), BODY.getBytes(StandardCharsets.UTF_8));
      assertThat(refusal(verifier, put).reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void stale() {
      InvalidSignatureException e =
          refusal(
              verifierAt(SIGNED_AT.plus(Duration.ofMinutes(6))), request(workedExampleHeaders()));
      assertThat(e.reason()).isEqualTo(Reason.STALE);
      assertThat(e)
          .hasMessageContaining(DATE)
          .hasMessageEndingWith(" is more than 5m old")
          .hasMessageNotContaining("PT");
    }

    @Test
    void durationsInMessagesAreWrittenAsPeopleWriteThem() {
      assertThat(Windows.written(Duration.ofMinutes(5))).isEqualTo("5m");
      assertThat(Windows.written(Duration.ofSeconds(90))).isEqualTo("1m30s");
      assertThat(Windows.written(Duration.ofMinutes(90))).isEqualTo("1h30m");
      assertThat(Windows.written(Duration.ofMillis(500))).isEqualTo("500ms");
    }

    @Test
    void fromFuture() {
      InvalidSignatureException e =
          refusal(
              verifierAt(SIGNED_AT.minus(Duration.ofMinutes(2))), request(workedExampleHeaders()));
      assertThat(e.reason()).isEqualTo(Reason.FROM_FUTURE);
      assertThat(e).hasMessageEndingWith(" ahead").hasMessageNotContaining("PT");
    }

    @Test
    void replayed() {
      verifier.verify(request(workedExampleHeaders()));
      InvalidSignatureException e = refusal(verifier, request(workedExampleHeaders()));
      assertThat(e.reason()).isEqualTo(Reason.REPLAYED);
      assertThat(e).hasMessageContaining(NONCE);
    }

    @Test
    void malformedBodyIsRefusedAfterTheSignatureMatched() {
      CallbackRequest notJson =
          CallbackRequest.of(
              "POST", URL, workedExampleHeaders(), "<html>".getBytes(StandardCharsets.UTF_8));
      assertThat(refusal(verifier, notJson).reason()).isEqualTo(Reason.MALFORMED_BODY);
    }

    /**
     * One refusal per reason, from the worked example: a reason added to the enum without a request
     * that triggers it fails here, and so does a check that stops reporting its reason.
     */
    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonHasARequestThatTriggersIt(Reason reason) {
      Map<Reason, Supplier<InvalidSignatureException>> triggers = new EnumMap<>(Reason.class);
      triggers.put(
          Reason.MISSING_HEADER,
          () -> refusal(verifier, workedExampleWith(h -> h.remove("x-request-nonce"))));
      triggers.put(
          Reason.MALFORMED_HEADER,
          () -> refusal(verifier, workedExampleWith(h -> h.put("Date", List.of("yesterday")))));
      triggers.put(
          Reason.UNSUPPORTED_ALGORITHM,
          () ->
              refusal(
                  verifier,
                  workedExampleWith(h -> h.put("X-HMAC-ALGORITHM", List.of("hmac-sha1")))));
      triggers.put(
          Reason.WRONG_ACCESS_KEY,
          () ->
              refusal(
                  verifier, workedExampleWith(h -> h.put("X-HMAC-ACCESS-KEY", List.of("other")))));
      triggers.put(
          Reason.UNSIGNED_REQUIRED_HEADER,
          () ->
              refusal(
                  verifier,
                  workedExampleWith(h -> h.put("X-HMAC-SIGNED-HEADERS", List.of("Date")))));
      triggers.put(
          Reason.STALE,
          () ->
              refusal(
                  verifierAt(SIGNED_AT.plus(Duration.ofHours(1))),
                  request(workedExampleHeaders())));
      triggers.put(
          Reason.FROM_FUTURE,
          () ->
              refusal(
                  verifierAt(SIGNED_AT.minus(Duration.ofHours(1))),
                  request(workedExampleHeaders())));
      triggers.put(
          Reason.BAD_SIGNATURE,
          () ->
              refusal(
                  verifier, workedExampleWith(h -> h.put("X-HMAC-SIGNATURE", List.of("AAAA")))));
      triggers.put(
          Reason.REPLAYED,
          () -> {
            verifier.verify(request(workedExampleHeaders()));
            return refusal(verifier, request(workedExampleHeaders()));
          });
      triggers.put(
          Reason.MALFORMED_BODY,
          () ->
              refusal(
                  verifier,
                  CallbackRequest.of(
                      "POST",
                      URL,
                      workedExampleHeaders(),
                      "<html>".getBytes(StandardCharsets.UTF_8))));
      triggers.put(
          Reason.NONCE_STORE_UNAVAILABLE,
          () ->
              refusal(
                  CallbackVerifier.builder()
                      .secret(SECRET)
                      .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
                      .nonceStore(
                          (nonce, now, ttl) -> {
                            throw new IllegalStateException("store down");
                          })
                      .build(),
                  request(workedExampleHeaders())));

      assertThat(triggers).as("a triggering request for %s", reason).containsKey(reason);
      assertThat(triggers.get(reason).get().reason()).isEqualTo(reason);
    }
  }

  @Nested
  class UrlsAndHeaders {
    final CallbackVerifier verifier = verifierAt(SIGNED_AT);

    CallbackRequest signedFor(String url, String method) {
      return CallbackRequest.of(
          method,
          url,
          headers(
              CallbackSigner.withSecret(SECRET)
                  .sign(method, url, SIGNED_AT, "n-" + url.hashCode())),
          BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void percentEncodedQueryIsSignedRaw() {
      String url = "https://hooks.example.com/vidu?tenant=a%20b&next=%2Fhome%3Fx%3D1";
      assertThat(SigningString.of("POST", url, DATE, List.of()))
          .contains("\ntenant=a%20b&next=%2Fhome%3Fx%3D1\n");
      verifier.verify(signedFor(url, "POST"));
    }

    /** Python's urlparse keeps the path encoded, Go's url.URL.Path decodes it: both verify. */
    @Test
    void aPercentEncodedPathVerifiesInEitherReading() {
      String url = "https://hooks.example.com/vidu%20hooks/callback?x=%2F";
      Map<String, String> signedRaw =
          CallbackSigner.withSecret(SECRET).sign("POST", url, SIGNED_AT, "n-raw");
      assertThat(SigningString.of("POST", url, DATE, List.of()))
          .startsWith("POST\n/vidu%20hooks/callback\nx=%2F\n");
      verifier.verify(
          CallbackRequest.of(
              "POST", url, headers(signedRaw), BODY.getBytes(StandardCharsets.UTF_8)));

      // What a Go sender computes: the decoded path, the raw query.
      Map<String, String> signedDecoded =
          new LinkedHashMap<>(
              CallbackSigner.withSecret(SECRET).sign("POST", url, SIGNED_AT, "n-go"));
      String goString =
          "POST\n/vidu hooks/callback\nx=%2F\nvidu\n"
              + DATE
              + "\nDate:"
              + DATE
              + "\nx-request-nonce:n-go\n";
      signedDecoded.put("X-HMAC-SIGNATURE", SigningString.signature(SECRET, goString));
      verifier.verify(
          CallbackRequest.of(
              "POST", url, headers(signedDecoded), BODY.getBytes(StandardCharsets.UTF_8)));

      // Neither reading of another path verifies.
      Map<String, String> otherPath = new LinkedHashMap<>(signedDecoded);
      otherPath.put("x-request-nonce", "n-other");
      otherPath.put(
          "X-HMAC-SIGNATURE",
          SigningString.signature(
              SECRET, goString.replace("/vidu hooks/", "/vidu-hooks/").replace("n-go", "n-other")));
      assertThat(
              refusal(
                      verifier,
                      CallbackRequest.of(
                          "POST", url, headers(otherPath), BODY.getBytes(StandardCharsets.UTF_8)))
                  .reason())
          .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void repeatedQueryParametersKeepTheirOrder() {
      String url = "https://hooks.example.com/vidu?tag=b&tag=a&tag=b";
      assertThat(SigningString.of("POST", url, DATE, List.of())).contains("\ntag=b&tag=a&tag=b\n");
      verifier.verify(signedFor(url, "POST"));
    }

    @Test
    void emptyPathBecomesSlash() {
      String url = "https://hooks.example.com?x=1";
      assertThat(SigningString.of("POST", url, DATE, List.of())).startsWith("POST\n/\nx=1\nvidu\n");
      verifier.verify(signedFor(url, "POST"));
    }

    @Test
    void urlWithoutQuerySignsAnEmptyLine() {
      String url = "https://hooks.example.com/vidu/callback";
      assertThat(SigningString.of("POST", url, DATE, List.of()))
          .startsWith("POST\n/vidu/callback\n\nvidu\n");
      verifier.verify(signedFor(url, "POST"));
    }

    @Test
    void lowercaseMethodIsSignedUppercase() {
      assertThat(SigningString.of("post", URL, DATE, List.of())).startsWith("POST\n");
      verifier.verify(
          CallbackRequest.of(
              "post", URL, workedExampleHeaders(), BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void headerNamesInAnyCase() {
      Map<String, List<String>> lower = new LinkedHashMap<>();
      workedExampleHeaders()
          .forEach((name, values) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), values));
      Map<String, List<String>> upper = new LinkedHashMap<>();
      workedExampleHeaders()
          .forEach((name, values) -> upper.put(name.toUpperCase(java.util.Locale.ROOT), values));
      verifier.verify(request(lower));
      // Same nonce would be a replay; a fresh verifier checks the upper-case spelling
      // independently.
      verifierAt(SIGNED_AT).verify(request(upper));
    }

    @Test
    void extraSignedHeadersAreSignedInTheListedOrder() {
      List<Map.Entry<String, String>> signed =
          List.of(
              Map.entry("Date", DATE),
              Map.entry("X-Tenant", "acme"),
              Map.entry("x-request-nonce", NONCE));
      String signature =
          SigningString.signature(SECRET, SigningString.of("POST", URL, DATE, signed));
      Map<String, List<String>> h = workedExampleHeaders();
      h.put("X-HMAC-SIGNED-HEADERS", List.of("Date;X-Tenant;x-request-nonce"));
      h.put("x-tenant", List.of("acme"));
      h.put("X-HMAC-SIGNATURE", List.of(signature));
      verifier.verify(request(h));

      h.put("x-tenant", List.of("evil"));
      assertThat(refusal(verifierAt(SIGNED_AT), request(h)).reason())
          .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void headerListedTwiceIsSignedTwice() {
      List<Map.Entry<String, String>> signed =
          List.of(
              Map.entry("Date", DATE),
              Map.entry("x-request-nonce", NONCE),
              Map.entry("Date", DATE));
      Map<String, List<String>> h = workedExampleHeaders();
      h.put("X-HMAC-SIGNED-HEADERS", List.of("Date;x-request-nonce;Date"));
      h.put(
          "X-HMAC-SIGNATURE",
          List.of(SigningString.signature(SECRET, SigningString.of("POST", URL, DATE, signed))));
      verifier.verify(request(h));

      // Signed once but listed twice: the strings differ, so the signature does not match.
      h.put("X-HMAC-SIGNATURE", List.of(EXPECTED_SIGNATURE));
      assertThat(refusal(verifierAt(SIGNED_AT), request(h)).reason())
          .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void whitespaceAroundValuesIsIgnored() {
      Map<String, List<String>> h = new LinkedHashMap<>();
      workedExampleHeaders()
          .forEach((name, values) -> h.put(name, List.of("  " + values.get(0) + "\t")));
      h.put("X-HMAC-SIGNED-HEADERS", List.of(" Date ; x-request-nonce "));
      VerifiedCallback callback = verifier.verify(request(h));
      assertThat(callback.nonce()).isEqualTo(NONCE);
    }

    @Test
    void changedBodyStillVerifiesBecauseVidusBodyIsUnsigned() {
      String forged = "{\"id\":\"t-2\",\"state\":\"failed\",\"err_code\":\"AuditSubmitIllegal\"}";
      VerifiedCallback callback =
          verifier.verify(
              CallbackRequest.of(
                  "POST", URL, workedExampleHeaders(), forged.getBytes(StandardCharsets.UTF_8)));
      // This is why Callbacks.verifyAndFetch exists: act on Vidu's answer, not on this body.
      assertThat(callback.taskId()).contains("t-2");
    }

    @Test
    void unknownStateAndFieldsInTheBodyAreKept() {
      String future =
          "{\"id\":\"t-3\",\"state\":\"archived\",\"x_new\":{\"a\":1},\"creations\":[]}";
      VerifiedCallback callback =
          verifier.verify(
              CallbackRequest.of(
                  "POST", URL, workedExampleHeaders(), future.getBytes(StandardCharsets.UTF_8)));
      assertThat(callback.state()).contains(TaskState.fromValue("archived"));
      assertThat(io.github.vidu4j.core.RawJson.field(callback.task(), "state"))
          .contains("archived");
    }
  }

  @Nested
  class WindowsAndSecrets {
    @Test
    void exactlyMaxAgeOldIsAcceptedOneSecondMoreIsStale() {
      verifierAt(SIGNED_AT.plus(CallbackVerifier.DEFAULT_MAX_AGE))
          .verify(request(workedExampleHeaders()));
      assertThat(
              refusal(
                      verifierAt(SIGNED_AT.plus(CallbackVerifier.DEFAULT_MAX_AGE).plusSeconds(1)),
                      request(workedExampleHeaders()))
                  .reason())
          .isEqualTo(Reason.STALE);
    }

    @Test
    void exactlyMaxSkewAheadIsAcceptedOneSecondMoreIsFromTheFuture() {
      verifierAt(SIGNED_AT.minus(CallbackVerifier.DEFAULT_MAX_FUTURE_SKEW))
          .verify(request(workedExampleHeaders()));
      assertThat(
              refusal(
                      verifierAt(
                          SIGNED_AT
                              .minus(CallbackVerifier.DEFAULT_MAX_FUTURE_SKEW)
                              .minusSeconds(1)),
                      request(workedExampleHeaders()))
                  .reason())
          .isEqualTo(Reason.FROM_FUTURE);
    }

    @Test
    void configuredWindowsApply() {
      CallbackVerifier strict =
          CallbackVerifier.builder()
              .secret(SECRET)
              .maxAge(Duration.ofSeconds(30))
              .maxFutureSkew(Duration.ZERO)
              .clock(Clock.fixed(SIGNED_AT.plusSeconds(31), ZoneOffset.UTC))
              .build();
      assertThat(refusal(strict, request(workedExampleHeaders())).reason()).isEqualTo(Reason.STALE);
      CallbackVerifier noSkew =
          CallbackVerifier.builder()
              .secret(SECRET)
              .maxFutureSkew(Duration.ZERO)
              .clock(Clock.fixed(SIGNED_AT.minusSeconds(1), ZoneOffset.UTC))
              .build();
      assertThat(refusal(noSkew, request(workedExampleHeaders())).reason())
          .isEqualTo(Reason.FROM_FUTURE);
    }

    @Test
    void oldAndNewSecretsAreBothAccepted() {
      CallbackVerifier rotating =
          CallbackVerifier.builder()
              .secrets(List.of("the-new-key", SECRET))
              .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
              .build();
      rotating.verify(request(workedExampleHeaders()));
      Map<String, String> byNewKey =
          CallbackSigner.withSecret("the-new-key").sign("POST", URL, SIGNED_AT, "nonce-2");
      rotating.verify(request(headers(byNewKey)));
      Map<String, String> byOtherKey =
          CallbackSigner.withSecret("a-third-key").sign("POST", URL, SIGNED_AT, "nonce-3");
      assertThat(refusal(rotating, request(headers(byOtherKey))).reason())
          .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void forgedRequestsDoNotBurnTheNonce() {
      CallbackVerifier verifier = verifierAt(SIGNED_AT);
      refusal(
          verifier,
          workedExampleWith(
              h ->
                  h.put(
                      "X-HMAC-SIGNATURE",
                      List.of(java.util.Base64.getEncoder().encodeToString(new byte[32])))));
      // The genuine callback with the same nonce still gets through.
      verifier.verify(request(workedExampleHeaders()));
    }

    @Test
    void nonceIsForgottenAfterTheWindowSoTheStoreStaysBounded() {
      InMemoryNonceStore store = new InMemoryNonceStore(3);
      Instant t = SIGNED_AT;
      assertThat(store.markIfNew("a", t, Duration.ofMinutes(6))).isTrue();
      assertThat(store.markIfNew("a", t.plusSeconds(359), Duration.ofMinutes(6))).isFalse();
      assertThat(store.markIfNew("a", t.plusSeconds(360), Duration.ofMinutes(6))).isTrue();
      for (int i = 0; i < 10; i++) {
        store.markIfNew("n" + i, t.plusSeconds(400), Duration.ofMinutes(6));
      }
      assertThat(store.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void builderRefusesNoSecretEmptySecretAndNegativeWindows() {
      assertThatThrownBy(() -> CallbackVerifier.builder().build())
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("secret");
      assertThatThrownBy(() -> CallbackVerifier.builder().secret(""))
          .isInstanceOf(InvalidSettingException.class);
      assertThatThrownBy(() -> CallbackVerifier.builder().maxAge(Duration.ofSeconds(-1)))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("maxAge");
    }
  }

  @Nested
  class SecretsStayPrivate {
    @Test
    void noMessageToStringOrSignerRevealsTheSecret() {
      List<String> texts = new ArrayList<>();
      CallbackVerifier verifier =
          CallbackVerifier.builder()
              .secrets(List.of(SECRET, "old-secret-abc"))
              .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
              .build();
      texts.add(verifier.toString());
      texts.add(CallbackVerifier.builder().secret(SECRET).toString());
      texts.add(CallbackSigner.withSecret(SECRET).toString());
      texts.add(
          refusal(verifier, workedExampleWith(h -> h.put("X-HMAC-SIGNATURE", List.of("AAAA"))))
              .getMessage());
      texts.add(
          refusal(verifierAt(SIGNED_AT.plusSeconds(3600)), request(workedExampleHeaders()))
              .getMessage());
      assertThat(texts)
          .allSatisfy(t -> assertThat(t).doesNotContain(SECRET).doesNotContain("old-secret-abc"));
    }

    /** A receiver's own token in its callback URL stays out of toString and error messages. */
    @Test
    void queryValuesOfTheCallbackUrlAreNotPrinted() {
      String url = "https://hooks.example.com/vidu?tenant=acme&token=s3cr3t-value";
      CallbackRequest request =
          CallbackRequest.of("POST", url, workedExampleHeaders(), new byte[0]);
      assertThat(request.toString())
          .contains("hooks.example.com/vidu?tenant=…&token=…")
          .doesNotContain("s3cr3t-value");

      CallbackRequest unparsable =
          CallbackRequest.of(
              "POST",
              "https://hooks.example.com/a b?token=s3cr3t-value",
              workedExampleHeaders(),
              new byte[0]);
      assertThatThrownBy(() -> verifierAt(SIGNED_AT).verify(unparsable))
          .hasMessageContaining("not a valid URI")
          .hasMessageNotContaining("s3cr3t-value")
          .satisfies(
              e ->
                  assertThat(e.getCause() == null ? "" : String.valueOf(e.getCause().getMessage()))
                      .doesNotContain("s3cr3t-value"));
    }
  }
}
