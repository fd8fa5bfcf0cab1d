package io.github.vidu4j.cli;

import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.core.ViduJson;
import java.time.Duration;
import java.util.regex.Pattern;

/** How the CLI writes durations, shell words and models. */
final class CliFormat {
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private CliFormat() {}

  /**
   * To the second, the way --timeout is written: {@code 45s}, {@code 5m}, {@code 2m05s}, {@code
   * 1h}, {@code 1h02m05s}; under a second, {@code 500ms}. Never Java's {@code PT5M}.
   */
  static String duration(Duration d) {
    if (!d.isNegative() && !d.isZero() && d.toSeconds() == 0) {
      return d.toMillis() + "ms";
    }
    return format(Math.max(0, d.toSeconds()), 0);
  }

  /** Like {@link #duration} but keeping milliseconds, to repeat a --timeout exactly. */
  static String exactDuration(Duration d) {
    return format(Math.max(0, d.toSeconds()), Math.max(0, d.toMillisPart()));
  }

  private static String format(long seconds, int millis) {
    StringBuilder text = new StringBuilder();
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    if (h > 0) {
      text.append(h).append('h');
    }
    if (m > 0) {
      text.append(h > 0 ? String.format("%02d", m) : Long.toString(m)).append('m');
    }
    if (s > 0 || (text.length() == 0 && millis == 0)) {
      text.append(text.length() > 0 ? String.format("%02d", s) : Long.toString(s)).append('s');
    }
    if (millis > 0) {
      text.append(millis).append("ms");
    }
    return text.toString();
  }

  /** {@code word} as a POSIX shell reads it back: as is if plain, else single-quoted. */
  static String shellWord(String word) {
    return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  /** The JSON the API sent for {@code model}, or the model written as JSON if it was built here. */
  static String json(Object model) {
    return RawJson.of(model).orElseGet(() -> ViduJson.write(model));
  }
}
