package io.github.vidu4j.callback;

import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.core.internal.CallIds;
import io.github.vidu4j.model.TaskCreations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;

/**
 * Verifies Vidu's signed callbacks: genuine, fresh and not replayed. Immutable and thread-safe;
 * build one per receiver and share it.
 *
 * <pre>{@code
 * CallbackVerifier verifier = CallbackVerifier.builder().secret(System.getenv("VIDU_API_KEY")).build();
 * VerifiedCallback callback = verifier.verify(
 *     CallbackRequest.of("POST", registeredCallbackUrl, headers, rawBodyBytes));
 * }</pre>
 *
 * <p>Checks, in order, each failing with its {@link InvalidSignatureException.Reason}: the six
 * headers are present; {@code X-HMAC-ALGORITHM} is {@code hmac-sha256} and {@code
 * X-HMAC-ACCESS-KEY} is {@code vidu}; {@code Date} and {@code x-request-nonce} are both signed;
 * {@code Date} lies within {@link Builder#maxAge} in the past and {@link Builder#maxFutureSkew} in
 * the future; the signature matches one of the secrets (compared in constant time); the nonce is
 * new (recorded only once the signature matched, so forged requests cannot fill the store). Only
 * then is the body parsed.
 *
 * <p><b>Several receiver instances.</b> The default nonce store lives in this process, so two
 * instances would each accept the same callback once. Share one store, for example {@code
 * RedisNonceStore} from {@code vidu4j-redis}. If the store fails, the callback is refused as {@code
 * NONCE_STORE_UNAVAILABLE} (answer 503, not 401: it may be genuine) unless you chose {@link
 * Builder#failOpenWhenNonceStoreFails()}.
 *
 * <p><b>Raw body.</b> Pass the bytes as received; frameworks that parse JSON first hand you a
 * re-serialised copy. The body is not signed by Vidu, so it is not used in verification, but the
 * task you act on comes from it.
 *
 * <p><b>Proxies.</b> Verify against the {@code callback_url} you registered with the task (store
 * it), never the request line: a proxy may change the host, path or query encoding.
 *
 * <p><b>Encoded paths.</b> Vidu's two official examples read a percent-encoded path differently
 * (Python's {@code urlparse} keeps {@code /a%20b}, Go's {@code url.URL.Path} gives {@code /a b}); a
 * signature over either reading is accepted. The query is always signed raw. A callback URL without
 * percent-encoding in its path, the usual case, has one reading.
 *
 * <p><b>Acknowledge once verified.</b> The nonce is recorded as soon as the signature matches. Vidu
 * retries {@code success} and {@code failed} deliveries that were not answered 2xx, and does not
 * say whether a retry is signed afresh: one that reuses the nonce is refused as {@code REPLAYED}.
 * So answer 2xx as soon as {@link #verify} returns and do the work afterwards (the README's
 * receiver does), rather than answering 5xx when your own processing fails.
 *
 * <p><b>Key rotation.</b> Vidu signs a task's callbacks with the API key that created the task.
 * While old tasks may still call back, configure both keys: {@code secrets(List.of(newKey,
 * oldKey))}.
 *
 * <p><b>Verify, or verify then confirm.</b> Because the body is unsigned, someone who captured a
 * callback could replay its headers with another body within the date window before the real one
 * arrives. {@link #verify} is enough to acknowledge quickly and to drive cheap, idempotent work
 * (refresh a progress display). Before acting on money or state (marking an order done, billing,
 * publishing images), use {@code ViduClient.callbacks().verifyAndFetch(verifier, request)}, which
 * verifies the headers and then reads the task from Vidu, so you act on Vidu's own answer.
 */
public final class CallbackVerifier {
  /**
   * Default {@link Builder#maxAge}: 5 minutes, the window Stripe and Svix use, wide enough for
   * retries in flight and modest clock drift.
   */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

  /**
   * Default {@link Builder#maxFutureSkew}: 1 minute; a sender's clock may run a little ahead, never
   * far.
   */
  public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(1);

  /**
   * The largest {@link Builder#maxAge} and {@link Builder#maxFutureSkew}: 24 hours each. A wider
   * window would keep every nonce that long and let a captured callback be replayed for a day;
   * larger values are refused rather than clamped, so the configuration says what runs.
   */
  public static final Duration MAX_WINDOW = Duration.ofHours(24);

  /** The {@code Date} header's form: RFC 7231 IMF-fixdate and the other RFC 1123 forms. */
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

  private static final List<String> REQUIRED =
      List.of(
          "Date",
          "x-request-nonce",
          "X-HMAC-SIGNED-HEADERS",
          "X-HMAC-SIGNATURE",
          "X-HMAC-ALGORITHM",
          "X-HMAC-ACCESS-KEY");

