package io.github.vidu4j;

import io.github.vidu4j.internal.EmptyBodyConverterFactory;
import io.github.vidu4j.internal.ErrorMapper;
import io.github.vidu4j.internal.HttpClients;
import io.github.vidu4j.internal.JsonConverterFactory;
import io.github.vidu4j.internal.OperationApi;
import io.github.vidu4j.internal.RetryingExecutor;
import io.github.vidu4j.internal.api.AccountApi;
import io.github.vidu4j.internal.api.TasksApi;
import io.github.vidu4j.model.Credits;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/** What a {@link ViduClient} is made of, wired from its settings. */
final class ClientComponents {
  final OkHttpClient apiHttp;
  final RetryingExecutor executor;
  final AsyncRunner asyncRunner;
  final Tasks tasks;
  final Generations generations;
  final Images images;
  final Videos videos;
  final Downloads downloads;
  final Callbacks callbacks;
  final Async async;
  private final AccountApi accountApi;

  ClientComponents(ClientSettings s, String apiKey) {
    HttpClients http =
        new HttpClients(
            s.httpClient,
            apiKey,
            s.userAgentSuffix,
            s.connectTimeout,
            s.readTimeout,
            s.writeTimeout,
            s.callTimeout,
            s.downloadTimeout,
            s.baseUrl,
            s.allowPrivateDownloadAddresses);
    apiHttp = http.api();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(s.baseUrl)
            .client(apiHttp)
            .addConverterFactory(new EmptyBodyConverterFactory())
            .addConverterFactory(new JsonConverterFactory(s.maxResponseBytes))
            .build();
    executor =
        new RetryingExecutor(
            s.maxRetries,
            s.maxRetryWait,
            s.retryBudget,
            s.clock,
            s.sleeper,
            new ErrorMapper(apiKey, s.clock),
            s.eventListener);
    asyncRunner =
        s.asyncExecutor == null ? AsyncRunner.ofOwnExecutor() : AsyncRunner.on(s.asyncExecutor);
    tasks =
        new Tasks(retrofit.create(TasksApi.class), executor, s.clock, s.sleeper, s.eventListener);
    generations =
        new Generations(retrofit.create(OperationApi.class), executor, s.validator, tasks, s.clock);
    images = new Images(generations);
    videos = new Videos(generations);
    downloads = new Downloads(http.downloads(), executor, s.eventListener, s.maxDownloadBytes);
    callbacks = new Callbacks(tasks);
    accountApi = retrofit.create(AccountApi.class);
    async = new Async(generations, tasks, downloads, this::credits, asyncRunner);
  }

  Credits credits(boolean showDetail) {
    return executor.execute(
        accountApi.getCredits(showDetail), RetryingExecutor.Mode.IDEMPOTENT, "GET /ent/v2/credits");
  }
}
