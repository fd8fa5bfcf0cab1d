package io.github.vidu4j.cli;

import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.core.InvalidSettingException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --secret}, {@code --url} and {@code --max-age}: a picocli mixin of the commands that
 * verify callbacks ({@code callback verify}, {@code callback listen}).
 */
final class VerifierOptions {
  @Option(
      names = "--secret",
      required = true,
      paramLabel = "S",
      description =
          "The API key that created the task(s). Repeatable (key rotation). Never printed.")
  List<String> secrets = new ArrayList<>();

  @Option(
      names = "--url",
      required = true,
      paramLabel = "CALLBACK_URL",
      description =
          "The callback_url as registered with the task(s) (behind a proxy it differs from the address the request reached).")
  String url;

  @Option(
      names = "--max-age",
      paramLabel = "D",
      defaultValue = "5m",
      description = "How old the Date header may be. Default: ${DEFAULT-VALUE}.")
  Duration maxAge;

  /**
   * The verifier for these options, or a usage error naming the option: the builder's own messages
   * name its parameters (maxAge), not the options the user typed. The URL is registered so that one
   * the verifier cannot parse fails here, not on the first callback.
   */
  CallbackVerifier verifier(Clock clock) {
    CallbackVerifier.Builder builder = CallbackVerifier.builder().clock(clock);
    try {
      builder.maxAge(maxAge);
    } catch (InvalidSettingException e) {
      throw new ViduCli.UsageException(
          "--max-age must be at most "
              + CliFormat.duration(CallbackVerifier.MAX_WINDOW)
              + ", got "
              + CliFormat.duration(maxAge));
    }
    try {
      builder.secrets(secrets);
    } catch (InvalidSettingException e) {
      throw new ViduCli.UsageException(
          "--secret must not be empty: give the API key that created the task");
    }
    try {
      builder.callbackUrl(url);
    } catch (InvalidSettingException e) {
      throw new ViduCli.UsageException("--url " + e.problem());
    }
    return builder.build();
  }
}
