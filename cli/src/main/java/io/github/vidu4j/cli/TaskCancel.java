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
      if (task.root.json) {
        // Vidu answers a cancel with no body: the JSON says what was done.
        com.google.gson.JsonObject done = new com.google.gson.JsonObject();
        done.addProperty("id", id);
        done.addProperty("cancelled", true);
        task.root.out.println(done);
        task.root.err.println("task " + id + " cancelled");
      } else {
        task.root.out.println("task " + id + " cancelled");
      }
      return ExitCode.OK;
    }
  }
}
