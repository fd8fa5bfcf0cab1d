package io.github.vidu4j.cli;

import io.github.vidu4j.core.ViduResponseException;
import org.jspecify.annotations.Nullable;

/**
 * What every create command does once its request is valid: check {@code --output}, create the task
 * (once), then print it, or wait for it and save its files. Server data is escaped before it
 * reaches the terminal.
 */
final class TaskCreation {
  private TaskCreation() {}

  /**
   * A created task as the commands show it: its id, state and credits as Vidu sent them (any may be
   * missing), and the task as JSON for {@code --json}.
   */
  record Created(
      @Nullable String taskId, @Nullable String state, @Nullable String credits, String json) {}

  /** Creates a task in an open session; the client validates the request first. */
  @FunctionalInterface
  interface Create {
    Created in(Session session) throws Exception;
  }

  /**
   * Creates the task with {@code create}, then prints it (exit 0) or, with {@code --wait}, waits
   * and saves its files ({@link TaskWaiting}). {@code endpoint} names the call in an error ({@code
   * POST /ent/v2/...}); {@code files} is what {@code --wait} would get ("images", "video").
   */
  static int createAndFollow(
      ViduCli root, CreateOptions options, String endpoint, String files, Create create)
      throws Exception {
    WaitOptions waiting = options.waiting;
    if (options.await) {
      OutputDirectory.require(waiting.output, "no task was created");
    }
    try (Session session = root.openSession(options.unknownModels.allowed)) {
      Created task = create.in(session);
      String taskId = task.taskId();
      boolean followable = followable(taskId);
      if (!options.await) {
        if (root.json) {
          root.out.println(task.json());
        } else {
          root.out.println(
              "task "
                  + TerminalText.escape(String.valueOf(taskId))
                  + " "
                  + TerminalText.escape(String.valueOf(task.state()))
                  + (task.credits() == null
                      ? ""
                      : " (" + TerminalText.escape(task.credits()) + " credits)"));
          root.err.println(
              root.sandbox
                  ? "the in-process sandbox (--sandbox) stops with this command, and this task with it; add --wait to get its "
                      + files
                  : followable
                      ? "follow it with: vidu task wait "
                          + TerminalText.escape(CliFormat.shellWord(taskId))
                      : "its task_id cannot be followed with vidu task wait; look for it with: vidu task list");
        }
        return ExitCode.OK;
      }
      if (!followable) {
        throw unfollowable(endpoint, taskId);
      }
      root.err.println("task " + TerminalText.escape(taskId) + " created");
      return TaskWaiting.waitAndDownload(
          root,
          session,
          taskId,
          waiting.timeout,
          waiting.output,
          TaskWaiting.resumeOptions(options.command, waiting.output));
    }
  }

  /**
   * Whether {@code vidu task wait} can take the id Vidu answered: the client refuses a blank one or
   * one with {@code /}. Other ids (spaces, quotes, {@code &&}) are shown quoted for the shell.
   */
  private static boolean followable(@Nullable String taskId) {
    return taskId != null && !taskId.isBlank() && !taskId.contains("/");
  }

  /**
   * The create succeeded (and may be charged) but its id cannot be awaited: said so, with exit code
   * 1 (other), not 2 (invalid input): the user's input was fine and a task exists.
   */
  private static ViduResponseException unfollowable(String endpoint, @Nullable String taskId) {
    return new ViduResponseException(
        endpoint,
        "Vidu created the task but answered with "
            + (taskId == null ? "no task_id" : "task_id \"" + taskId + "\"")
            + ", which vidu task wait cannot follow; the task exists and may be charged:"
            + " look for it with vidu task list, or in Vidu's console");
  }
}
