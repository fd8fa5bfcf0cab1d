package io.github.vidu4j.cli;

import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vidu sandbox serve}. */
@Command(
    name = "sandbox",
    description = "Run a local Vidu emulator.",
    mixinStandardHelpOptions = true,
    subcommands = SandboxCommand.Serve.class)
final class SandboxCommand {
  @ParentCommand ViduCli root;

  /** {@code vidu sandbox serve}. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = {
        "Serve a local Vidu on 127.0.0.1 until Ctrl-C: the task lifecycle, PNG results, signed callbacks.",
        "It accepts --api-key/VIDU_API_KEY if given, else a demo key, which it prints."
      })
  static final class Serve implements Callable<Integer> {
    @ParentCommand SandboxCommand sandbox;

    @Option(
        names = "--port",
        paramLabel = "P",
        defaultValue = "0",
        description = "Port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
        names = "--processing-time",
        paramLabel = "D",
        defaultValue = "3s",
        description = "How long each task processes. Default: ${DEFAULT-VALUE}.")
    Duration processingTime;

    @Option(
        names = "--duration",
        paramLabel = "D",
        description = "Stop after this long. Default: run until Ctrl-C.")
    @Nullable Duration duration;

    @Option(
        names = "--concurrency-limit",
        paramLabel = "N",
        description =
            "Tasks processing at once, reported as concurrency_limit by 'vidu credits'. Default: Vidu's default.")
    @Nullable Integer concurrencyLimit;

    @Option(
        names = "--accept-field",
        paramLabel = "NAME",
        description =
            "A request field the spec does not know that create accepts and echoes (as Vidu may); others are refused with FieldUnwanted. Repeatable.")
    java.util.List<String> acceptedFields = new java.util.ArrayList<>();

    @Option(
        names = "--unlisted-state",
        paramLabel = "STATE",
        description =
            "Every task answers its first poll with this state, one the spec does not list (Vidu has an internal 'scheduled'), to test that clients survive it.")
    @Nullable String unlistedState;

    @Option(
        names = "--fail-tasks",
        paramLabel = "ERR_CODE",
        description =
            "Every task ends failed with this err_code (credits refunded), so that a script's failure path (exit 4) can be tried:"
                + " --fail-tasks CreationPolicyViolation.")
    @Nullable String failTasks;

    @Option(
        names = "--extra-field",
        paramLabel = "NAME=JSON",
        description =
            "A field the spec does not know, added to every JSON object the sandbox answers (nested ones too), as Vidu may add fields: to test that clients keep working. Repeatable.")
    java.util.List<String> extraFields = new java.util.ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
      ViduCli root = sandbox.root;
      ViduCli.requirePort(port);
      String key = root.apiKey != null ? root.apiKey : root.environment.get("VIDU_API_KEY");
      SandboxOptions.Builder options =
          SandboxOptions.defaults().toBuilder().port(port).processingTime(processingTime);
      if (concurrencyLimit != null) {
        if (concurrencyLimit < 1) {
          throw new ViduCli.UsageException(
              "--concurrency-limit must be at least 1, got " + concurrencyLimit);
        }
        options.concurrencyLimit(concurrencyLimit);
      }
      acceptedFields.forEach(options::acceptRequestField);
      try {
        options.failTasks(failTasks);
      } catch (IllegalArgumentException e) {
        throw new ViduCli.UsageException("--fail-tasks: " + e.getMessage());
      }
      for (String field : extraFields) {
        int eq = field.indexOf('=');
        try {
          if (eq < 1) {
            throw new IllegalArgumentException("needs NAME=JSON, got '" + field + "'");
          }
          options.extraField(field.substring(0, eq), field.substring(eq + 1));
        } catch (IllegalArgumentException e) {
          throw new ViduCli.UsageException("--extra-field " + e.getMessage());
        }
      }
      boolean ownKey = key != null && !key.isBlank();
      if (ownKey) {
        options.apiKey(key.trim());
      }
      CountDownLatch stopped = new CountDownLatch(1);
      ViduSandbox running;
      try {
        running = ViduSandbox.start(options.build());
      } catch (java.io.UncheckedIOException e) {
        throw ViduCli.cannotListen("127.0.0.1", port, e);
      }
      if (unlistedState != null) {
        try {
          running.faults().unlistedStateOnFirstPoll(unlistedState);
        } catch (IllegalArgumentException e) {
          running.close();
          throw new ViduCli.UsageException("--unlisted-state " + e.getMessage());
        }
      }
      // Ctrl-C ends the wait below; the finally block stops the sandbox in both ways out.
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      try {
        // With --json, one document on stdout (where it listens; the demo key, if it is the one),
        // and the lines for people on stderr.
        java.io.PrintWriter info = root.json ? root.err : root.out;
        if (root.json) {
          com.google.gson.JsonObject listening = new com.google.gson.JsonObject();
          listening.addProperty("base_url", running.origin());
          if (!ownKey) {
            listening.addProperty("demo_api_key", running.demoKey());
          }
          root.out.println(listening);
        }
        info.println("Vidu sandbox listening on " + running.origin());
        info.println(
            ownKey
                ? "API key: the one you gave (--api-key or VIDU_API_KEY)"
                : "Demo API key: " + running.demoKey());
        info.println(
            "Use it: export VIDU_BASE_URL="
                + running.origin()
                + (ownKey ? "" : " VIDU_API_KEY=" + running.demoKey()));
        info.println(
            duration == null
                ? "Press Ctrl-C to stop."
                : "Stopping after " + CliFormat.duration(duration) + ".");
        if (duration == null) {
          stopped.await();
        } else {
          stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
      } finally {
        running.close();
      }
      return ExitCode.OK;
    }
  }
}
