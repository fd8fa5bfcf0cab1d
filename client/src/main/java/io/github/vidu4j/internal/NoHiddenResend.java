package io.github.vidu4j.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from re-sending a request on its own. Its follow-up step sends a request again,
 * whatever the method and whatever {@code retryOnConnectionFailure} says, when a 503 carries {@code
 * Retry-After: 0}: for a task creation that is a second paid task. As a network interceptor this
 * sees each answer before that step does and drops such a header, so that {@link RetryingExecutor},
 * which knows what may be sent twice, is the only one to retry.
 */
final class NoHiddenResend implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() == 503) {
      String retryAfter = response.header("Retry-After");
      // OkHttp's own reading: digits only, and zero means "now".
      if (retryAfter != null
          && retryAfter.matches("\\d+")
          && retryAfter.chars().allMatch(c -> c == '0')) {
        return response.newBuilder().removeHeader("Retry-After").build();
      }
    }
    return response;
  }
}
