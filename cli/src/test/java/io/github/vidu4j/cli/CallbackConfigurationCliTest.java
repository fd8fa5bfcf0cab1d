package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A verifier the client refuses to build ({@code InvalidSettingException}) is the user's input
 * error: exit 2, the option named, no stack-trace hint, and {@code listen} never starts.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CallbackConfigurationCliTest {
  private static final String SECRET = "vda_cli_config_secret_91c2";
  private static final String URL = "https://hooks.example.com/vidu/callback";

  private static CliRun run(String command, String... options) {
    List<String> args =
        new java.util.ArrayList<>(List.of("callback", command, "--secret", SECRET, "--url", URL));
    if (command.equals("listen")) {
      args.addAll(List.of("--port", "0", "--count", "1"));
    }
    args.addAll(List.of(options));
    return CliRun.of(Map.of(), args.toArray(String[]::new));
  }

  @Test
  void aMaxAgeAboveTheVerifiersLimitIsAnInputError() {
    for (String command : List.of("verify", "listen")) {
      CliRun run = run(command, "--max-age", "25h");
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(run.err())
          .as(command)
          .contains("--max-age must be at most 24h, got 25h")
          .doesNotContain("maxAge")
          .doesNotContain("Exception")
          .doesNotContain("--verbose")
          .doesNotContain("listening on");
      assertThat(run.all()).doesNotContain(SECRET);
    }
    CliRun day = run("verify", "--max-age", "24h", "--header", "Date: x");
    assertThat(day.exitCode())
        .as("24h is allowed; the callback itself is then refused: " + day)
        .isEqualTo(ExitCode.CALLBACK_REJECTED);
  }

  @Test
  void anEmptySecretIsAnInputError() {
    for (String command : List.of("verify", "listen")) {
      List<String> args =
          new java.util.ArrayList<>(List.of("callback", command, "--secret", "", "--url", URL));
      if (command.equals("listen")) {
        args.addAll(List.of("--port", "0", "--count", "1"));
      }
      CliRun run = CliRun.of(Map.of(), args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(run.err())
          .as(command)
          .contains("--secret must not be empty")
          .doesNotContain("--verbose");
    }
  }

  @Test
  void aUrlThatIsNoUriIsAnInputErrorAlsoInJson() {
    CliRun run =
        CliRun.of(
            Map.of(),
            "--json",
            "callback",
            "verify",
            "--secret",
            SECRET,
            "--url",
            "https://hooks.example.com/a b?token=t0p");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("--url");
    assertThat(
            com.google.gson.JsonParser.parseString(run.out().trim())
                .getAsJsonObject()
                .getAsJsonObject("error")
                .get("type")
                .getAsString())
        .isEqualTo("invalid_input");
  }

  @Test
  void aConfigurationFailureFromTheClientMapsToExit2() {
    assertThat(
            Failure.exitCode(
                new io.github.vidu4j.core.InvalidSettingException("maxAge", "must be at most 24h")))
        .isEqualTo(ExitCode.INVALID_INPUT);
  }
}
