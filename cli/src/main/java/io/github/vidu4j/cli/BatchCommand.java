package io.github.vidu4j.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.batch.BatchFile;
import io.github.vidu4j.batch.BatchLine;
import io.github.vidu4j.batch.BatchOptions;
import io.github.vidu4j.batch.BatchProgress;
import io.github.vidu4j.batch.BatchReport;
import io.github.vidu4j.batch.Batches;
import io.github.vidu4j.batch.LineResult;
import io.github.vidu4j.batch.LineState;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vidu batch}: a face over {@code Batches.of(client)}, for images and videos alike. The same
 * class is also {@code vidu image batch}, its first name, kept for the scripts that use it: one
 * command model, so the two cannot drift apart.
 */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Create an image or a video per line of a JSON Lines file, at most --concurrency at once, saving each as it succeeds.",
      "A line is the API's request JSON (model, prompt, images as URLs, data URIs or local paths, ...) plus an optional"
          + " \"name\" for its files: DIR/<name or line number>-<n>.<ext> (png, jpg or webp for images, mp4 for videos),"
          + " and an optional \"operation\": reference2image (the default), text2video, img2video, start-end2video or"
          + " reference2video, whose rules check the line (vidu video <operation> --help lists them). Every line is checked"
          + " first; bad lines are listed with their numbers and nothing is sent (exit 2).",
      "DIR/"
          + Batches.DEFAULT_JOURNAL_NAME
          + " records every task: run the same command again after Ctrl-C, a crash or"
          + " kill -9 to resume without paying twice. Exit 0 if every line succeeded, 4 if any failed."
    })
final class BatchCommand implements Callable<Integer> {
  private static final String ESTIMATE_BASIS =
      "sandbox prices: 8, 12, 16 credits per 1080p, 2K, 4K image; 4, 7, 12, 15 credits a second"
          + " of 360p, 540p, 720p, 1080p video (invented, after Vidu's CN price table)";

