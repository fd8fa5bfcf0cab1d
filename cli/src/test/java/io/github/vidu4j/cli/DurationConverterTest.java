package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationConverterTest {
  @ParameterizedTest
  @CsvSource({
    "90s, PT1M30S",
    "5m, PT5M",
    "1h, PT1H",
    "1h30m, PT1H30M",
    "500ms, PT0.5S",
    "PT90S, PT1M30S",
    "pt2m, PT2M",
    "2M, PT2M"
  })
  void readsDurationsAsPeopleWriteThem(String text, String iso) throws Exception {
    assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "5", "-5m", "5 parsecs", "m5"})
  void refusesTheRestNamingTheForms(String text) {
    assertThatThrownBy(() -> new DurationConverter().convert(text)).hasMessageContaining("90s");
  }
}
