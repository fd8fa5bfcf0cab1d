package io.github.vidu4j.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.Images;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.testing.Responses;
import io.github.vidu4j.validation.ViduValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** client.async().create checks and captures the request on the caller's thread. */
class AsyncCreateTest extends ClientHarness {
  @Test
  void anInvalidRequestThrowsFromCreateAsyncItself() {
    ReferenceToImageRequest invalid = new ReferenceToImageRequest().model("viduq2").prompt(" ");

    assertThatThrownBy(
            () ->
                client
                    .async()
                    .create(
                        Images.REFERENCE_TO_IMAGE,
                        invalid,
                        RequestOptions.defaults(),
                        ReferenceToImageTask.class))
        .isInstanceOf(ViduValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void changesMadeAfterTheCallDoNotReachVidu() throws Exception {
    CountDownLatch changed = new CountDownLatch(1);
    // The executor reads the clock before the first attempt; holding it there on the vidu4j
    // thread lets the test change the request before anything is serialised.
    Clock gate =
        new Clock() {
          @Override
          public Instant instant() {
            if (Thread.currentThread().getName().startsWith("vidu4j-async-")) {
              try {
                changed.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return time.instant();
          }

          @Override
          public ZoneId getZone() {
            return time.getZone();
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };
    server.enqueue(Responses.created("t-1"));
    List<String> images = new ArrayList<>(List.of("https://example.com/a.png"));
    ReferenceToImageRequest request =
        new ReferenceToImageRequest().model("viduq2").prompt("a red fox").images(images);

    try (ViduClient gated = client(b -> b.clock(gate))) {
      CompletableFuture<ReferenceToImageTask> future =
          gated
              .async()
              .create(
                  Images.REFERENCE_TO_IMAGE,
                  request,
                  RequestOptions.defaults(),
                  ReferenceToImageTask.class);
      request.model("viduq9").prompt("changed after the call");
      images.add("https://example.com/added-later.png");
      changed.countDown();

      assertThat(future.get(5, TimeUnit.SECONDS).getTaskId()).isEqualTo("t-1");
    }
    assertThat(take().getBody().utf8())
        .contains("\"model\":\"viduq2\"", "\"prompt\":\"a red fox\"")
        .doesNotContain("added-later");
  }
}
