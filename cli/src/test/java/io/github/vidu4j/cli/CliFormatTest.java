package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliFormatTest {
  @ParameterizedTest
  @CsvSource({
    "PT0S, 0s",
    "PT0.5S, 500ms",
    "PT45S, 45s",
    "PT5M, 5m",
    "PT2M5S, 2m05s",
    "PT1H, 1h",
    "PT1H2M, 1h02m",
    "PT1H0M5S, 1h05s",
    "PT1M0.7S, 1m"
  })
  void durationsReadAsTheyAreWrittenOnTheCommandLine(String iso, String text) {
    assertThat(CliFormat.duration(Duration.parse(iso))).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"PT5M, 5m", "PT0.5S, 500ms", "PT1M0.25S, 1m250ms", "PT1H30M, 1h30m", "PT90S, 1m30s"})
  void exactDurationsParseBackToTheSameValue(String iso, String text) {
    Duration d = Duration.parse(iso);
    assertThat(CliFormat.exactDuration(d)).isEqualTo(text);
    assertThat(DurationConverter.parse(text)).isEqualTo(d);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "out/|out/",
        "http://127.0.0.1:8089/|http://127.0.0.1:8089/",
        "my dir|'my dir'",
        "it's|'it'\\''s'"
      })
  void shellWordsAreQuotedOnlyWhenNeeded(String word, String quoted) {
    assertThat(CliFormat.shellWord(word)).isEqualTo(quoted);
  }
}
