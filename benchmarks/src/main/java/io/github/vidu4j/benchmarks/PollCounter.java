package io.github.vidu4j.benchmarks;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * An OkHttp client for a {@code ViduClient} under measurement that counts, at the HTTP layer, the
 * GETs sent (the polls: awaiting sends no other GET) and the answers other than 200. Closing it
 * evicts its pooled connections, so no run leaves sockets open for the next.
 */
final class PollCounter implements AutoCloseable {
  private final AtomicInteger polls = new AtomicInteger();
  private final AtomicInteger notAnswered200 = new AtomicInteger();
  private final OkHttpClient http = new OkHttpClient.Builder().addInterceptor(this::count).build();

  private Response count(Interceptor.Chain chain) throws IOException {
    if (chain.request().method().equals("GET")) {
      polls.incrementAndGet();
    }
    Response response = chain.proceed(chain.request());
    if (response.code() != 200) {
      notAnswered200.incrementAndGet();
    }
    return response;
  }

  /** The client to pass to {@code ViduClient.Builder.httpClient}. */
  OkHttpClient http() {
    return http;
  }

  /** GETs sent since this was made or {@link #resetPolls()} last ran. */
  int polls() {
    return polls.get();
  }

  /** Starts the poll count again from 0 (after a warm-up, say). */
  void resetPolls() {
    polls.set(0);
  }

  /** Answers of any status but 200 since this was made. */
  int notAnswered200() {
    return notAnswered200.get();
  }

  @Override
  public void close() {
    http.connectionPool().evictAll();
  }
}
