package io.github.vidu4j.benchmarks;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.internal.api.AccountApi;
import io.github.vidu4j.internal.api.GenerationApi;
import io.github.vidu4j.internal.api.TasksApi;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * {@code ViduClient.builder().build()} then {@code close()}, against what it stands for: one OkHttp
 * client with the same timeouts and an auth header, one Retrofit with a Gson converter and the
 * three generated service interfaces, then the pool evicted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientBuildBenchmark {
  private static final String BASE = "http://127.0.0.1:9/";

  @Benchmark
  public Object oursBuildAndClose() {
    ViduClient client = ViduClient.builder().apiKey(Fixtures.API_KEY).baseUrl(BASE).build();
    client.close();
    return client;
  }

  @Benchmark
  public Object rawBuildAndClose() {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(60))
            .writeTimeout(Duration.ofSeconds(60))
            .callTimeout(Duration.ofMinutes(2))
            .retryOnConnectionFailure(false)
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("Authorization", "Token " + Fixtures.API_KEY)
                            .build()))
            .build();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(BASE)
            .client(http)
            .addConverterFactory(GsonConverterFactory.create())
            .build();
    Object[] services = {
      retrofit.create(TasksApi.class),
      retrofit.create(GenerationApi.class),
      retrofit.create(AccountApi.class)
    };
    http.connectionPool().evictAll();
    return services;
  }
}
