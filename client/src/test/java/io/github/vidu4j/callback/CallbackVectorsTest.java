package io.github.vidu4j.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of {@code openapi/callback-vectors.json}, the language-neutral vectors that the
 * Python and Node receivers beside the spec also run, through {@link CallbackVerifier}.
 */
class CallbackVectorsTest {
  static final Path VECTORS =
      Path.of(System.getProperty("vidu.spec", "../openapi/vidu.yaml"))
          .toAbsolutePath()
          .resolveSibling("callback-vectors.json");

  static JsonObject vectors() throws IOException {
    return JsonParser.parseString(Files.readString(VECTORS, StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  static Stream<Arguments> cases() throws IOException {
    return StreamSupport.stream(vectors().getAsJsonArray("cases").spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .map(c -> Arguments.of(c.get("name").getAsString(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verifierGivesTheExpectedOutcome(String name, JsonObject vector) throws IOException {
    JsonObject settings = vectors().getAsJsonObject("verifier");
    Instant now = Instant.parse(vector.get("now").getAsString());
    Duration maxAge = Duration.ofSeconds(settings.get("maxAgeSeconds").getAsLong());
    Duration maxFutureSkew = Duration.ofSeconds(settings.get("maxFutureSkewSeconds").getAsLong());
    boolean storeFails = flag(vector, "nonceStoreFails");
    RuntimeException storeFailure = new IllegalStateException("the nonce store is down");
    NonceStore nonces = NonceStore.inMemory();
    for (JsonElement seen : vector.getAsJsonArray("seenNonces")) {
      assertThat(nonces.markIfNew(seen.getAsString(), now, maxAge.plus(maxFutureSkew))).isTrue();
    }
    CallbackVerifier.Builder builder =
        CallbackVerifier.builder()
            .secrets(strings(vector.getAsJsonArray("secrets")))
            .maxAge(maxAge)
            .maxFutureSkew(maxFutureSkew)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .nonceStore(
                storeFails
                    ? (nonce, at, ttl) -> {
                      throw storeFailure;
                    }
                    : nonces);
    if (flag(vector, "failOpenWhenNonceStoreFails")) {
      builder.failOpenWhenNonceStoreFails();
    }
    CallbackVerifier verifier = builder.build();
    JsonObject request = vector.getAsJsonObject("request");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (JsonElement pair : request.getAsJsonArray("headers")) {
      JsonArray nameValue = pair.getAsJsonArray();
      headers
          .computeIfAbsent(nameValue.get(0).getAsString(), n -> new ArrayList<>())
          .add(nameValue.get(1).getAsString());
    }
    String body = request.get("body").getAsString();
    CallbackRequest received =
        CallbackRequest.of(
            request.get("method").getAsString(),
            request.get("callbackUrl").getAsString(),
            headers,
            body.getBytes(StandardCharsets.UTF_8));
    JsonObject expected = vector.getAsJsonObject("expected");

    InvalidSignatureException refusal = null;
    VerifiedCallback verified = null;
    try {
      verified = verifier.verify(received);
    } catch (InvalidSignatureException e) {
      refusal = e;
    }

    if (expected.get("valid").getAsBoolean()) {
      assertThat(refusal).as("refusal of a valid case").isNull();
      assertThat(verified.nonce()).isEqualTo(received.headers("x-request-nonce").get(0));
      assertThat(new String(verified.rawBody(), StandardCharsets.UTF_8)).isEqualTo(body);
      boolean replayChecked = expected.get("replayChecked").getAsBoolean();
      assertThat(verified.replayChecked()).isEqualTo(replayChecked);
      if (replayChecked) {
        // The same delivery again is a replay: the nonce was recorded.
        assertThat(CallbackVerifierTest.refusal(verifier, received).reason())
            .isEqualTo(Reason.REPLAYED);
      } else {
        // Nothing was recorded, so nothing stops the same delivery again.
        assertThat(verifier.verify(received).replayChecked()).isFalse();
      }
    } else {
      assertThat(refusal).as("a refusal").isNotNull();
      assertThat(refusal.reason().name()).isEqualTo(expected.get("reason").getAsString());
      if (refusal.reason() == Reason.NONCE_STORE_UNAVAILABLE) {
        assertThat(refusal.getCause()).isSameAs(storeFailure);
      }
      for (String secret : strings(vector.getAsJsonArray("secrets"))) {
        assertThat(refusal.getMessage()).doesNotContain(secret);
      }
    }
  }

  @Test
  void validCasesCarryTheStringTheirSignatureIsOver() throws IOException {
    for (JsonElement element : vectors().getAsJsonArray("cases")) {
      JsonObject vector = element.getAsJsonObject();
      if (!vector.getAsJsonObject("expected").get("valid").getAsBoolean()) {
        continue;
      }
      String signed = header(vector, "X-HMAC-SIGNATURE");
      String signingString = vector.get("signingString").getAsString();
      assertThat(strings(vector.getAsJsonArray("secrets")))
          .as(vector.get("name").getAsString())
          .anySatisfy(
              secret ->
                  assertThat(SigningString.signature(secret, signingString)).isEqualTo(signed));
    }
  }

  @Test
  void workedExampleIsVidusWithTheIndependentlyComputedSignature() throws IOException {
    JsonObject worked = vectors().getAsJsonArray("cases").get(0).getAsJsonObject();
    assertThat(worked.get("name").getAsString()).isEqualTo("vidu-worked-example");
    assertThat(worked.getAsJsonObject("request").get("callbackUrl").getAsString())
        .isEqualTo(CallbackVerifierTest.URL);
    assertThat(header(worked, "Date")).isEqualTo(CallbackVerifierTest.DATE);
    assertThat(header(worked, "x-request-nonce")).isEqualTo(CallbackVerifierTest.NONCE);
    assertThat(header(worked, "X-HMAC-SIGNATURE"))
        .isEqualTo(CallbackVerifierTest.EXPECTED_SIGNATURE);
    assertThat(worked.get("signingString").getAsString().getBytes(StandardCharsets.UTF_8))
        .hasSize(161);
  }

  @Test
  void reasonsAreExactlyTheJavaReasonsAndEachIsExercised() throws IOException {
    JsonObject file = vectors();
    Set<String> javaReasons =
        Arrays.stream(Reason.values())
            .map(Enum::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(new TreeSet<>(file.getAsJsonObject("reasons").keySet())).isEqualTo(javaReasons);
    Set<String> used =
        StreamSupport.stream(file.getAsJsonArray("cases").spliterator(), false)
            .map(c -> c.getAsJsonObject().getAsJsonObject("expected"))
            .filter(e -> !e.get("valid").getAsBoolean())
            .map(e -> e.get("reason").getAsString())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(used).isEqualTo(javaReasons);
  }

  @Test
  void verifierSettingsAreTheJavaDefaults() throws IOException {
    JsonObject settings = vectors().getAsJsonObject("verifier");
    assertThat(Duration.ofSeconds(settings.get("maxAgeSeconds").getAsLong()))
        .isEqualTo(CallbackVerifier.DEFAULT_MAX_AGE);
    assertThat(Duration.ofSeconds(settings.get("maxFutureSkewSeconds").getAsLong()))
        .isEqualTo(CallbackVerifier.DEFAULT_MAX_FUTURE_SKEW);
  }

  /** An optional input flag of a case; absent means false. */
  private static boolean flag(JsonObject vector, String name) {
    return vector.has(name) && vector.get(name).getAsBoolean();
  }

  private static String header(JsonObject vector, String name) {
    for (JsonElement pair : vector.getAsJsonObject("request").getAsJsonArray("headers")) {
      if (pair.getAsJsonArray().get(0).getAsString().equalsIgnoreCase(name)) {
        return pair.getAsJsonArray().get(1).getAsString();
      }
    }
    throw new AssertionError(vector.get("name").getAsString() + " has no header " + name);
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(e.getAsString()));
    return out;
  }
}
