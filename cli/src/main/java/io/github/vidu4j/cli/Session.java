package io.github.vidu4j.cli;

import io.github.vidu4j.ViduClient;
import org.jspecify.annotations.Nullable;

/** A client for one command, and the sandbox behind it when {@code --sandbox} was given. */
final class Session implements AutoCloseable {
  final ViduClient client;
  private final @Nullable AutoCloseable sandbox;

  Session(ViduClient client, @Nullable AutoCloseable sandbox) {
    this.client = client;
    this.sandbox = sandbox;
  }

  static Session withSandbox(ViduClient.Builder builder, @Nullable String key, ViduCli cli) {
    throw new ViduCli.UsageException("the sandbox is not part of this build yet");
  }

  @Override
  public void close() throws Exception {
    client.close();
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
