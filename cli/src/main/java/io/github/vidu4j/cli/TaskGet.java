package io.github.vidu4j.cli;

import io.github.vidu4j.model.Creation;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskState;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vidu task get ID}. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Show a task's state and results.")
final class TaskGet implements Callable<Integer> {
  @ParentCommand TaskCommand task;

  @Parameters(paramLabel = "ID", description = "The task id.")
  String id;

  @Override
  public Integer call() throws Exception {
    ViduCli root = task.root;
    TaskCommand.taskId(id);
    try (Session session = root.openSession(false)) {
      TaskCreations t = session.client.tasks().get(id);
      if (root.json) {
        root.out.println(CliFormat.json(t));
      } else {
        String state =
            io.github.vidu4j.core.RawJson.field(t, "state").orElse(String.valueOf(t.getState()));
        root.out.println(
            "task "
                + id
                + ": "
                + state
                + (t.getErrCode() == null || t.getErrCode().isEmpty()
                    ? ""
                    : " (err_code " + t.getErrCode() + ")")
                + credits(t));
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

  /**
   * Vidu refunds a task that fails, a cancelled one included, yet may still report what it charged:
   * "8 credits" beside it would read as spent.
   */
  static String credits(TaskCreations t) {
    if (t.getCredits() == null) {
      return "";
    }
    if (t.getState() == TaskState.FAILED && t.getCredits() > 0) {
      return ", " + t.getCredits() + " credits refunded";
    }
    return ", " + t.getCredits() + " credits";
  }
}