  private final List<String> secrets;
  private final Duration maxAge;
  private final Duration maxFutureSkew;
  private final Clock clock;
  private final NonceStore nonces;
  private final Duration nonceTtl;
  private final boolean failOpen;

  /** The callback URLs given to the builder, parsed there. */
  private final Map<String, SigningString.Target> registeredTargets;

  private final ViduEventListener listener;

  /**
   * A keyed {@code Mac} per secret for each thread: {@code Mac.getInstance} and {@code init} cost
   * more than the HMAC itself.
   */
  private final ThreadLocal<Mac[]> macs;

  private volatile SigningString.@Nullable Target lastTarget;

  private CallbackVerifier(Builder b) {
    this.secrets = List.copyOf(b.secrets);
    this.maxAge = b.maxAge;
    this.maxFutureSkew = b.maxFutureSkew;
    this.clock = b.clock;
    this.nonces = b.nonceStore != null ? b.nonceStore : NonceStore.inMemory();
    this.nonceTtl = maxAge.plus(maxFutureSkew);
    this.failOpen = b.failOpen;
    this.registeredTargets = Map.copyOf(b.targets);
    this.listener = b.eventListener;
    List<String> keys = secrets;
    this.macs =
        ThreadLocal.withInitial(() -> keys.stream().map(SigningString::mac).toArray(Mac[]::new));
  }

  /** A builder; at least one secret is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies {@code request} and parses its body.
   *
   * @throws InvalidSignatureException with the reason the callback was refused
   * @throws CallbackConfigurationException if {@code request}'s callback URL (yours, as registered)
   *     cannot be parsed; register it with {@link Builder#callbackUrl} to learn this at build time
   */
  public VerifiedCallback verify(CallbackRequest request) {
    Objects.requireNonNull(request, "request == null");
    VerifiedCallback verified;
    try {
      verified = verifyUnobserved(request);
    } catch (InvalidSignatureException e) {
      if (listener != ViduEventListener.NONE) {
        listener.callbackRejected(CallIds.next(), e.reason());
      }
      throw e;
    }
    if (listener != ViduEventListener.NONE) {
      listener.callbackVerified(CallIds.next(), verified.taskId());
    }
    return verified;
  }

  private VerifiedCallback verifyUnobserved(CallbackRequest request) {
    Instant now = clock.instant();
    Verified verified = verifyHeaders(request, now);
    TaskCreations task;
    try {
      task =
          ViduJson.read(
              new String(request.bodyUnsafe(), StandardCharsets.UTF_8), TaskCreations.class);
    } catch (ViduException e) {
      throw new InvalidSignatureException(
          Reason.MALFORMED_BODY,
          "the signature is valid but the body is not task JSON: " + e.getMessage());
    }
    // Shared, not copied: the request's bytes are its own copy and both hand out only copies.
    return new VerifiedCallback(
        task, verified.nonce, verified.date, request.bodyUnsafe(), verified.replayChecked);
  }

  private record Verified(String nonce, Instant date, boolean replayChecked) {}

