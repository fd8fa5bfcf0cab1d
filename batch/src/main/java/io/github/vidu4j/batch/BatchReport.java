package io.github.vidu4j.batch;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What a batch run ended with: every line, in line order, and the totals. Immutable. */
public final class BatchReport {
  private final List<LineResult> lines;
  private final BatchProgress totals;
  private final Path journal;

  BatchReport(List<LineResult> lines, BatchProgress totals, Path journal) {
    this.lines = List.copyOf(lines);
    this.totals = totals;
    this.journal = journal;
  }

  /** Every line, in line order. */
  public List<LineResult> lines() {
    return lines;
  }

  /**
   * The counts at the end: {@link BatchProgress#creditsSpent()} for the tasks that ended in this
   * run, {@link BatchProgress#creditsSpentEarlier()} for those of earlier runs.
   */
  public BatchProgress totals() {
    return totals;
  }

  /** The journal the run used; running again with it resumes. */
  public Path journal() {
    return journal;
  }

  /** Whether every line succeeded. */
  public boolean allSucceeded() {
    return lines.stream().allMatch(l -> l.state() == LineState.SUCCEEDED);
  }

  /**
   * The report as JSON: {@code total}, {@code succeeded}, {@code failed}, {@code running}, {@code
   * queued}, {@code credits} (every ended task of the batch, earlier runs' too), {@code
   * credits_this_run}, {@code credits_committed} (tasks not ended), {@code nothing_to_do} (every
   * line had ended before this run), {@code elapsed_seconds}, {@code journal}, and {@code lines},
   * each with {@code line}, {@code name}, {@code operation}, {@code state}, {@code task_id}, {@code
   * files}, {@code credits}, {@code err_code}, {@code error} (absent when unknown).
   */
  public String toJson() {
    JsonObject root = new JsonObject();
    root.addProperty("total", totals.total());
    root.addProperty("succeeded", totals.succeeded());
    root.addProperty("failed", totals.failed());
    root.addProperty("running", totals.running());
    root.addProperty("queued", totals.queued());
    root.addProperty("credits", totals.creditsSpent() + totals.creditsSpentEarlier());
    root.addProperty("credits_this_run", totals.creditsSpent());
    root.addProperty("credits_committed", totals.creditsCommitted());
    root.addProperty("nothing_to_do", totals.nothingToDo());
    root.addProperty("elapsed_seconds", totals.elapsed().toMillis() / 1000.0);
    root.addProperty("journal", journal.toString());
    JsonArray array = new JsonArray();
    for (LineResult line : lines) {
      JsonObject o = new JsonObject();
      o.addProperty("line", line.line());
      line.name().ifPresent(n -> o.addProperty("name", n));
      o.addProperty("operation", line.operation());
      o.addProperty("state", line.state().name().toLowerCase(Locale.ROOT));
      line.taskId().ifPresent(id -> o.addProperty("task_id", id));
      JsonArray files = new JsonArray();
      line.files().forEach(f -> files.add(f.toString()));
      o.add("files", files);
      line.credits().ifPresent(c -> o.addProperty("credits", c));
      line.errCode().ifPresent(c -> o.addProperty("err_code", c));
      line.error().ifPresent(e -> o.addProperty("error", e));
      array.add(o);
    }
    root.add("lines", array);
    return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(root);
  }

  @Override
  public String toString() {
    return "BatchReport{" + totals + "}";
  }
}
