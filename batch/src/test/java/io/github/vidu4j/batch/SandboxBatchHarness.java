package io.github.vidu4j.batch;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the batch tests against the sandbox share: a temporary directory, sandboxes and clients
 * closed after each test (the last opened first), numbered lines and polling fast enough for the
 * sandbox's {@link SandboxOptions#fast()} timings.
 */
abstract class SandboxBatchHarness {
  static final AwaitOptions FAST_POLLS =
      AwaitOptions.defaults().withIntervals(Duration.ofMillis(50), Duration.ofMillis(200));

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeWhatTheTestOpened() throws Exception {
    Collections.reverse(open);
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** A sandbox with {@link SandboxOptions#fast()}, closed after the test. */
  ViduSandbox sandbox() {
    return sandbox(SandboxOptions.fast());
  }

  ViduSandbox sandbox(SandboxOptions options) {
    ViduSandbox sandbox = ViduSandbox.start(options);
    open.add(sandbox);
    return sandbox;
  }

  /** {@code sandbox}'s own client, closed after the test. */
  ViduClient client(ViduSandbox sandbox) {
    ViduClient client = sandbox.newClient();
    open.add(client);
    return client;
  }

  ViduClient client(ViduClient.Builder builder) {
    ViduClient client = builder.build();
    open.add(client);
    return client;
  }

  /** {@code dir/out}: where the batch saves results. */
  Path out() {
    return dir.resolve("out");
  }

  /** The journal's default place in {@link #out()}. */
  Path journal() {
    return out().resolve(Batches.DEFAULT_JOURNAL_NAME);
  }

  /**
   * Lines 1 to {@code count}, each a square viduq2 image (1080p: the smallest result the sandbox
   * renders, as rendering dominates its time per task) with the prompt {@code "product shot <n>"}.
   */
  static List<BatchLine> lines(int count) {
    return lines(count, n -> "product shot " + n);
  }

  /** Lines 1 to {@code count}, square viduq2 images, line {@code n} prompting {@code prompt(n)}. */
  static List<BatchLine> lines(int count, IntFunction<String> prompt) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(
            n ->
                BatchLine.of(
                    n,
                    null,
                    new ReferenceToImageRequest()
                        .model("viduq2")
                        .prompt(prompt.apply(n))
                        .aspectRatio("1:1")))
        .toList();
  }

  /** Defaults, but polling every 50 to 200 ms and pausing 100 ms after a 429. */
  static BatchOptions fast() {
    return BatchOptions.defaults()
        .withAwaitOptions(FAST_POLLS)
        .withThrottleBackoff(Duration.ofMillis(100));
  }
}
