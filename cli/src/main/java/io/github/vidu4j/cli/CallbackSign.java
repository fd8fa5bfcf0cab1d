package io.github.vidu4j.cli;

import io.github.vidu4j.callback.CallbackSigner;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vidu callback sign}. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = "Print the six headers Vidu would send, for testing a receiver.")
final class CallbackSign implements Callable<Integer> {
  @ParentCommand CallbackCommand callback;

  @Option(
      names = "--secret",
      required = true,
      paramLabel = "S",
      description = "The API key that created the task. Never printed.")
  String secret;

  @Option(
      names = "--url",
      required = true,
      paramLabel = "CALLBACK_URL",
      description = "The callback_url.")
  String url;

  @Option(
      names = "--date",
      paramLabel = "D",
      description =
          "RFC 1123 (\"Tue, 06 May 2025 12:09:42 GMT\") or ISO-8601 instant. Default: now.")
  @Nullable String date;

  @Option(names = "--nonce", paramLabel = "N", description = "Default: a random UUID.")
  @Nullable String nonce;

  @Override
  public Integer call() {
    ViduCli root = callback.root;
    CallbackCommand.requireCallbackUrl(url);
    Instant at = date == null ? Instant.now() : CallbackCommand.parseDate(date, "--date");
    Map<String, String> signed =
        CallbackSigner.withSecret(secret)
            .sign("POST", url, at, nonce == null ? UUID.randomUUID().toString() : nonce);
    if (root.json) {
      com.google.gson.JsonObject json = new com.google.gson.JsonObject();
      signed.forEach(json::addProperty);
      root.out.println(json);
    } else {
      signed.forEach((name, value) -> root.out.println(name + ": " + value));
    }
    return ExitCode.OK;
  }
}
