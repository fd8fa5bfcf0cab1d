package io.github.vidu4j.cli;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.TaskFailedException;
import io.github.vidu4j.TaskQuery;
import io.github.vidu4j.TaskTimeoutException;
import io.github.vidu4j.ViduException;
import io.github.vidu4j.model.Creation;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskList;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.model.TaskSummary;
import io.github.vidu4j.validation.ViduRules;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vidu task ...}. */
@Command(
    name = "task",
    description = "Read, wait for, cancel and list tasks.",
    mixinStandardHelpOptions = true,
    subcommands = {TaskCommand.Get.class, TaskCommand.Wait.class, TaskCommand.Cancel.class, TaskCommand.ListTasks.class})
final class TaskCommand {
  @ParentCommand ViduCli root;

  /**
   * Waits with progress on stderr, then saves every creation and prints each path as it is saved
   * (stdout, or stderr with --json, where stdout has the task's JSON). {@code resumeOptions} are
   * the wait options the user gave, repeated in the resume command if the wait times out.
   */
  static int waitAndDownload(ViduCli root, Session session, String taskId, Duration timeout, Path output, List<String> resumeOptions) {
    TaskCreations done;
    try (Progress progress = new Progress(root.err, taskId, root.progressMode())) {
      try {
        done = session.client.tasks().await(taskId, AwaitOptions.defaults().withTimeout(timeout).withStateListener(progress));
      } catch (TaskFailedException e) {
        if (root.json) {
          root.out.println(CliFormat.json(e.task()));
        }
        throw e;
      } catch (TaskTimeoutException e) {
        if (root.json) {
          progress.lastRead().ifPresent(last -> root.out.println(CliFormat.json(last)));
        }
        throw new ViduCli.WaitTimedOutException(timedOut(root, e, resumeOptions), e);
      }
    }
    if (root.json) {
      root.out.println(CliFormat.json(done));
    }
    String savedId = done.getId() != null ? done.getId() : taskId;
    try {
      session.client.downloads().toDirectory(done, output, file -> {
        String name = file.getFileName().toString();
        if (name.matches(Pattern.quote(savedId) + "-\\d+-\\d+\\.\\w+")) {
          String wanted = name.replaceFirst("-\\d+(\\.\\w+)$", "$1");
          root.err.println(wanted + " already exists in " + output + "; saved as " + name + " instead");
        }
        if (root.json) {
          root.err.println("saved " + file);
        } else {
          root.out.println(file);
        }
      });
    } catch (ViduException e) {
      // Each creation that was not saved, then the first one's own failure, for its exit code.
      root.err.println(e.getMessage());
      for (Throwable more : e.getSuppressed()) {
        root.err.println(more.getMessage());
      }
      throw e.getCause() instanceof ViduException cause ? cause : e;
    }
    return ExitCode.OK;
  }

  /** Says how to resume, with the options actually given; a --sandbox task cannot be resumed. */
  private static String timedOut(ViduCli root, TaskTimeoutException e, List<String> resumeOptions) {
    String what = "task " + e.taskId() + " did not finish within " + CliFormat.duration(e.waited())
        + e.lastState().map(s -> " (last state: " + s.getValue() + ")").orElse("");
    if (root.sandbox) {
      return what + ". It ran in this command's in-process sandbox (--sandbox), which stops with this command,"
          + " so it cannot be resumed. For long waits, run 'vidu sandbox serve' in another terminal and point vidu"
          + " at it with --base-url URL (or VIDU_BASE_URL).";
    }
    List<String> words = new ArrayList<>(List.of("vidu"));
    if (root.baseUrl != null) {
      words.addAll(List.of("--base-url", root.baseUrl.trim()));
    } else if (root.region != null) {
      words.addAll(List.of("--region", root.region.name().toLowerCase(java.util.Locale.ROOT)));
    }
    if (root.json) {
      words.add("--json");
    }
    words.addAll(List.of("task", "wait", e.taskId()));
    words.addAll(resumeOptions);
    return what + "; it goes on running. Resume with: "
        + words.stream().map(CliFormat::shellWord).collect(Collectors.joining(" "))
        + (root.apiKey != null ? " (and your --api-key)" : "");
  }

  /**
   * A task state as Vidu writes it. Not picocli's enum converter: that would offer the generated
   * model's UNKNOWN_DEFAULT_OPEN_API, which only stands for states this release does not know.
   */
  static TaskState state(String text) {
    for (TaskState state : TaskState.values()) {
      if (state != TaskState.UNKNOWN_DEFAULT_OPEN_API && state.getValue().equalsIgnoreCase(text.trim())) {
        return state;
      }
    }
    throw new CommandLine.TypeConversionException("'" + text + "' is not a task state; one of: " + java.util.Arrays.stream(TaskState.values())
        .filter(s -> s != TaskState.UNKNOWN_DEFAULT_OPEN_API).map(TaskState::getValue).collect(Collectors.joining(", ")));
  }

  /** The ID argument, checked here so the message names it rather than the client's parameter. */
  static String taskId(String id) {
    if (id.isBlank() || id.contains("/")) {
      throw new ViduCli.UsageException("ID \"" + id + "\" is not a task id: it is blank or contains '/'");
    }
    return id;
  }

