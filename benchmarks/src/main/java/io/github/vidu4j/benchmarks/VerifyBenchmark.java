package io.github.vidu4j.benchmarks;

import com.google.gson.Gson;
import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.model.TaskCreations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code CallbackVerifier.verify} of a signed success callback (the request built from the headers
 * a servlet hands over, as a receiver does) against the same checks by hand: headers looked up
 * case-insensitively, algorithm and access key checked, the signed-header list required to name
 * {@code Date} and {@code x-request-nonce} and the signing string built from it, HMAC-SHA256 with a
 * cached {@code Mac}, Base64, constant-time compare, the {@code Date} parsed once with the JDK's
 * RFC 1123 parser, a {@code ConcurrentHashMap.putIfAbsent} for the nonce, and plain Gson for the
 * body (into the same generated model). Nonces are all distinct; every {@value #RING} calls both
 * sides start a fresh nonce memory (a new verifier, a new map), so neither sees a replay.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerifyBenchmark {
  static final int RING = 8192;
  static final String SECRET = Fixtures.API_KEY;
  static final String URL = "https://receiver.example.com/vidu/callback?tenant=42";
  static final String PATH = "/vidu/callback";
  static final String QUERY = "tenant=42";
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

  private final List<Map<String, List<String>>> requests = new ArrayList<>();
  private final byte[] body = Fixtures.TASK_JSON.getBytes(StandardCharsets.UTF_8);
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Gson gson = Fixtures.plainGson();
  private CallbackVerifier verifier;
  private CallbackVerifier verifierWithoutMemory;
  private Mac mac;
  private ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
  private int next;

  @Setup
  public void setUp() throws Exception {
    CallbackSigner signer = CallbackSigner.withSecret(SECRET);
    for (int i = 0; i < RING; i++) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      signer
          .sign("POST", URL, NOW, String.format("nonce-%08d-5f2c1e", i))
          .forEach((k, v) -> headers.put(k, List.of(v)));
      headers.put("Content-Type", List.of("application/json"));
      headers.put("Content-Length", List.of(String.valueOf(body.length)));
      headers.put("User-Agent", List.of("Go-http-client/2.0"));
      headers.put("Host", List.of("receiver.example.com"));
      requests.add(headers);
    }
    verifier = newVerifier();
    verifierWithoutMemory =
        CallbackVerifier.builder()
            .secret(SECRET)
            .clock(clock)
            .nonceStore((nonce, now, ttl) -> true)
            .build();
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
  }

  private CallbackVerifier newVerifier() {
    return CallbackVerifier.builder().secret(SECRET).clock(clock).build();
  }

  private Map<String, List<String>> nextHeaders() {
    if (next == RING) {
      next = 0;
      verifier = newVerifier();
      seen = new ConcurrentHashMap<>();
    }
    return requests.get(next++);
  }

  /** The default in-memory nonce store. */
  @Benchmark
  public VerifiedCallback oursVerify() {
    // Headers first: at the end of the ring nextHeaders() replaces the verifier, and a receiver
    // expression is evaluated before the arguments.
    Map<String, List<String>> headers = nextHeaders();
    return verifier.verify(CallbackRequest.of("POST", URL, headers, body));
  }

  @Benchmark
  public TaskCreations rawVerify() {
    return raw(nextHeaders(), nonce -> seen.putIfAbsent(nonce, Boolean.TRUE) == null);
  }

  /** A nonce store that remembers nothing: the verifier alone. */
  @Benchmark
  public VerifiedCallback oursVerifyNoReplayMemory() {
    return verifierWithoutMemory.verify(CallbackRequest.of("POST", URL, nextHeaders(), body));
  }

  @Benchmark
  public TaskCreations rawVerifyNoReplayMemory() {
    return raw(nextHeaders(), nonce -> true);
  }

  /** The signed requests, {@value #RING} distinct nonces; for {@link VerifyRedisBenchmark}. */
  List<Map<String, List<String>>> requests() {
    return requests;
  }

  byte[] body() {
    return body;
  }

  /**
   * The checks by hand, {@code isNew} recording the nonce: the same work as {@code verify}. Headers
   * are looked up case-insensitively (a scan with {@code equalsIgnoreCase}, as a hand-written
   * receiver would, since HTTP stacks change the case), the algorithm and access key checked, the
   * signed-header list read and required to name {@code Date} and {@code x-request-nonce}, and the
   * signing string built from the headers it lists, in its order.
   */
  TaskCreations raw(Map<String, List<String>> headers, Predicate<String> isNew) {
    if (!"hmac-sha256".equalsIgnoreCase(header(headers, "X-HMAC-ALGORITHM"))
        || !"vidu".equals(header(headers, "X-HMAC-ACCESS-KEY"))) {
      throw new IllegalStateException("algorithm");
    }
    String[] signedNames = header(headers, "X-HMAC-SIGNED-HEADERS").split(";");
    boolean dateSigned = false;
    boolean nonceSigned = false;
    for (String name : signedNames) {
      dateSigned |= name.trim().equalsIgnoreCase("Date");
      nonceSigned |= name.trim().equalsIgnoreCase("x-request-nonce");
    }
    if (!dateSigned || !nonceSigned) {
      throw new IllegalStateException("unsigned");
    }
    String dateText = header(headers, "Date");
    String nonce = header(headers, "x-request-nonce");
    Instant date = ZonedDateTime.parse(dateText, HTTP_DATE).toInstant();
    Instant now = clock.instant();
    if (Duration.between(date, now).compareTo(Duration.ofMinutes(5)) > 0
        || Duration.between(now, date).compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalStateException("stale");
    }
    StringBuilder signing =
        new StringBuilder(160)
            .append("POST\n")
            .append(PATH)
            .append('\n')
            .append(QUERY)
            .append("\nvidu\n")
            .append(dateText)
            .append('\n');
    for (String name : signedNames) {
      String trimmed = name.trim();
      if (!trimmed.isEmpty()) {
        signing.append(trimmed).append(':').append(header(headers, trimmed).trim()).append('\n');
      }
    }
    byte[] expected =
        Base64.getEncoder()
            .encode(mac.doFinal(signing.toString().getBytes(StandardCharsets.UTF_8)));
    if (!MessageDigest.isEqual(
        expected, header(headers, "X-HMAC-SIGNATURE").getBytes(StandardCharsets.US_ASCII))) {
      throw new IllegalStateException("signature");
    }
    if (!isNew.test(nonce)) {
      throw new IllegalStateException("replayed");
    }
    return gson.fromJson(new String(body, StandardCharsets.UTF_8), TaskCreations.class);
  }

  /** The first value of {@code name}, in any case. */
  private static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue().get(0);
      }
    }
    throw new IllegalStateException("missing " + name);
  }
}