  /** Checks everything but the body and returns the nonce and date; records the nonce. */
  private Verified verifyHeaders(CallbackRequest request, Instant now) {
    for (String name : REQUIRED) {
      if (request.hasNullValue(name)) {
        throw new InvalidSignatureException(Reason.MALFORMED_HEADER, name + " has a null value");
      }
      if (request.headers(name).isEmpty()) {
        throw new InvalidSignatureException(Reason.MISSING_HEADER, "missing header " + name);
      }
    }
    String algorithm = single(request, "X-HMAC-ALGORITHM");
    if (!algorithm.equalsIgnoreCase(SigningString.ALGORITHM)) {
      throw new InvalidSignatureException(
          Reason.UNSUPPORTED_ALGORITHM,
          "X-HMAC-ALGORITHM is \"" + shorten(algorithm) + "\", expected hmac-sha256");
    }
    String accessKey = single(request, "X-HMAC-ACCESS-KEY");
    if (!accessKey.equals(SigningString.ACCESS_KEY)) {
      throw new InvalidSignatureException(
          Reason.WRONG_ACCESS_KEY,
          "X-HMAC-ACCESS-KEY is \"" + shorten(accessKey) + "\", expected vidu");
    }
    List<String> signedNames = new ArrayList<>();
    for (String name : single(request, "X-HMAC-SIGNED-HEADERS").split(";")) {
      if (!name.trim().isEmpty()) {
        signedNames.add(name.trim());
      }
    }
    for (String required : List.of("Date", "x-request-nonce")) {
      if (!containsIgnoringCase(signedNames, required)) {
        throw new InvalidSignatureException(
            Reason.UNSIGNED_REQUIRED_HEADER,
            required
                + " is not listed in X-HMAC-SIGNED-HEADERS, so it could be changed undetected");
      }
    }
    String dateText = single(request, "Date");
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
    List<Map.Entry<String, String>> signed = new ArrayList<>();
    for (String name : signedNames) {
      List<String> values = request.headers(name);
      if (request.hasNullValue(name)) {
        throw new InvalidSignatureException(
            Reason.MALFORMED_HEADER, shorten(name) + " has a null value");
      }
      if (values.isEmpty()) {
        throw new InvalidSignatureException(
            Reason.MISSING_HEADER,
            "missing header " + shorten(name) + ", listed in X-HMAC-SIGNED-HEADERS");
      }
      signed.add(
          Map.entry(
              name,
              values.size() == 1
                  ? values.get(0).trim()
                  : String.join(",", values.stream().map(String::trim).toList())));
    }
    String presentedText = single(request, "X-HMAC-SIGNATURE");
    // Compared as canonical base64 text, not decoded bytes: the decoder ignores the unused low
    // bits of the last character, so several spellings decode alike and would all be accepted.
    byte[] presented = presentedText.getBytes(StandardCharsets.US_ASCII);
    List<String> signingStrings =
        SigningString.readings(request.method(), target(request.callbackUrl()), dateText, signed);
    Mac[] keyed = macs.get();
    boolean matched = false;
    for (String signingString : signingStrings) {
      for (Mac mac : keyed) {
        // Every secret is tried even after a match, so timing does not reveal which one matched.
        matched |= MessageDigest.isEqual(SigningString.signature(mac, signingString), presented);
      }
    }
    if (!matched) {
      // Checked only here: a match is canonical base64 already.
      try {
        Base64.getDecoder().decode(presentedText);
      } catch (IllegalArgumentException e) {
        throw new InvalidSignatureException(
            Reason.MALFORMED_HEADER, "X-HMAC-SIGNATURE is not base64");
      }
      throw new InvalidSignatureException(
          Reason.BAD_SIGNATURE,
          "X-HMAC-SIGNATURE matches none of the "
              + secrets.size()
              + " configured secret(s); check the secret"
              + " (the API key that created the task) and that the callback URL is exactly the registered one");
    }
    String nonce = single(request, "x-request-nonce");
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

  /**
   * The signed parts of {@code callbackUrl}. A receiver verifies against the one URL it registered,
   * so the last one parsed is kept: {@code new URI} costs as much as the HMAC.
   */
  private SigningString.Target target(String callbackUrl) {
    SigningString.Target registered = registeredTargets.get(callbackUrl);
    if (registered != null) {
      return registered;
    }
    SigningString.Target last = lastTarget;
    if (last != null && last.url.equals(callbackUrl)) {
      return last;
    }
    last = parseTarget(callbackUrl);
    lastTarget = last;
    return last;
  }

  private static SigningString.Target parseTarget(String callbackUrl) {
    try {
      return SigningString.Target.of(callbackUrl);
    } catch (IllegalArgumentException e) {
      // The message shows the URL through SafeUrl (query names only).
      throw new CallbackConfigurationException(
          "the registered callback URL cannot be parsed: " + e.getMessage());
    }
  }

  private static boolean containsIgnoringCase(List<String> names, String name) {
    for (String candidate : names) {
      if (candidate.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static String single(CallbackRequest request, String name) {
    List<String> values = request.headers(name);
    if (values.size() != 1) {
      throw new InvalidSignatureException(
          Reason.MALFORMED_HEADER, name + " appears " + values.size() + " times");
    }
    return values.get(0).trim();
  }

  private static Instant parseDate(String text) {
    try {
      return ZonedDateTime.parse(text, RFC_1123).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidSignatureException(
          Reason.MALFORMED_HEADER, "Date \"" + shorten(text) + "\" is not an RFC 1123 date");
    }
  }

  private static String shorten(String text) {
    return text.length() <= 64 ? text : text.substring(0, 60) + "...";
  }

  /**
   * As people write a duration, {@code 5m}, {@code 90s}, {@code 1h30m}: never Java's {@code PT5M}.
   */
  static String written(Duration d) {
    long seconds = d.toSeconds();
    if (seconds == 0) {
      return d.toMillis() + "ms";
    }
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 > 0) {
      text.append(seconds % 60).append('s');
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "CallbackVerifier{secrets="
        + secrets.size()
        + " <redacted>, maxAge="
        + maxAge
        + ", maxFutureSkew="
        + maxFutureSkew
        + ", nonces="
        + nonces
        + (failOpen ? " (fail-open)" : "")
        + "}";
  }

  /** Configures a {@link CallbackVerifier}. */
  public static final class Builder {
    private final List<String> secrets = new ArrayList<>();
    private Duration maxAge = DEFAULT_MAX_AGE;
    private Duration maxFutureSkew = DEFAULT_MAX_FUTURE_SKEW;
    private Clock clock = Clock.systemUTC();
    private @Nullable NonceStore nonceStore;
    private boolean failOpen;
    private final Map<String, SigningString.Target> targets = new LinkedHashMap<>();
    private ViduEventListener eventListener = ViduEventListener.NONE;

    private Builder() {}

    /**
     * Told of every verdict: {@link ViduEventListener#callbackVerified} or {@link
     * ViduEventListener#callbackRejected} with the reason; default {@link ViduEventListener#NONE}.
     */
    public Builder eventListener(ViduEventListener listener) {
      this.eventListener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Adds a secret: the API key that created the tasks whose callbacks this verifies.
     *
     * @throws CallbackConfigurationException if {@code secret} is empty
     */
    public Builder secret(String secret) {
      Objects.requireNonNull(secret, "secret == null");
      if (secret.isEmpty()) {
        throw new CallbackConfigurationException("secret is empty");
      }
      secrets.add(secret);
      return this;
    }

    /** Adds several secrets (key rotation): a callback signed with any of them is accepted. */
    public Builder secrets(List<String> secrets) {
      secrets.forEach(this::secret);
      return this;
    }

    /**
     * How old a {@code Date} may be; default {@link #DEFAULT_MAX_AGE}, at most {@link #MAX_WINDOW}.
     * Nonces are kept this long plus the future skew (the TTL passed to {@link
     * NonceStore#markIfNew}).
     *
     * @throws CallbackConfigurationException if negative or above {@link #MAX_WINDOW}
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = window(maxAge, "maxAge");
      return this;
    }

    /**
     * How far ahead a {@code Date} may be; default {@link #DEFAULT_MAX_FUTURE_SKEW}, at most {@link
     * #MAX_WINDOW}.
     *
     * @throws CallbackConfigurationException if negative or above {@link #MAX_WINDOW}
     */
    public Builder maxFutureSkew(Duration skew) {
      this.maxFutureSkew = window(skew, "maxFutureSkew");
      return this;
    }

    /**
     * Registers a callback URL you send as {@code callback_url} (repeatable): it is parsed here, so
     * one that cannot be parsed fails now rather than on the first callback, and verifying a
     * request for it skips the parse. Optional; requests for other URLs are still verified.
     *
     * @throws CallbackConfigurationException if {@code callbackUrl} is not a valid URI
     */
    public Builder callbackUrl(String callbackUrl) {
      Objects.requireNonNull(callbackUrl, "callbackUrl == null");
      targets.put(callbackUrl, parseTarget(callbackUrl));
      return this;
    }

    /** The clock the window is measured on; default the UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Where nonces are remembered; default {@link NonceStore#inMemory()}. */
    public Builder nonceStore(NonceStore store) {
      this.nonceStore = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Accepts a correctly signed, fresh callback even when the nonce store throws, instead of the
     * default refusal ({@code NONCE_STORE_UNAVAILABLE}, fail-closed). Such a callback's {@link
     * VerifiedCallback#replayChecked()} is {@code false}: it may be a replay within the date
     * window, so do only idempotent work with it, or re-read the task from Vidu. Choose this only
     * if losing callbacks while the store is down costs more than that.
     */
    public Builder failOpenWhenNonceStoreFails() {
      this.failOpen = true;
      return this;
    }

    /**
     * The verifier.
     *
     * @throws CallbackConfigurationException without a secret
     */
    public CallbackVerifier build() {
      if (secrets.isEmpty()) {
        throw new CallbackConfigurationException(
            "at least one secret is required: the API key that created the tasks");
      }
      return new CallbackVerifier(this);
    }

    private static Duration window(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative()) {
        throw new CallbackConfigurationException(name + " must not be negative, got " + d);
      }
      if (d.compareTo(MAX_WINDOW) > 0) {
        throw new CallbackConfigurationException(
            name + " must be at most " + written(MAX_WINDOW) + ", got " + d);
      }
      return d;
    }

    @Override
    public String toString() {
      return "CallbackVerifier.Builder{secrets=" + secrets.size() + " <redacted>}";
    }
  }
}