  /** {@code --timeout} and {@code --output} as given on the command line, defaults left out. */
  static List<String> givenWaitOptions(CommandSpec spec, Duration timeout, Path output) {
    List<String> given = new ArrayList<>();
    if (spec.commandLine().getParseResult().hasMatchedOption("--timeout")) {
      given.addAll(List.of("--timeout", CliFormat.exactDuration(timeout)));
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--output")) {
      given.addAll(List.of("--output", output.toString()));
    }
    return given;
  }

  /** {@code vidu task get ID}. */
  @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a task's state and results.")
  static final class Get implements Callable<Integer> {
    @ParentCommand TaskCommand task;

    @Parameters(paramLabel = "ID", description = "The task id.")
    String id;

    @Override
    public Integer call() throws Exception {
      ViduCli root = task.root;
      taskId(id);
      try (Session session = root.openSession(false)) {
        TaskCreations t = session.client.tasks().get(id);
        if (root.json) {
          root.out.println(CliFormat.json(t));
        } else {
          String state = io.github.vidu4j.RawJson.field(t, "state").orElse(String.valueOf(t.getState()));
          root.out.println("task " + id + ": " + state
              + (t.getErrCode() == null || t.getErrCode().isEmpty() ? "" : " (err_code " + t.getErrCode() + ")")
              + (t.getCredits() == null ? "" : ", " + t.getCredits() + " credits"));
          List<Creation> creations = t.getCreations() == null ? List.of() : t.getCreations();
          for (int i = 0; i < creations.size(); i++) {
            String url = creations.get(i).getUrl();
            // Whole, signature included: showing where the images are is what task get is for.
            root.out.println("  creation " + (i + 1) + ": " + (url == null ? "(no url)" : url));
          }
        }
        return t.getState() == TaskState.FAILED ? ExitCode.TASK_FAILED : ExitCode.OK;
      }
    }
  }

  /** {@code vidu task wait ID}. */
  @Command(name = "wait", mixinStandardHelpOptions = true, description = "Wait for a task to finish, then download its images.")
  static final class Wait implements Callable<Integer> {
    @ParentCommand TaskCommand task;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The task id.")
    String id;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", description = "How long to wait: 90s, 5m, 1h, PT90S. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = ".", description = "Where to save images, as <task id>-<n>.<ext>. Never overwrites: a taken name gets -2, -3, ... (<task id>-<n>-2.<ext>). Default: current directory.")
    Path output;

    @Override
    public Integer call() throws Exception {
      taskId(id);
      OutputDirectory.require(output, "not waiting");
      try (Session session = task.root.openSession(false)) {
        return waitAndDownload(task.root, session, id, timeout, output, givenWaitOptions(spec, timeout, output));
      }
    }
  }

  /** {@code vidu task cancel ID}. */
  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a task that has not started (it ends failed, UserCancelled).")
  static final class Cancel implements Callable<Integer> {
    @ParentCommand TaskCommand task;

    @Parameters(paramLabel = "ID", description = "The task id.")
    String id;

    @Override
    public Integer call() throws Exception {
      taskId(id);
      try (Session session = task.root.openSession(false)) {
        session.client.tasks().cancel(id);
        // Vidu answers a cancel with no body: --json has no JSON to print, so stdout stays empty.
        (task.root.json ? task.root.err : task.root.out).println("task " + id + " cancelled");
        return ExitCode.OK;
      }
    }
  }

  /** {@code vidu task list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tasks (without --since, Vidu's default period).")
  static final class ListTasks implements Callable<Integer> {
    // On stderr: an empty stdout is the answer for scripts, and --json's stdout stays pure.
    private static final String NO_TASKS = "no tasks";

    @ParentCommand TaskCommand task;

    @Option(names = "--state", paramLabel = "STATE", description = "Only tasks in this state (created, queueing, processing, success, failed). Repeatable.")
    List<TaskState> states = new ArrayList<>();

    @Option(names = "--since", paramLabel = "DURATION", description = "Only tasks created within this long, for example 2h.")
    @Nullable Duration since;

    @Option(names = "--page-size", paramLabel = "N", descriptionKey = SpecHelp.PAGE_SIZE, description = "Tasks a page.")
    @Nullable Integer pageSize;

    @Option(names = "--page-token", paramLabel = "TOKEN", description = "Continue from a previous page's next_page_token.")
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
          List<TaskSummary> tasks = session.client.tasks().listAll(query).collect(Collectors.toList());
          if (tasks.isEmpty()) {
            root.err.println(NO_TASKS);
          }
          if (root.json) {
            root.out.println(tasks.stream().map(CliFormat::json).collect(Collectors.joining(",", "[", "]")));
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
      String state = io.github.vidu4j.RawJson.field(t, "state").orElse(String.valueOf(t.getState()));
      return String.join("\t", String.valueOf(t.getId()), state, String.valueOf(t.getModel()), String.valueOf(t.getCreatedAt()));
    }
  }
}
