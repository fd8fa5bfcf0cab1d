package io.github.vidu4j.cli;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.batch.CreationDownload;
import io.github.vidu4j.batch.TaskFiles;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.core.TaskTimeoutException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.model.TaskCreations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** Waiting for a task, then saving its images: {@code --wait} and {@code vidu task wait}. */
final class TaskWaiting {
  private TaskWaiting() {}

  /**
   * Waits with progress on stderr, then saves every creation and prints each path as it is saved
   * (stdout, or stderr with --json, where stdout has the task's JSON). {@code resumeOptions} are
   * the wait options the user gave, repeated in the resume command if the wait times out.
   */
  static int waitAndDownload(
      ViduCli root,
      Session session,
      String taskId,
      Duration timeout,
      Path output,
      List<String> resumeOptions) {
    TaskCreations done;
    try (Progress progress = new Progress(root.err, taskId, root.progressMode())) {
      try {
        done =
            session
                .client
                .tasks()
                .await(
                    taskId,
                    AwaitOptions.defaults().withTimeout(timeout).withStateListener(progress));
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
    ViduException firstFailure = null;
    for (CreationDownload result :
        TaskFiles.of(session.client)
            .saveEach(done, output, result -> report(root, output, savedId, result))) {
      if (firstFailure == null && result.error() != null) {
        firstFailure = result.error();
      }
    }
    if (firstFailure != null) {
      // Each creation not saved was named as it failed; the first one's own failure sets the exit
      // code.
      throw firstFailure;
    }
    return ExitCode.OK;
  }

  /** One line per creation as it is saved (stdout, or stderr with --json) or not (stderr). */
  private static void report(ViduCli root, Path output, String taskId, CreationDownload result) {
    if (result.savedAs() != null) {
      if (result.renamed()) {
        root.err.println(
            result.preferredName()
                + " already exists in "
                + output
                + "; saved as "
                + result.savedAs().getFileName()
                + " instead");
      }
      if (root.json) {
        root.err.println("saved " + result.savedAs());
      } else {
        root.out.println(result.savedAs());
      }
    } else if (result.error() != null) {
      root.err.println(
          "creation "
              + result.index()
              + " of task "
              + taskId
              + " not saved: "
              + result.error().getMessage());
    }
  }

  /** Says how to resume, with the options actually given; a --sandbox task cannot be resumed. */
  private static String timedOut(ViduCli root, TaskTimeoutException e, List<String> resumeOptions) {
    String what =
        "task "
            + e.taskId()
            + " did not finish within "
            + CliFormat.duration(e.waited())
            + e.lastState().map(s -> " (last state: " + s.getValue() + ")").orElse("");
    if (root.sandbox) {
      return what
          + ". It ran in this command's in-process sandbox (--sandbox), which stops with this command,"
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
    return what
        + "; it goes on running. Resume with: "
        + words.stream().map(CliFormat::shellWord).collect(Collectors.joining(" "))
        + (root.apiKey != null ? " (and your --api-key)" : "");
  }

  /**
   * The wait options to repeat in a resume command: {@code --output} if given. Not {@code
   * --timeout}: the one given has just run out, and repeating it would only time out again.
   */
  static List<String> resumeOptions(CommandSpec spec, Path output) {
    return spec.commandLine().getParseResult().hasMatchedOption("--output")
        ? List.of("--output", output.toString())
        : List.of();
  }
}
