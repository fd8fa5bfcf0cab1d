package io.github.vidu4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin WaitOptions waiting;

  @Override
  public Integer call() throws Exception {
    TaskCommand.taskId(id);
    OutputDirectory.require(waiting.output, "not waiting");
    try (Session session = task.root.openSession(false)) {
      return TaskWaiting.waitAndDownload(
          task.root,
          session,
          id,
          waiting.timeout,
          waiting.output,
          TaskWaiting.resumeOptions(spec, waiting.output));
    }
  }
}
