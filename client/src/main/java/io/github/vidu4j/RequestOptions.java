package io.github.vidu4j;

import io.github.vidu4j.core.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Options of one create call, in one object rather than an overload per option (as openai-java's
 * and stripe-java's {@code RequestOptions}): extra body fields, a time limit, a retry count. Each
 * unset option keeps the client's setting. Immutable; every method returns a copy.
 *
 * <pre>{@code
 * client.videos().textToVideo(request,
 *     RequestOptions.defaults().withExtraFields(ExtraBodyFields.none().with("quality", "high"))
 *         .withTimeout(Duration.ofSeconds(20)).withMaxRetries(0));
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS =
      new RequestOptions(ExtraBodyFields.none(), null, null);

  private final ExtraBodyFields extraFields;
  private final @Nullable Duration timeout;
  private final @Nullable Integer maxRetries;

  private RequestOptions(
      ExtraBodyFields extraFields, @Nullable Duration timeout, @Nullable Integer maxRetries) {
    this.extraFields = extraFields;
    this.timeout = timeout;
    this.maxRetries = maxRetries;
  }

  /** No extra field; the client's timeouts and retries. */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A copy that also sends {@code extraFields} (not validated; a field the operation's schema has
   * is refused).
   */
  public RequestOptions withExtraFields(ExtraBodyFields extraFields) {
    return new RequestOptions(
        Objects.requireNonNull(extraFields, "extraFields == null"), timeout, maxRetries);
  }

  /**
   * A copy whose create call is limited to {@code timeout} (positive): the first attempt is cut off
   * after it, and no retry starts after it. Default: the client's timeouts.
   */
  public RequestOptions withTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidSettingException("timeout", "must be positive, got " + timeout);
    }
    return new RequestOptions(extraFields, timeout, maxRetries);
  }

  /**
   * A copy with at most {@code maxRetries} (0 or more) retries of the create call, which still
   * never retries when Vidu may have started the task. Default: the client's {@code maxRetries}.
   */
  public RequestOptions withMaxRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new InvalidSettingException("maxRetries", "must be 0 or more, got " + maxRetries);
    }
    return new RequestOptions(extraFields, timeout, maxRetries);
  }

  /** The extra body fields; {@link ExtraBodyFields#none()} by default. */
  public ExtraBodyFields extraFields() {
    return extraFields;
  }

  /** The time limit, if set. */
  public @Nullable Duration timeout() {
    return timeout;
  }

  /** The retry count, if set. */
  public @Nullable Integer maxRetries() {
    return maxRetries;
  }

  @Override
  public String toString() {
    return "RequestOptions{extraFields="
        + extraFields.asJson().keySet()
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + "}";
  }
}
