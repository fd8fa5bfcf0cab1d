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
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds the tasks of creates whose answer was lost, by the tag in their {@code payload}. The task
 * list does not show payloads, so it lists the tasks created since shortly before the first of
 * those creates, and reads the payload of each one with a matching prompt that the batch does not
 * know already.
 */
final class Reconciler {
  /** Vidu's clock and ours may disagree; the listing starts this long before the create. */
  private static final Duration CLOCK_SKEW = Duration.ofHours(1);

  private final ViduClient client;
  private final Supplier<Collection<String>> knownTaskIds;

  Reconciler(ViduClient client, Supplier<Collection<String>> knownTaskIds) {
    this.client = client;
    this.knownTaskIds = knownTaskIds;
  }

  /**
   * The task id of each of {@code lines} whose tag a task carries; lines missing from the map have
   * no task.
   */
  synchronized Map<BatchRun.Line, String> find(List<BatchRun.Line> lines) {
    Map<String, BatchRun.Line> byTag = new HashMap<>();
    Set<String> prompts = new HashSet<>();
    Instant earliest = Instant.now();
    for (BatchRun.Line line : lines) {
      byTag.put(Objects.requireNonNull(line.tag), line);
      prompts.add(line.line.request().getPrompt());
      if (line.creatingAt != null && line.creatingAt.isBefore(earliest)) {
        earliest = line.creatingAt;
      }
    }
    Set<String> known = new HashSet<>(knownTaskIds.get());
    Map<BatchRun.Line, String> found = new HashMap<>();
    TaskQuery query =
        TaskQuery.all()
            .createdFrom(earliest.minus(CLOCK_SKEW).atOffset(ZoneOffset.UTC))
            .pageSize(ViduRules.spec().maxPageSize());
    Iterator<TaskSummary> tasks = client.tasks().listAll(query).iterator();
    while (found.size() < lines.size() && tasks.hasNext()) {
      TaskSummary summary = tasks.next();
      String id = summary.getId();
      if (id == null
          || known.contains(id)
          || (summary.getPrompt() != null && !prompts.contains(summary.getPrompt()))) {
        continue;
      }
      TaskCreations task = client.tasks().get(id);
      for (Map.Entry<String, BatchRun.Line> tagged : byTag.entrySet()) {
        if (PayloadTag.matches(task.getPayload(), tagged.getKey())) {
          found.put(tagged.getValue(), id);
        }
      }
    }
    return found;
  }
}
