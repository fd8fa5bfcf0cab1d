package io.github.vidu4j.callback;

import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.core.internal.CallIds;
import io.github.vidu4j.model.TaskCreations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Verifies Vidu's signed callbacks: genuine, fresh and not replayed; for receivers (and the CLI's
 * {@code vidu callback} commands). Immutable and thread-safe; build one per receiver and share it.
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

  private final List<String> secrets;
  private final Duration maxAge;
  private final Duration maxFutureSkew;
  private final Clock clock;
  private final NonceStore nonces;
  private final boolean failOpen;
  private final CallbackChecks checks;

  private final CallbackTargets targets;
  private final ViduEventListener listener;

  private CallbackVerifier(Builder b) {
    this.secrets = List.copyOf(b.secrets);
    this.maxAge = b.maxAge;
    this.maxFutureSkew = b.maxFutureSkew;
    this.clock = b.clock;
    this.nonces = b.nonceStore != null ? b.nonceStore : NonceStore.inMemory();
    this.failOpen = b.failOpen;
    this.targets = new CallbackTargets(b.targets);
    this.listener = b.eventListener;
    this.checks = new CallbackChecks(secrets, maxAge, maxFutureSkew, nonces, failOpen);
  }

  /** A builder; at least one secret is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies {@code request} and parses its body.
   *
   * @throws InvalidSignatureException with the reason the callback was refused
   * @throws ViduException if {@code request}'s callback URL (yours, as registered) cannot be
   *     parsed; register it with {@link Builder#callbackUrl} to learn this at build time instead
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
    CallbackChecks.Verified verified = checks.check(request, clock.instant(), targets);
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
        task, verified.nonce(), verified.date(), request.bodyUnsafe(), verified.replayChecked());
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
     * @throws InvalidSettingException {@code secret} if it is empty
     */
    public Builder secret(String secret) {
      Objects.requireNonNull(secret, "secret == null");
      if (secret.isEmpty()) {
        throw new InvalidSettingException("secret", "is empty");
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
     * @throws InvalidSettingException if negative or above {@link #MAX_WINDOW}
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = Windows.checked(maxAge, "maxAge");
      return this;
    }

    /**
     * How far ahead a {@code Date} may be; default {@link #DEFAULT_MAX_FUTURE_SKEW}, at most {@link
     * #MAX_WINDOW}.
     *
     * @throws InvalidSettingException if negative or above {@link #MAX_WINDOW}
     */
    public Builder maxFutureSkew(Duration skew) {
      this.maxFutureSkew = Windows.checked(skew, "maxFutureSkew");
      return this;
    }

    /**
     * Registers a callback URL you send as {@code callback_url} (repeatable): it is parsed here, so
     * one that cannot be parsed fails now rather than on the first callback, and verifying a
     * request for it skips the parse. Optional; requests for other URLs are still verified.
     *
     * @throws InvalidSettingException if {@code callbackUrl} is not a valid URI
     */
    public Builder callbackUrl(String callbackUrl) {
      Objects.requireNonNull(callbackUrl, "callbackUrl == null");
      targets.put(callbackUrl, CallbackTargets.parseRegistered(callbackUrl));
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
     * @throws InvalidSettingException {@code secret} without one
     */
    public CallbackVerifier build() {
      if (secrets.isEmpty()) {
        throw new InvalidSettingException(
            "secret", "is required (at least one): the API key that created the tasks");
      }
      return new CallbackVerifier(this);
    }

    @Override
    public String toString() {
      return "CallbackVerifier.Builder{secrets=" + secrets.size() + " <redacted>}";
    }
  }
}
