package io.github.vidu4j.cli;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.io.PrintWriter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A client for one command, and the sandbox behind it when {@code --sandbox} was given. */
final class Session implements AutoCloseable {
  /**
   * How long closing waits for the sandbox's callbacks still on their way (a task's final one is
   * queued the moment the task ends, which is when a wait returns): bounded, so a receiver that
   * never answers cannot hold the command, yet long enough for one slow delivery and a retry.
   */
  static final Duration CALLBACK_DRAIN = Duration.ofSeconds(10);

  final ViduClient client;
  private final @Nullable ViduSandbox sandbox;
  private final @Nullable PrintWriter err;

  Session(ViduClient client, @Nullable ViduSandbox sandbox) {
    this(client, sandbox, null);
  }

  private Session(ViduClient client, @Nullable ViduSandbox sandbox, @Nullable PrintWriter err) {
    this.client = client;
    this.sandbox = sandbox;
    this.err = err;
  }

  /**
   * Starts an in-process sandbox that accepts {@code key} (or its demo key when none is given) and
   * signs each task's callbacks with it, and a client pointed at it. Demo timings: tasks take a few
   * seconds, as real ones do.
   */
  static Session withSandbox(ViduClient.Builder builder, @Nullable String key, ViduCli cli) {
    String acceptedKey = key == null || key.isBlank() ? SandboxOptions.DEMO_KEY : key.trim();
    ViduSandbox sandbox =
        ViduSandbox.start(SandboxOptions.defaults().toBuilder().apiKey(acceptedKey).build());
    try {
      ViduClient client = builder.baseUrl(sandbox.baseUrl()).apiKey(acceptedKey).build();
      cli.err.println(
          "sandbox: a local Vidu emulator at "
              + sandbox.baseUrl()
              + "; nothing leaves this machine");
      return new Session(client, sandbox, cli.err);
    } catch (RuntimeException | Error e) {
      // Nobody else holds the sandbox yet: its port and threads would outlive the failed command.
      sandbox.close();
      throw e;
    }
  }

  @Override
  public void close() {
    client.close();
    if (sandbox != null) {
      if (!sandbox.awaitCallbacks(CALLBACK_DRAIN) && err != null) {
        err.println(
            "sandbox: callbacks not delivered within "
                + CliFormat.duration(CALLBACK_DRAIN)
                + " are dropped as the sandbox stops");
      }
      sandbox.close();
    }
  }
}
