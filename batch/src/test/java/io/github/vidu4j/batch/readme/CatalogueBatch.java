package io.github.vidu4j.batch.readme;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.batch.BatchFile;
import io.github.vidu4j.batch.BatchLine;
import io.github.vidu4j.batch.BatchOptions;
import io.github.vidu4j.batch.BatchReport;
import io.github.vidu4j.batch.Batches;
import io.github.vidu4j.validation.RequestValidator;
import java.nio.file.Path;
import java.util.List;

public final class CatalogueBatch {
  /** Runs (or, after a crash, resumes) catalogue.jsonl: the journal in out/ makes a second run pay for nothing twice. */
  public static BatchReport run(ViduClient client, Path catalogue, Path out) {
    List<BatchLine> lines = BatchFile.read(catalogue, RequestValidator.strict()); // every bad line at once, nothing sent
    BatchOptions options = BatchOptions.defaults()
        .withConcurrency(5) // default: the account's concurrency_limit, else 5
        .withListener((line, totals) -> System.out.println(line + "  [" + totals.finished() + "/" + totals.total() + "]"));
    BatchReport report = Batches.of(client).run(lines, out.resolve(Batches.DEFAULT_JOURNAL_NAME), out, options);
    System.out.println(report.allSucceeded() ? "all saved in " + out : report.toJson());
    return report;
  }
}
