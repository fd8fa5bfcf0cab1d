package io.github.vidu4j.batch;

import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskSummary;
import io.github.vidu4j.validation.ViduRules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds the tasks of creates whose answer was lost, by the tag in their {@code payload}: any
 * attempt's tag of the line counts, since an earlier attempt's create may land after a later one
 * was sent. The task list does not show payloads, so it lists the tasks created since shortly
 * before the earliest of those creates and reads the payload of each one the batch does not know
 * (once per run: a payload never changes). Prompts are not compared: Vidu may list a prompt changed
 * (trimmed, cut), and a missed task would be paid for twice.
 */
final class Reconciler {
  /** Vidu's clock and ours may disagree; the listing starts this long before the create. */
  private static final Duration CLOCK_SKEW = Duration.ofHours(1);

  private final ViduClient client;
  private final String batchId;
  private final Supplier<Collection<String>> knownTaskIds;

  /** Tasks read already: their id and the line their tag names (0 for none). */
  private final Map<String, Integer> read = new HashMap<>();

  Reconciler(ViduClient client, String batchId, Supplier<Collection<String>> knownTaskIds) {
    this.client = client;
    this.batchId = batchId;
    this.knownTaskIds = knownTaskIds;
  }

  /**
   * The task id of each of {@code lines} whose tag a task carries; lines missing from the map have
   * no task yet.
   *
   * @throws io.github.vidu4j.core.ViduException if the task list or a task cannot be read
   */
  synchronized Map<RunLine, String> find(List<RunLine> lines) {
    Map<Integer, RunLine> byNumber = new HashMap<>();
    Instant earliest = Instant.now();
    for (RunLine line : lines) {
      byNumber.put(line.line.number(), line);
      Instant since = line.uncertainSince != null ? line.uncertainSince : line.creatingAt;
      if (since != null && since.isBefore(earliest)) {
        earliest = since;
      }
    }
    Set<String> known = new HashSet<>(knownTaskIds.get());
    Map<RunLine, String> found = new HashMap<>();
    for (Map.Entry<String, Integer> seen : read.entrySet()) {
      RunLine line = byNumber.get(seen.getValue());
      if (line != null && !known.contains(seen.getKey())) {
        found.putIfAbsent(line, seen.getKey());
      }
    }
    TaskQuery query =
        TaskQuery.all()
            .createdFrom(earliest.minus(CLOCK_SKEW).atOffset(ZoneOffset.UTC))
            .pageSize(ViduRules.spec().maxPageSize());
    Iterator<TaskSummary> tasks = client.tasks().listAll(query).iterator();
    while (found.size() < lines.size() && tasks.hasNext()) {
      TaskSummary summary = tasks.next();
      String id = summary.getId();
      if (id == null || known.contains(id) || read.containsKey(id)) {
        continue;
      }
      TaskCreations task = client.tasks().get(id);
      int number = PayloadTag.lineOf(task.getPayload(), batchId);
      read.put(id, Math.max(number, 0));
      RunLine line = byNumber.get(number);
      if (line != null) {
        found.putIfAbsent(line, id);
      }
    }
    return found;
  }
}
