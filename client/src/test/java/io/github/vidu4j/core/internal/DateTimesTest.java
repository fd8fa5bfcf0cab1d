package io.github.vidu4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written date path gives what the JDK's formatters give, for every text. */
class DateTimesTest {
  @Test
  void readsTheUsualFormsByHand() {
    assertThat(DateTimes.parseUsual("2025-08-07T09:53:22.083033428Z"))
        .isEqualTo(OffsetDateTime.of(2025, 8, 7, 9, 53, 22, 83_033_428, ZoneOffset.UTC));
    assertThat(DateTimes.parseUsual("2025-01-01T15:41:31.968916+08:00"))
        .isEqualTo(OffsetDateTime.of(2025, 1, 1, 15, 41, 31, 968_916_000, ZoneOffset.ofHours(8)));
    assertThat(DateTimes.parseUsual("2025-08-07T09:53:22-05:30"))
        .isEqualTo(OffsetDateTime.of(2025, 8, 7, 9, 53, 22, 0, ZoneOffset.ofHoursMinutes(-5, -30)));
  }

  @Test
  void leavesOtherFormsToTheFormatters() {
    assertThat(DateTimes.parseUsual("2025-08-07T09:53:22")).isNull();
    assertThat(DateTimes.parse("2025-08-07T09:53:22"))
        .isEqualTo(OffsetDateTime.of(2025, 8, 7, 9, 53, 22, 0, ZoneOffset.UTC));
    assertThat(DateTimes.parseUsual("2025-02-30T09:53:22Z")).isNull();
    assertThat(DateTimes.parse("2025-02-30T09:53:22Z")).isNull();
    assertThat(DateTimes.parseUsual("2025-08-07t09:53:22z")).isNull();
    assertThat(DateTimes.parse("2025-08-07t09:53:22z"))
        .isEqualTo(DateTimes.parseWithFormatters("2025-08-07t09:53:22z"));
    assertThat(DateTimes.parse("yesterday")).isNull();
  }

  @Property(tries = 3000)
  void sameValueAsTheFormatters(@ForAll("dateTexts") String text) {
    assertThat(DateTimes.parse(text)).isEqualTo(DateTimes.parseWithFormatters(text));
  }

  @Provide
  Arbitrary<String> dateTexts() {
    Arbitrary<String> year = Arbitraries.integers().between(0, 9999).map(y -> pad(y, 4));
    Arbitrary<String> twoDigits = Arbitraries.integers().between(0, 99).map(v -> pad(v, 2));
    Arbitrary<String> month = Arbitraries.integers().between(0, 13).map(v -> pad(v, 2));
    Arbitrary<String> day = Arbitraries.integers().between(0, 32).map(v -> pad(v, 2));
    Arbitrary<String> hour = Arbitraries.integers().between(0, 25).map(v -> pad(v, 2));
    Arbitrary<String> minute = Arbitraries.integers().between(0, 61).map(v -> pad(v, 2));
    Arbitrary<String> fraction =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.just("."),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(11).map(f -> "." + f));
    Arbitrary<String> offset =
        Arbitraries.oneOf(
            Arbitraries.of("Z", "z", "", "+00:00", "-00:00", "+18:00", "-18:00", "+18:01", "+0800"),
            Combinators.combine(Arbitraries.of("+", "-"), hour, minute)
                .as((sign, h, m) -> sign + h + ":" + m));
    Arbitrary<String> usual =
        Combinators.combine(year, month, day, hour, minute, twoDigits, fraction, offset)
            .as(
                (y, mo, d, h, mi, s, f, o) ->
                    y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + f + o);
    Arbitrary<String> mutated =
        Combinators.combine(usual, Arbitraries.integers().between(0, 40), Arbitraries.chars())
            .as(
                (text, at, c) ->
                    at < text.length()
                        ? text.substring(0, at) + c + text.substring(at + 1)
                        : text + c);
    return Arbitraries.oneOf(usual, usual, mutated);
  }

  private static String pad(int value, int width) {
    return String.format("%0" + width + "d", value);
  }
}
