package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TaskState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every callback the sandbox sends is accepted by CallbackVerifier; every faulted one is refused.
 */
class CallbacksTest {
  static final String OTHER_KEY = "second-team-key";

  @RegisterExtension
  static final ViduSandboxExtension vidu =
      ViduSandboxExtension.withOptions(
          SandboxOptions.fast().toBuilder()
              .apiKey(SandboxOptions.DEMO_KEY)
              .apiKey(OTHER_KEY)
              .build());

  static final AwaitOptions FAST =
      AwaitOptions.defaults().withIntervals(Duration.ofMillis(40), Duration.ofMillis(200));

  CallbackReceiver receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver =
        new CallbackReceiver(CallbackVerifier.builder().secret(SandboxOptions.DEMO_KEY).build());
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  String run(ViduClient client, String prompt) {
    return client
        .images()
        .createAndAwait(
            new ReferenceToImageRequest().model("viduq2").prompt(prompt).callbackUrl(receiver.url),
            FAST)
        .getId();
  }

  List<SentCallback> sentFor(String taskId) {
    return vidu.sandbox().callbacksSent().stream().filter(c -> c.taskId().equals(taskId)).toList();
  }

  @Test
  void processingAndSuccessArriveSignedAndVerify(ViduClient client) {
    String id = run(client, "a kite");
    Eventually.await("two callbacks accepted", () -> receiver.acceptedStates().size() == 2);

    assertThat(receiver.acceptedStates()).containsExactly("processing", "success");
    assertThat(receiver.acceptedCallbacks()).allSatisfy(c -> assertThat(c.taskId()).contains(id));
    assertThat(receiver.refusedReasons()).isEmpty();
    assertThat(sentFor(id))
        .allSatisfy(
            c -> {
              assertThat(c.delivered()).isTrue();
              assertThat(c.headers())
                  .containsKeys(
                      "Date",
                      "x-request-nonce",
                      "X-HMAC-SIGNED-HEADERS",
                      "X-HMAC-SIGNATURE",
                      "X-HMAC-ALGORITHM",
                      "X-HMAC-ACCESS-KEY");
            });
  }

  @Test
  void aFailedTaskCallsBackFailedWithItsErrCode(ViduClient client) {
    vidu.sandbox().faults().failNextTask("AuditSubmitIllegal");
    ReferenceToImageRequest request =
        new ReferenceToImageRequest().model("viduq2").prompt("x").callbackUrl(receiver.url);
    String id = client.images().create(request).getTaskId();
    Eventually.await(
        "failed callback accepted", () -> receiver.acceptedStates().contains("failed"));
    List<VerifiedCallback> accepted = receiver.acceptedCallbacks();
    assertThat(accepted.get(accepted.size() - 1).task().getErrCode())
        .isEqualTo("AuditSubmitIllegal");
    assertThat(vidu.sandbox().taskState(id)).contains(TaskState.FAILED);
  }

  @Test
  void eachTaskIsSignedWithTheKeyThatCreatedIt() {
    try (ViduClient second = vidu.sandbox().clientBuilder().apiKey(OTHER_KEY).build()) {
      String id = run(second, "signed by the second key");
      Eventually.await(
          "both attempts made",
          () -> sentFor(id).stream().filter(c -> c.state().equals("success")).count() == 4);
      // The receiver knows only the demo key: it refuses the second key's callbacks, and the
      // sandbox retries success three times, as Vidu documents.
      assertThat(receiver.refusedReasons()).containsOnly(Reason.BAD_SIGNATURE);
      assertThat(sentFor(id))
          .extracting(SentCallback::state, SentCallback::attempt)
          .containsExactly(
              tuple("processing", 1),
              tuple("success", 1),
              tuple("success", 2),
              tuple("success", 3),
              tuple("success", 4));
    }
  }

  @Test
  void badSignaturesAreRefused(ViduClient client) {
    vidu.sandbox().faults().nextCallbacks(CallbackFault.BAD_SIGNATURE);
    String id = run(client, "forged");
    Eventually.await("success retried to the end", () -> sentFor(id).size() == 5);
    assertThat(receiver.acceptedStates()).isEmpty();
    assertThat(receiver.refusedReasons()).hasSize(5).containsOnly(Reason.BAD_SIGNATURE);
  }

  @Test
  void replayedCallbacksAreRefusedDuplicatesWithFreshNoncesAccepted(ViduClient client) {
    vidu.sandbox().faults().nextCallbacks(CallbackFault.REPLAY);
    String replayed = run(client, "replayed");
    Eventually.await("replays delivered", () -> sentFor(replayed).size() == 4);
    assertThat(receiver.refusedReasons()).containsExactly(Reason.REPLAYED, Reason.REPLAYED);
    assertThat(receiver.acceptedStates()).containsExactly("processing", "success");

    vidu.sandbox().faults().nextCallbacks(CallbackFault.DUPLICATE);
    String duplicated = run(client, "duplicated");
    Eventually.await("duplicates delivered", () -> sentFor(duplicated).size() == 4);
    assertThat(receiver.acceptedStates())
        .containsExactly("processing", "success", "processing", "processing", "success", "success");
  }

  @Test
  void outOfOrderDeliversProcessingAfterSuccess(ViduClient client) {
    vidu.sandbox().faults().nextCallbacks(CallbackFault.OUT_OF_ORDER);
    run(client, "late news");
    Eventually.await("both delivered", () -> receiver.acceptedStates().size() == 2);
    assertThat(receiver.acceptedStates()).containsExactly("success", "processing");
  }

  @Test
  void aSlowReceiverHoldsUpOnlyItsOwnTasksCallbacks() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger slowCalls = new AtomicInteger();
    HttpServer slow =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    slow.createContext(
        "/hook",
        exchange -> {
          slowCalls.incrementAndGet();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    slow.start();
    // The slow receiver would hold a single sender longer than Eventually waits.
    SandboxOptions patient =
        SandboxOptions.fast().toBuilder().callbackTimeout(Duration.ofSeconds(30)).build();
    try (ViduSandbox sandbox = ViduSandbox.start(patient);
        ViduClient client = sandbox.newClient()) {
      client
          .images()
          .create(
              new ReferenceToImageRequest()
                  .model("viduq2")
                  .prompt("to a slow receiver")
                  .callbackUrl("http://127.0.0.1:" + slow.getAddress().getPort() + "/hook"));
      Eventually.await("the slow receiver holds a callback", () -> slowCalls.get() == 1);

      run(client, "to a quick receiver");
      Eventually.await(
          "the other task's callbacks arrive", () -> receiver.acceptedStates().size() == 2);
      assertThat(receiver.acceptedStates()).containsExactly("processing", "success");
      assertThat(slowCalls)
          .hasValue(1); // the slow task's success waits behind its own processing callback
      release.countDown(); // before the sandbox closes, so its sender ends normally
    } finally {
      release.countDown();
      slow.stop(0);
    }
  }

  @Test
  void finalCallbacksAreRetriedUntilDeliveredProcessingIsNot(ViduClient client) {
    receiver.failuresToPlay.set(2);
    String id = run(client, "flaky receiver");
    Eventually.await(
        "success delivered",
        () -> sentFor(id).stream().anyMatch(c -> c.state().equals("success") && c.delivered()));
    assertThat(sentFor(id))
        .extracting(SentCallback::state, SentCallback::attempt, SentCallback::status)
        .containsExactly(
            tuple("processing", 1, 503), tuple("success", 1, 503), tuple("success", 2, 200));
    assertThat(receiver.acceptedStates()).containsExactly("success");
  }
}
