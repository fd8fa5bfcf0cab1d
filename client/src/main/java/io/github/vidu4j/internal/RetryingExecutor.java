package io.github.vidu4j.internal;

import com.google.gson.JsonParseException;
import com.google.gson.stream.MalformedJsonException;
import io.github.vidu4j.core.Backoff;
import io.github.vidu4j.core.Sleeper;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.core.internal.CallIds;
import java.io.IOException;
import java.net.ProtocolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs calls with vidu4j's retry rules: bounded exponential backoff with jitter, {@code
 * Retry-After} honoured up to a cap, and a budget on the total time spent retrying.
 *
 * <p>{@link Mode#IDEMPOTENT} (reads, downloads) retries transport failures and the statuses {@link
 * ViduApiException#isRetryable()} names. The other modes retry only when the server cannot have
 * acted: the connection was never established, or a 429 {@code TooManyRequests} / {@code
 * SystemThrottling}, which Vidu answers before accepting a task. When they give up after the
 * request may have been acted on, the failure carries the mode's advice.
 */
public final class RetryingExecutor {
  /** How a call may be retried, and what to tell the caller when its outcome is unknown. */
  public enum Mode {
    /** Reads and downloads: safe to repeat. */
    IDEMPOTENT(null),
    /** Task creation: a repeat could create, and charge, a second task. */
    CREATES_WORK(MAY_EXIST_ADVICE),
    /** Cancellation: a repeat after it took effect would answer 400, hiding the success. */
    CANCELS(MAY_HAVE_CANCELLED_ADVICE);

    final @Nullable String uncertainOutcomeAdvice;

    Mode(@Nullable String uncertainOutcomeAdvice) {
      this.uncertainOutcomeAdvice = uncertainOutcomeAdvice;
    }

    boolean repeatable() {
      return uncertainOutcomeAdvice == null;
    }
  }

  /** One attempt of a call: returns the result or throws. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run(int attempt) throws IOException;
  }

  /** For {@link #run}: no caller's handle, the call takes its own. */
  public static final long NEW_CALL = 0;

  static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
  private static final Set<String> REJECTED_BEFORE_ACCEPTING =
      Set.of("TooManyRequests", "SystemThrottling");

  private final int maxRetries;
  private final Duration maxRetryWait;
  private final Backoff curve;
  private final Duration retryBudget;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ErrorMapper errors;
  private final ViduEventListener listener;

  public RetryingExecutor(
      int maxRetries,
      Duration maxRetryWait,
      Duration retryBudget,
      Clock clock,
      Sleeper sleeper,
      ErrorMapper errors,
      ViduEventListener listener) {
    this.maxRetries = maxRetries;
    this.maxRetryWait = maxRetryWait;
    this.curve =
        Backoff.exponential(min(INITIAL_BACKOFF, maxRetryWait), min(MAX_BACKOFF, maxRetryWait));
    this.retryBudget = retryBudget;
    this.clock = clock;
    this.sleeper = sleeper;
    this.errors = errors;
    this.listener = listener;
  }

  public ErrorMapper errors() {
    return errors;
  }

  /** A 2xx answer, read after the call, that is not the JSON the spec describes. */
  public ViduResponseException notTheSpecsJson(String operation, Mode mode, Throwable cause) {
    return CallFailures.unreadable(operation, mode, NOT_THE_SPECS_JSON, cause, errors);
  }

  /** This executor with another retry count (a call's own {@code RequestOptions}). */
  public RetryingExecutor withMaxRetries(int retries) {
    return retries == maxRetries
        ? this
        : new RetryingExecutor(
            retries, maxRetryWait, retryBudget, clock, sleeper, errors, listener);
  }

  /**
   * Executes a Retrofit call, cloning it for each retry; {@code operation} names it in messages.
   */
  public <T> T execute(Call<T> call, Mode mode, String operation) {
    return execute(call, mode, operation, null, NEW_CALL);
  }

  /**
   * {@link #execute(Call, Mode, String)} that starts no retry after {@code deadline} (when given),
   * as part of the call {@code callId} (a wait's polls: their retries carry the wait's handle).
   */
  public <T> T execute(
      Call<T> call, Mode mode, String operation, @Nullable Instant deadline, long callId) {
    return run(
        mode,
        operation,
        deadline,
        callId,
        attempt -> {
          Response<T> response = send(call, attempt, mode, operation);
          T body = response.body();
          if (body == null) {
            throw new ViduResponseException(
                operation,
                CallFailures.withAdvice(
                    operation
                        + ": HTTP "
                        + response.code()
                        + " with an empty body where JSON was expected",
                    mode));
          }
          return body;
        });
  }

  /**
   * {@link #execute} for a call whose 2xx status is the whole answer (cancel answers {@code {}}):
   * an empty body is success too ({@link EmptyBodyConverterFactory} reads it as no body).
   */
  public void executeForStatus(Call<?> call, Mode mode, String operation) {
    run(mode, operation, null, NEW_CALL, attempt -> send(call, attempt, mode, operation));
  }

  private <T> Response<T> send(Call<T> call, int attempt, Mode mode, String operation)
      throws IOException {
    Call<T> current = attempt == 0 ? call : call.clone();
    Response<T> response = current.execute();
    if (!response.isSuccessful()) {
      throw errors.toException(
          operation,
          response.code(),
          response.headers(),
          response.errorBody(),
          response.code() >= 500 ? mode.uncertainOutcomeAdvice : null);
    }
    return response;
  }

  /**
   * Runs {@code attempt} until it succeeds, fails for good, or the retry limits are reached; its
   * retry events carry {@code callId}.
   */
  public <T> T run(Mode mode, String operation, long callId, Attempt<T> attempt) {
    return run(mode, operation, null, callId, attempt);
  }

  private <T> T run(
      Mode mode, String operation, @Nullable Instant deadline, long callId, Attempt<T> attempt) {
    Instant start = clock.instant();
    long handle = callId;
    for (int n = 0; ; n++) {
      Duration delay;
      ViduException failure;
      SendTracker.begin();
      try {
        return attempt.run(n);
      } catch (ViduApiException e) {
        failure = e;
        delay = shouldRetry(mode, e) ? backoff(n, e.retryAfter().orElse(null)) : null;
      } catch (ViduException e) {
        throw e;
      } catch (UnusableResponseException e) {
        throw CallFailures.unusable(operation, mode, e);
      } catch (RedirectRefusedException e) {
        throw new ViduApiException(
            errors.redact(operation + ": " + e.getMessage()),
            e.status,
            null,
            null,
            null,
            null,
            null);
      } catch (MalformedJsonException | JsonParseException e) {
        // A 2xx we cannot read still means Vidu acted on the request.
        throw CallFailures.unreadable(operation, mode, NOT_THE_SPECS_JSON, e, errors);
      } catch (RuntimeException | StackOverflowError e) {
        // What OkHttp, Okio and Gson throw on input they did not expect (IllegalArgumentException
        // for a negative Content-Length, IllegalStateException, NumberFormatException...): the
        // answer came, so this is a response that cannot be read, never a reason to escape untyped.
        throw CallFailures.unreadable(operation, mode, "the response could not be read", e, errors);
      } catch (IOException e) {
        boolean mayHaveReachedVidu = SendTracker.connected();
        failure = CallFailures.transport(operation, mode, e, mayHaveReachedVidu);
        // OkHttp gives up on a redirect loop (a download's; API calls follow none of its own)
        // after 20 hops: another attempt would only walk the same loop.
        boolean redirectLoop =
            e instanceof ProtocolException
                && String.valueOf(e.getMessage()).startsWith("Too many follow-up requests");
        delay =
            !redirectLoop && (mode.repeatable() || !mayHaveReachedVidu) ? backoff(n, null) : null;
      } finally {
        SendTracker.end();
      }
      Instant retryAt = clock.instant().plus(delay == null ? Duration.ZERO : delay);
      if (delay == null
          || n >= maxRetries
          || Duration.between(start, retryAt).compareTo(retryBudget) > 0
          || (deadline != null && retryAt.isAfter(deadline))) {
        throw failure;
      }
      if (handle == NEW_CALL) {
        // Taken at the first retry: a call that needs none costs no handle.
        handle = CallIds.next();
      }
      listener.retryScheduled(handle, operation, n + 1, maxRetries, delay, failure);
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ViduException(operation + ": interrupted while waiting to retry", e);
      }
    }
  }

  private static boolean shouldRetry(Mode mode, ViduApiException e) {
    int status = e.statusCode();
    if (!mode.repeatable()) {
      return status == 429 && e.reason().filter(REJECTED_BEFORE_ACCEPTING::contains).isPresent();
    }
    // One rule, stated once, so that isRetryable() cannot drift from what is retried.
    return e.isRetryable();
  }

  private Duration backoff(int retry, @Nullable Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxRetryWait) > 0 ? maxRetryWait : retryAfter;
    }
    return curve.jittered(retry);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static final String NOT_THE_SPECS_JSON =
      "the response is not the JSON the spec describes";

  /** What a failed creation's message advises when the task may exist. */
  public static final String MAY_EXIST_ADVICE =
      "The request may have reached Vidu, so the task may exist and be charged; it was not retried,"
          + " to avoid creating it twice. Look for it with client.tasks().list(...) (recent tasks,"
          + " matching your payload) before creating it again";

  static final String MAY_HAVE_CANCELLED_ADVICE =
      "The request may have reached Vidu, so the cancel may have taken effect; it was not retried,"
          + " because cancelling an already cancelled task answers 400. Check the task's state with"
          + " client.tasks().get(taskId) (a cancelled task ends failed with err_code UserCancelled)";
}
