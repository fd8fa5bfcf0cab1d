package io.github.vidu4j.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Token <key>} (Vidu's scheme; not Bearer) and vidu4j's User-Agent to
 * every API request. Only the API client has it: result downloads go to other hosts and must never
 * carry the key.
 */
final class AuthInterceptor implements Interceptor {
  private final String authorization;
  private final String userAgent;

  public AuthInterceptor(String apiKey, String userAgent) {
    this.authorization = "Token " + apiKey;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(
        chain
            .request()
            .newBuilder()
            .header("Authorization", authorization)
            .header("User-Agent", userAgent)
            .build());
  }

  @Override
  public String toString() {
    return "AuthInterceptor{authorization=Token <redacted>}";
  }
}
