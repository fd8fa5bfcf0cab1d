package io.github.vidu4j.batch;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A batch run in its own JVM, for {@link BatchFaultTest} to kill: {@code <base url> <api key>
 * <lines> <output dir> [patient]}. Reads time out after 1 s (the default with {@code patient}); an
 * unanswered create is looked for for 6 s. Exit 0 when every line succeeded, 4 otherwise.
 */
final class BatchFaultChild {
  private BatchFaultChild() {}

  static List<BatchLine> lines(int count) {
    return SandboxBatchHarness.lines(count, n -> "the same prompt on every line");
  }

  public static void main(String[] args) {
    Path out = Path.of(args[3]);
    try (ViduClient client =
        ViduClient.builder()
            .baseUrl(args[0])
            .apiKey(args[1])
            .readTimeout(
                args.length > 4 && args[4].equals("patient")
                    ? Duration.ofSeconds(60)
                    : Duration.ofSeconds(1))
            .build()) {
      BatchReport report =
          Batches.of(client)
              .run(
                  lines(Integer.parseInt(args[2])),
                  out.resolve(Batches.DEFAULT_JOURNAL_NAME),
                  out,
                  BatchOptions.defaults()
                      .withConcurrency(6)
                      .withAwaitOptions(
                          AwaitOptions.defaults()
                              .withIntervals(Duration.ofMillis(100), Duration.ofMillis(300)))
                      .withThrottleBackoff(Duration.ofMillis(200))
                      .withMaxCreateAttempts(50)
                      .withUnansweredCreateWait(Duration.ofSeconds(6)));
      report.lines().stream()
          .filter(l -> l.state() != LineState.SUCCEEDED)
          .forEach(l -> System.out.println(l));
      System.exit(report.allSucceeded() ? 0 : 4);
    }
  }
}
