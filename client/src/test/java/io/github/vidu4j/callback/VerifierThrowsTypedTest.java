package io.github.vidu4j.callback;

import static io.github.vidu4j.callback.CallbackVerifierTest.BODY;
import static io.github.vidu4j.callback.CallbackVerifierTest.SECRET;
import static io.github.vidu4j.callback.CallbackVerifierTest.SIGNED_AT;
import static io.github.vidu4j.callback.CallbackVerifierTest.URL;
import static io.github.vidu4j.callback.CallbackVerifierTest.refusal;
import static io.github.vidu4j.callback.CallbackVerifierTest.request;
import static io.github.vidu4j.callback.CallbackVerifierTest.verifierAt;
import static io.github.vidu4j.callback.CallbackVerifierTest.workedExampleHeaders;
import static io.github.vidu4j.callback.CallbackVerifierTest.workedExampleWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import io.github.vidu4j.core.ViduException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a receiver's input or configuration can go wrong ends typed: at run time in a {@code
 * ViduException}, a refused builder setting in an {@code InvalidSettingException} naming it.
 */
class VerifierThrowsTypedTest {
  private static final NonceStore BROKEN_STORE =
      (nonce, now, ttl) -> {
        throw new UncheckedIOException(new IOException("Connection refused"));
      };

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Date",
        "x-request-nonce",
        "X-HMAC-SIGNATURE",
        "X-HMAC-SIGNED-HEADERS",
        "X-HMAC-ALGORITHM",
        "X-HMAC-ACCESS-KEY"
      })
  void aNullInAHeadersValuesIsAMalformedHeader(String name) {
    Map<String, List<String>> headers = workedExampleHeaders();
    headers.put(name, Arrays.asList(headers.get(name).get(0), null));
    InvalidSignatureException e = refusal(verifierAt(SIGNED_AT), request(headers));
    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(e.getMessage()).containsIgnoringCase(name);

    headers.put(name, Arrays.asList((String) null));
    assertThat(refusal(verifierAt(SIGNED_AT), request(headers)).reason())
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void aNullInAnUnsignedHeaderIsHarmless() {
    assertThat(
            verifierAt(SIGNED_AT)
                .verify(workedExampleWith(h -> h.put("X-Forwarded-For", Arrays.asList("a", null))))
                .nonce())
        .isNotEmpty();
  }

  @Test
  void anUnparseableCallbackUrlAtVerifyTimeIsTyped() {
    CallbackRequest bad =
        CallbackRequest.of(
            "POST",
            "http://127.0.0.1/a b%zz",
            workedExampleHeaders(),
            BODY.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> verifierAt(SIGNED_AT).verify(bad))
        .isExactlyInstanceOf(ViduException.class)
        .hasMessageContaining("callback URL cannot be parsed");
  }

  @Test
  void theLongestMaxAgeIsRefusedTypedOrVerifiesValidCallbacks() {
    CallbackVerifier verifier;
    try {
      verifier =
          CallbackVerifier.builder()
              .secret(SECRET)
              .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
              .maxAge(Duration.ofSeconds(Long.MAX_VALUE))
              .build();
    } catch (InvalidSettingException refused) {
      assertThat(refused.setting()).isEqualTo("maxAge");
      return;
    }
    assertThat(verifier.verify(request(workedExampleHeaders())).nonce()).isNotEmpty();
  }

  @Test
  void aFailingNonceStoreRefusesFailClosed() {
    CallbackVerifier verifier =
        CallbackVerifier.builder()
            .secret(SECRET)
            .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
            .nonceStore(BROKEN_STORE)
            .build();
    InvalidSignatureException e = refusal(verifier, request(workedExampleHeaders()));
    assertThat(e.reason().name()).isEqualTo("NONCE_STORE_UNAVAILABLE");
    assertThat(e.getCause()).isInstanceOf(UncheckedIOException.class);
    assertThat(e.getMessage()).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/a%zz",
        "http://127.0.0.1/a b",
        "http://127.0.0.1/cb?x=a b&token=t0ps3cret"
      })
  void anUnparseableRegisteredUrlIsRefusedWhenTheVerifierIsBuilt(String registered) {
    assertThatThrownBy(() -> CallbackVerifier.builder().secret(SECRET).callbackUrl(registered))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("callbackUrl cannot be parsed")
        .hasMessageNotContaining("t0ps3cret");
  }

  @Test
  void aRegisteredUrlVerifiesAsBefore() {
    CallbackVerifier verifier =
        CallbackVerifier.builder()
            .secret(SECRET)
            .callbackUrl(URL)
            .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
            .build();
    assertThat(verifier.verify(request(workedExampleHeaders())).replayChecked()).isTrue();
    assertThat(refusal(verifier, request(workedExampleHeaders())).reason())
        .isEqualTo(Reason.REPLAYED);
  }

  @Test
  void windowsAboveTheDocumentedMaximumAreRefusedAndTheMaximumWorks() {
    Duration above = CallbackVerifier.MAX_WINDOW.plusSeconds(1);
    assertThatThrownBy(() -> CallbackVerifier.builder().maxAge(above))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("maxAge")
        .hasMessageContaining("24h");
    assertThatThrownBy(
            () -> CallbackVerifier.builder().maxFutureSkew(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("maxFutureSkew");
    CallbackVerifier widest =
        CallbackVerifier.builder()
            .secret(SECRET)
            .clock(Clock.fixed(SIGNED_AT.plus(CallbackVerifier.MAX_WINDOW), ZoneOffset.UTC))
            .maxAge(CallbackVerifier.MAX_WINDOW)
            .maxFutureSkew(CallbackVerifier.MAX_WINDOW)
            .build();
    assertThat(widest.verify(request(workedExampleHeaders())).nonce()).isNotEmpty();
  }

  @Test
  void failOpenAcceptsWhenTheStoreFailsAndSaysSo() {
    CallbackVerifier verifier =
        CallbackVerifier.builder()
            .secret(SECRET)
            .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
            .nonceStore(BROKEN_STORE)
            .failOpenWhenNonceStoreFails()
            .build();
    VerifiedCallback accepted = verifier.verify(request(workedExampleHeaders()));
    assertThat(accepted.replayChecked()).isFalse();
    assertThat(accepted.toString()).contains("replayChecked=false");
    assertThat(verifier.toString()).contains("fail-open");
    // Fail-open covers the store only: a bad signature is still refused.
    assertThat(
            refusal(
                    verifier,
                    workedExampleWith(
                        h ->
                            h.put(
                                "X-HMAC-SIGNATURE",
                                List.of("AAAA" + h.get("X-HMAC-SIGNATURE").get(0).substring(4)))))
                .reason())
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void aStoreThatWorksAgainIsUsedAgain() {
    boolean[] down = {true};
    NonceStore memory = NonceStore.inMemory();
    NonceStore flaky =
        (nonce, now, ttl) -> {
          if (down[0]) {
            throw new IllegalStateException("pool exhausted");
          }
          return memory.markIfNew(nonce, now, ttl);
        };
    CallbackVerifier verifier =
        CallbackVerifier.builder()
            .secret(SECRET)
            .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
            .nonceStore(flaky)
            .build();
    assertThat(refusal(verifier, request(workedExampleHeaders())).reason())
        .isEqualTo(Reason.NONCE_STORE_UNAVAILABLE);
    down[0] = false;
    assertThat(verifier.verify(request(workedExampleHeaders())).replayChecked()).isTrue();
    assertThat(refusal(verifier, request(workedExampleHeaders())).reason())
        .isEqualTo(Reason.REPLAYED);
  }
}
