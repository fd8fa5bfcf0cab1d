package io.github.vidu4j.cli;

import io.github.vidu4j.model.TaskState;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code vidu task ...}. */
@Command(
    name = "task",
    description = "Read, wait for, cancel and list tasks.",
    mixinStandardHelpOptions = true,
    subcommands = {TaskGet.class, TaskWait.class, TaskCancel.class, ListTasks.class})
final class TaskCommand {
  @ParentCommand ViduCli root;

  /** A task state as Vidu writes it, one the spec lists (case-insensitive). */
  static TaskState state(String text) {
    for (TaskState state : TaskState.values()) {
      if (state.getValue().equalsIgnoreCase(text.trim())) {
        return state;
      }
    }
    throw new CommandLine.TypeConversionException(
        "'"
            + text
            + "' is not a task state; one of: "
            + java.util.Arrays.stream(TaskState.values())
                .map(TaskState::getValue)
                .collect(Collectors.joining(", ")));
  }

  /** The ID argument, checked here so the message names it rather than the client's parameter. */
  static String taskId(String id) {
    if (id.isBlank() || id.contains("/")) {
      throw new ViduCli.UsageException(
          "ID \"" + id + "\" is not a task id: it is blank or contains '/'");
    }
    return id;
  }
}
