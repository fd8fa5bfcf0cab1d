package io.github.vidu4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vidu task cancel ID}. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description =
        "Cancel a task that has not finished, queued or processing: it ends failed (err_code UserCancelled) and its credits are refunded.")
final class TaskCancel implements Callable<Integer> {
  @ParentCommand TaskCommand task;

  @Parameters(paramLabel = "ID", description = "The task id.")
  String id;

  @Override
  public Integer call() throws Exception {
    TaskCommand.taskId(id);
    try (Session session = task.root.openSession(false)) {
      session.client.tasks().cancel(id);
      // Vidu answers a cancel with no body: --json has no JSON to print, so stdout stays empty.
      (task.root.json ? task.root.err : task.root.out).println("task " + id + " cancelled");
      return ExitCode.OK;
    }
  }
}
