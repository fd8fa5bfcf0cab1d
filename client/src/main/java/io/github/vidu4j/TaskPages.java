package io.github.vidu4j;

import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.model.TaskList;
import io.github.vidu4j.model.TaskSummary;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The tasks of {@link Tasks#listAll}: reads a page when the last one is used up, following {@code
 * next_page_token} until Vidu sends none, and stops on a token seen before.
 */
final class TaskPages implements Iterator<TaskSummary> {
  private final Function<TaskQuery, TaskList> list;
  private final UnaryOperator<String> redact;
  private final Set<String> seenTokens = new HashSet<>();
  private TaskQuery next;
  private boolean lastPage;
  private Iterator<TaskSummary> page = List.<TaskSummary>of().iterator();

  TaskPages(TaskQuery first, Function<TaskQuery, TaskList> list, UnaryOperator<String> redact) {
    this.next = first;
    this.list = list;
    this.redact = redact;
  }

  @Override
  public boolean hasNext() {
    while (!page.hasNext() && !lastPage) {
      TaskList read = list.apply(next);
      List<TaskSummary> tasks = read.getTasks() == null ? List.of() : read.getTasks();
      page = tasks.iterator();
      String token = read.getNextPageToken();
      if (token == null || token.isEmpty() || tasks.isEmpty()) {
        lastPage = true;
      } else if (!seenTokens.add(token)) {
        throw new ViduException(
            "GET /ent/v2/tasks returned next_page_token \""
                + redact.apply(token)
                + "\" twice; stopping to avoid an endless listing");
      } else {
        next = next.pageToken(token);
      }
    }
    return page.hasNext();
  }

  @Override
  public TaskSummary next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.next();
  }
}
