package io.github.vidu4j.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vidu task wait ID}. */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    description = "Wait for a task to finish, then download its images.")
final class TaskWait implements Callable<Integer> {
  @ParentCommand TaskCommand task;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The task id.")
  String id;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description = "How long to wait: 90s, 5m, 1h, PT90S. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "Where to save images, as <task id>-<n>.<ext>. Never overwrites: a taken name gets -2, -3, ... (<task id>-<n>-2.<ext>). Default: current directory.")
  Path output;

  @Override
  public Integer call() throws Exception {
    TaskCommand.taskId(id);
    OutputDirectory.require(output, "not waiting");
    try (Session session = task.root.openSession(false)) {
      return TaskWaiting.waitAndDownload(
          task.root, session, id, timeout, output, TaskWaiting.resumeOptions(spec, output));
    }
  }
}
