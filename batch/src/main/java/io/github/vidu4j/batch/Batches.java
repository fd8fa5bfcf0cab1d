package io.github.vidu4j.batch;

import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.model.CreditBalance;
import io.github.vidu4j.model.Credits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs many generation tasks (images, videos: each line names its operation) as one batch: every
 * line validated before anything is sent, at most {@link BatchOptions#concurrency()} tasks in
 * flight, results saved as each task succeeds, and an append-only journal that makes a run after a
 * crash resume rather than pay again. Obtain with {@link #of(ViduClient)}.
 *
 * <p>Never paying twice: each create is recorded in the journal before it is sent and its task id
 * the moment it is known; each request carries a unique tag in {@code payload} (in front of the
 * line's own payload, after which a newline follows). Running again with the same journal waits on
 * the tasks it knows, saves what is missing, looks for the tasks of creates whose answer was lost
 * (by listing recent tasks and reading their tags) and creates only lines that never got a task. A
 * journal written for other lines is refused, and so is a second run on the same journal while one
 * holds it.
 */
public final class Batches {
  /**
   * The journal's name in the output directory when the CLI picks it: {@value}. A constant on
   * purpose: journals written by one release are resumed by the next under the same name.
   */
  public static final String DEFAULT_JOURNAL_NAME = "vidu-batch.journal";

  private final ViduClient client;

  private Batches(ViduClient client) {
    this.client = client;
  }

  /** The batches of {@code client}. */
  public static Batches of(ViduClient client) {
    return new Batches(Objects.requireNonNull(client, "client == null"));
  }

  /** {@link #run(List, Path, Path, BatchOptions)} with {@link BatchOptions#defaults()}. */
  public BatchReport run(List<BatchLine> lines, Path journal, Path outputDirectory) {
    return run(lines, journal, outputDirectory, BatchOptions.defaults());
  }

  /**
   * Runs (or resumes) the batch {@code lines}, recording it in {@code journal} (created if missing)
   * and saving each line's results in {@code outputDirectory} as {@code <name or line
   * number>-<n>.<ext>}. Returns when every line has ended (succeeded or failed) or could not be
   * finished in this run (a task still running at the await timeout, a create refused too often):
   * the report says which; run again to resume. A line whose task failed is not created again
   * unless {@link BatchOptions#retryFailed()} is set and its {@code err_code} is one Vidu may get
   * past next time ({@link io.github.vidu4j.core.TaskFailedException#isRetryable()}: {@code
   * InternalServiceFailure}, {@code SystemThrottling}, {@code ImageDownloadFailure}, {@code
   * Unknown}; the spec marks none, so this is vidu4j's assumption).
   *
   * @throws BatchInputException if any line is invalid (all are listed; nothing was sent)
   * @throws BatchRefusedException if the journal belongs to other lines, is damaged or edited
   *     (naming its line), another run holds it, or it is new while {@code outputDirectory} holds
   *     files named as this batch's results
   * @throws ViduException if the journal or the output directory cannot be written
   */
  public BatchReport run(
      List<BatchLine> lines, Path journal, Path outputDirectory, BatchOptions options) {
    Objects.requireNonNull(lines, "lines == null");
    Objects.requireNonNull(journal, "journal == null");
    Objects.requireNonNull(outputDirectory, "outputDirectory == null");
    Objects.requireNonNull(options, "options == null");
    validate(lines);
    List<BatchLine> batch = new ArrayList<>(lines);
    batch.sort(java.util.Comparator.comparingInt(BatchLine::number));
    try (Journal opened = Journal.open(journal, Journal.fingerprint(batch), batch.size())) {
      if (opened.isNew()) {
        refuseEarlierResults(batch, journal, outputDirectory);
      }
      int concurrency = options.concurrency() > 0 ? options.concurrency() : accountConcurrency();
      return new BatchRun(client, batch, outputDirectory, options, opened, concurrency).run();
    } catch (IOException e) {
      throw new ViduException(
          "cannot use the journal "
              + journal
              + " or the output "
              + outputDirectory
              + ": "
              + e.getMessage(),
          e);
    } catch (java.io.UncheckedIOException e) {
      throw new ViduException(e.getMessage(), e.getCause());
    }
  }

  /**
   * A new journal in a folder that already holds files named as this batch's results: its journal
   * was lost or emptied (running on would pay again for what is there), or the files are someone
   * else's (they would be in the way). Either way the user decides.
   */
  private static void refuseEarlierResults(List<BatchLine> batch, Path journal, Path output)
      throws IOException {
    List<String> found =
        ResultFiles.resultsOf(output, batch.stream().map(BatchLine::fileStem).toList(), 4);
    if (!found.isEmpty()) {
      throw new BatchRefusedException(
          output
              + " already holds files named as this batch's results ("
              + String.join(", ", found)
              + (found.size() == 4 ? ", ..." : "")
              + ") but "
              + journal
              + " has no record of them: its journal was lost or emptied, and running on could pay"
              + " again for results that are there. Restore the journal, or move those files away"
              + " (or use another output directory) to start afresh; nothing was sent");
    }
  }

  /**
   * Checks every line with this client's validator, and the lines together (no two share a number
   * or file names), without sending anything.
   *
   * @throws BatchInputException listing every bad line
   */
  public void validate(List<BatchLine> lines) {
    Objects.requireNonNull(lines, "lines == null");
    if (lines.isEmpty()) {
      throw new BatchInputException(
          "batch",
          List.of(
              new BatchInputException.Problem(1, null, "NO_REQUESTS", "the batch has no lines")));
    }
    List<BatchInputException.Problem> problems =
        LineChecks.problems(
            lines,
            request -> client.images().validate(request),
            (operation, body) ->
                client.generations().validate(operation, body, RequestOptions.defaults()));
    if (!problems.isEmpty()) {
      throw new BatchInputException("batch", problems);
    }
  }

  /**
   * Tasks the account may run at once: the largest {@code concurrency_limit} the credits endpoint
   * reports, else {@link BatchOptions#fallbackConcurrency()} (5) (also when it cannot be read).
   */
  public int accountConcurrency() {
    try {
      Credits credits = client.credits();
      List<CreditBalance> balances =
          credits.getRemains() != null ? credits.getRemains() : credits.getRemainingCredits();
      int limit = 0;
      if (balances != null) {
        for (CreditBalance balance : balances) {
          if (balance.getConcurrencyLimit() != null) {
            limit = Math.max(limit, balance.getConcurrencyLimit());
          }
        }
      }
      return limit > 0 ? Math.min(limit, 100) : BatchOptions.fallbackConcurrency();
    } catch (ViduException e) {
      return BatchOptions.fallbackConcurrency();
    }
  }

  @Override
  public String toString() {
    return "Batches{" + client + "}";
  }
}
