package io.github.vidu4j.cli;

import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.model.TaskList;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.model.TaskSummary;
import io.github.vidu4j.validation.ViduRules;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vidu task list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List tasks (Vidu's default: the last 7 days).")
final class ListTasks implements Callable<Integer> {
  // On stderr: an empty stdout is the answer for scripts, and --json's stdout stays pure.
  private static final String NO_TASKS = "no tasks";

  @ParentCommand TaskCommand task;

  @Option(
      names = "--state",
      paramLabel = "STATE",
      description =
          "Only tasks in this state (created, queueing, processing, success, failed). Repeatable.")
  List<TaskState> states = new ArrayList<>();

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description = "Only tasks created within this long, for example 2h.")
  @Nullable Duration since;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      descriptionKey = SpecHelp.PAGE_SIZE,
      description = "Tasks a page.")
  @Nullable Integer pageSize;

  @Option(
      names = "--page-token",
      paramLabel = "TOKEN",
      description = "Continue from a previous page's next_page_token.")
  @Nullable String pageToken;

  @Option(names = "--all", description = "Follow next_page_token through every page.")
  boolean all;

  @Override
  public Integer call() throws Exception {
    ViduCli root = task.root;
    TaskQuery query = TaskQuery.all();
    if (!states.isEmpty()) {
      query = query.states(states);
    }
    if (since != null) {
      query = query.createdFrom(OffsetDateTime.now(ZoneOffset.UTC).minus(since));
    }
    if (pageSize != null) {
      int max = ViduRules.spec().maxPageSize();
      if (pageSize < 1 || pageSize > max) {
        throw new ViduCli.UsageException("--page-size must be 1 to " + max + ", got " + pageSize);
      }
      query = query.pageSize(pageSize);
    }
    if (pageToken != null) {
      query = query.pageToken(pageToken);
    }
    try (Session session = root.openSession(false)) {
      if (all) {
        List<TaskSummary> tasks =
            session.client.tasks().listAll(query).collect(Collectors.toList());
        if (tasks.isEmpty()) {
          root.err.println(NO_TASKS);
        }
        if (root.json) {
          root.out.println(
              tasks.stream().map(CliFormat::json).collect(Collectors.joining(",", "[", "]")));
        } else {
          tasks.forEach(t -> root.out.println(line(t)));
        }
        return ExitCode.OK;
      }
      TaskList page = session.client.tasks().list(query);
      if (page.getTasks() == null || page.getTasks().isEmpty()) {
        root.err.println(NO_TASKS);
      }
      if (root.json) {
        root.out.println(CliFormat.json(page));
      } else {
        List<TaskSummary> tasks = page.getTasks() == null ? List.of() : page.getTasks();
        tasks.forEach(t -> root.out.println(line(t)));
        String next = page.getNextPageToken();
        if (next != null && !next.isEmpty()) {
          root.err.println("more: vidu task list --page-token " + next);
        }
      }
      return ExitCode.OK;
    }
  }

  private static String line(TaskSummary t) {
    String state =
        io.github.vidu4j.core.RawJson.field(t, "state").orElse(String.valueOf(t.getState()));
    return String.join(
        "\t",
        String.valueOf(t.getId()),
        state,
        String.valueOf(t.getModel()),
        String.valueOf(t.getCreatedAt()));
  }
}
