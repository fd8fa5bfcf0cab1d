package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.Async;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.testing.Responses;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reads, cancel, credits, downloads and callback confirmation of {@code client.async()}. */
class AsyncCallsTest extends ClientHarness {
  private static final String CALLBACK_URL = "https://hooks.example.com/vidu/callback";

  @TempDir Path dir;

  @Test
  void eachCallAnswersAsItsBlockingFormOnTheAsyncExecutor() throws Exception {
    ScheduledExecutorService own =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "callers-thread"));
    Set<String> writers = ConcurrentHashMap.newKeySet();
    try (ViduClient onOwn = client(b -> b.asyncExecutor(own))) {
      Async async = onOwn.async();

      server.enqueue(Responses.succeeded("t-1", "https://cdn.example/1.png"));
      assertThat(async.get("t-1").get(5, TimeUnit.SECONDS).getState()).isEqualTo(TaskState.SUCCESS);
      assertThat(take().getTarget()).isEqualTo("/ent/v2/tasks/t-1/creations");

      server.enqueue(Responses.json(200, "{}"));
      assertThat(async.cancel("t-2").get(5, TimeUnit.SECONDS)).isNull();
      RecordedRequest cancel = take();
      assertThat(cancel.getMethod()).isEqualTo("POST");
      assertThat(cancel.getUrl().encodedPath()).isEqualTo("/ent/v2/tasks/t-2/cancel");

      server.enqueue(
          Responses.json(
              200, "{\"remains\":[{\"type\":\"metered\",\"credit_remain\":120}],\"packages\":[]}"));
      assertThat(async.credits(true).get(5, TimeUnit.SECONDS).getRemains()).hasSize(1);
      assertThat(take().getUrl().queryParameter("show_detail")).isEqualTo("true");

      server.enqueue(DownloadsTest.image("image/png", DownloadsTest.PNG));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      OutputStream out =
          new OutputStream() {
            @Override
            public void write(int b) {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              writers.add(Thread.currentThread().getName());
              bytes.write(b, off, len);
            }
          };
      String url = server.url("/files/a").toString();
      assertThat(async.downloadToStream(url, out).get(5, TimeUnit.SECONDS))
          .isEqualTo(DownloadsTest.PNG.length);
      assertThat(bytes.toByteArray()).isEqualTo(DownloadsTest.PNG);

      server.enqueue(DownloadsTest.image("image/png", DownloadsTest.PNG));
      Path file = dir.resolve("a.png");
      assertThat(async.downloadToFile(url, file).get(5, TimeUnit.SECONDS)).isEqualTo(file);
      assertThat(Files.readAllBytes(file)).isEqualTo(DownloadsTest.PNG);
    } finally {
      own.shutdownNow();
    }
    assertThat(writers).containsOnly("callers-thread");
  }

  @Test
  void verifyAndFetchReadsVidusAnswerForTheVerifiedCallback() throws Exception {
    server.enqueue(Responses.succeeded("t-1", "https://cdn.example/1.png"));

    assertThat(
            client
                .async()
                .verifyAndFetch(
                    verifier(), callback(API_KEY, "n-1", "{\"id\":\"t-1\",\"state\":\"failed\"}"))
                .get(5, TimeUnit.SECONDS)
                .getState())
        .isEqualTo(TaskState.SUCCESS);
    assertThat(take().getTarget()).isEqualTo("/ent/v2/tasks/t-1/creations");

    server.enqueue(Responses.succeeded("t-9", "https://cdn.example/9.png"));
    assertThat(
            client
                .async()
                .verifyAndFetch(verifier(), callback(API_KEY, "n-2", "{}"), "t-9")
                .get(5, TimeUnit.SECONDS)
                .getState())
        .isEqualTo(TaskState.SUCCESS);
    assertThat(take().getTarget()).isEqualTo("/ent/v2/tasks/t-9/creations");
  }

  @Test
  void badArgumentsAndForgedCallbacksThrowOnTheCallersThreadWithNothingSent() {
    Async async = client.async();

    assertThatThrownBy(() -> async.get("a/b"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("a/b");
    assertThatThrownBy(() -> async.cancel(" ")).isInstanceOf(InvalidSettingException.class);
    assertThatThrownBy(() -> async.await("a/b")).isInstanceOf(InvalidSettingException.class);
    assertThatThrownBy(() -> async.list(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> async.downloadToFile("https://cdn.example/1.png", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                async.verifyAndFetch(verifier(), callback("someone-else", "n-3", "{\"id\":\"t\"}")))
        .isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(() -> async.verifyAndFetch(verifier(), callback(API_KEY, "n-4", "{}"), " "))
        .isInstanceOf(InvalidSettingException.class);

    assertThat(server.getRequestCount()).isZero();
  }

  private CallbackRequest callback(String secret, String nonce, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    CallbackSigner.withSecret(secret)
        .sign("POST", CALLBACK_URL, time.instant(), nonce)
        .forEach((k, v) -> headers.put(k, List.of(v)));
    return CallbackRequest.of("POST", CALLBACK_URL, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private CallbackVerifier verifier() {
    return CallbackVerifier.builder().secret(API_KEY).clock(time).build();
  }
}