  /** This command as registered: under {@code vidu} or under {@code vidu image}. */
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "One create request per line.")
  Path file;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Where images, videos and the journal go; resuming needs the same DIR.")
  Path output;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description =
          "Tasks in flight at once, 1 to 100. Default: the account's concurrency_limit (vidu credits --detail), else 5.")
  @Nullable Integer concurrency;

  @Option(
      names = "--dry-run",
      description = "Check every line and print the estimated credits; send nothing.")
  boolean dryRun;

  @Option(
      names = "--retry-failed",
      description =
          "Create again the lines whose task failed with an err_code Vidu may get past"
              + " (InternalServiceFailure, SystemThrottling, ImageDownloadFailure, Unknown); others stay failed.")
  boolean retryFailed;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description = "How long to wait for each task: 90s, 5m, 1h. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      defaultValue = "1s",
      description =
          "Wait between reads of a task for its first 2 minutes (as tasks().await), then growing by half up to 10s"
              + " (or this, if longer). Default: ${DEFAULT-VALUE}.")
  Duration pollInterval;

  @Option(
      names = "--unanswered-create-wait",
      paramLabel = "DURATION",
      defaultValue = "2m",
      description =
          "How long to look for the task of a create left without an answer (a timeout, a 5xx, a run killed while"
              + " it was sent) before sending the line again; a task that lands later is paid twice. Default: ${DEFAULT-VALUE}.")
  Duration unansweredCreateWait;

  @Option(
      names = "--allow-any-image-path",
      description =
          "Accept local images given as absolute paths or outside the folder of FILE.jsonl (refused by default).")
  boolean anyImagePath;

  @Mixin UnknownModels unknownModels;

  @Override
  public Integer call() {
    ViduCli root = (ViduCli) spec.root().userObject();
    if (concurrency != null && (concurrency < 1 || concurrency > 100)) {
      throw new ViduCli.UsageException("--concurrency must be 1 to 100, got " + concurrency);
    }
    if (timeout.isZero()
        || timeout.isNegative()
        || pollInterval.isZero()
        || pollInterval.isNegative()) {
      throw new ViduCli.UsageException("--timeout and --poll-interval must be positive");
    }
    if (unansweredCreateWait.isNegative()
        || unansweredCreateWait.compareTo(Duration.ofHours(1)) > 0) {
      throw new ViduCli.UsageException("--unanswered-create-wait must be 0 to 1h");
    }
    // Bad lines throw BatchInputException: Failure reports every one (with --json as violations).
    List<BatchLine> lines = BatchFile.read(file, unknownModels.validator(), anyImagePath);
    if (dryRun) {
      return dryRun(root, lines);
    }
    OutputDirectory.require(output, "no task was created");
    Duration maxInterval =
        pollInterval.compareTo(AwaitOptions.defaults().maxInterval()) > 0
            ? pollInterval
            : AwaitOptions.defaults().maxInterval();
    BatchReport report;
    try (Session session = root.openSession(unknownModels.allowed);
        BatchDisplay display = new BatchDisplay(root.err, root.progressMode())) {
      BatchOptions options =
          BatchOptions.defaults()
              .withRetryFailed(retryFailed)
              .withAwaitOptions(
                  AwaitOptions.defaults()
                      .withTimeout(timeout)
                      .withIntervals(pollInterval, maxInterval))
              .withListener(display)
              .withUnansweredCreateWait(unansweredCreateWait);
      if (concurrency != null) {
        options = options.withConcurrency(concurrency);
      }
      report =
          Batches.of(session.client)
              .run(lines, output.resolve(Batches.DEFAULT_JOURNAL_NAME), output, options);
    }
    if (root.json) {
      root.out.println(report.toJson());
    } else {
      printSummary(root, report);
    }
    return report.allSucceeded() ? ExitCode.OK : ExitCode.TASK_FAILED;
  }

  private int dryRun(ViduCli root, List<BatchLine> lines) {
    long credits =
        lines.stream()
            .mapToLong(
                l ->
                    l.isReferenceToImage()
                        ? ViduSandbox.creditsFor(l.request())
                        : ViduSandbox.creditsFor(l.operation(), l.body()))
            .sum();
    if (root.json) {
      JsonObject o = new JsonObject();
      o.addProperty("lines", lines.size());
      o.addProperty("credits_estimate", credits);
      o.addProperty("estimate_basis", ESTIMATE_BASIS);
      root.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(o));
    } else {
      root.out.println(
          lines.size()
              + (lines.size() == 1 ? " line" : " lines")
              + " valid; estimated cost "
              + credits
              + " credits");
      root.err.println(
          "an estimate at " + ESTIMATE_BASIS + "; Vidu's may differ. Nothing was sent.");
    }
    return ExitCode.OK;
  }

  private static void printSummary(ViduCli root, BatchReport report) {
    BatchProgress t = report.totals();
    if (t.nothingToDo()) {
      root.out.println(
          "nothing to do: every line of "
              + report.journal()
              + " ended in an earlier run ("
              + t.succeeded()
              + " succeeded, "
              + t.failed()
              + " failed, "
              + t.creditsSpentEarlier()
              + " credits then); nothing was sent");
    } else {
      root.out.println(
          t.total()
              + (t.total() == 1 ? " line: " : " lines: ")
              + t.succeeded()
              + " succeeded, "
              + t.failed()
              + " failed"
              + (t.running() + t.queued() > 0
                  ? ", " + (t.running() + t.queued()) + " unfinished"
                  : "")
              + "; "
              + t.creditsSpent()
              + " credits spent in this run"
              + (t.creditsSpentEarlier() > 0
                  ? " (" + t.creditsSpentEarlier() + " in earlier runs)"
                  : "")
              + (t.creditsCommitted() > 0
                  ? ", " + t.creditsCommitted() + " committed to unfinished tasks"
                  : "")
              + "; "
              + CliFormat.duration(t.elapsed()));
    }
    for (LineResult line : report.lines()) {
      if (line.state() != LineState.SUCCEEDED) {
        root.out.println("  " + BatchDisplay.describe(line));
      }
    }
    if (!report.allSucceeded()) {
      root.err.println(
          "journal: "
              + TerminalText.escape(report.journal())
              + "; run the same command again to resume"
              + (report.lines().stream().anyMatch(l -> l.errCode().isPresent())
                  ? " (add --retry-failed to re-create retryable failures)"
                  : ""));
    }
  }
}
