package io.github.vidu4j.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The hand-written IMF-fixdate path gives what the JDK's RFC 1123 formatter gives, for every text.
 */
class HttpDatesTest {
  private static final DateTimeFormatter IMF =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  @Test
  void readsImfFixdateByHand() {
    assertThat(HttpDates.parseImfFixdate("Sun, 06 Nov 1994 08:49:37 GMT"))
        .isEqualTo(Instant.parse("1994-11-06T08:49:37Z"));
  }

  @Test
  void leavesOtherFormsToTheFormatter() {
    assertThat(HttpDates.parseImfFixdate("Mon, 06 Nov 1994 08:49:37 GMT")).isNull(); // weekday
    assertThat(HttpDates.parseImfFixdate("Sun, 6 Nov 1994 08:49:37 GMT")).isNull();
    assertThat(HttpDates.parseImfFixdate("sun, 06 nov 1994 08:49:37 GMT")).isNull();
    assertThat(HttpDates.parse("Sun, 6 Nov 1994 08:49:37 GMT"))
        .isEqualTo(Instant.parse("1994-11-06T08:49:37Z"));
    assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 +0100"))
        .isEqualTo(Instant.parse("1994-11-06T07:49:37Z"));
  }

  @Property(tries = 3000)
  void sameInstantAsTheFormatter(@ForAll("dates") String text) {
    assertThat(outcome(() -> HttpDates.parse(text)))
        .isEqualTo(outcome(() -> HttpDates.parseWithFormatter(text)));
  }

  /** The instant, or the exception's class: both ways must fail alike too. */
  private static Object outcome(java.util.function.Supplier<Instant> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  @Provide
  Arbitrary<String> dates() {
    Arbitrary<String> valid =
        Arbitraries.longs()
            .between(-2_000_000_000_000L, 250_000_000_000L)
            .map(seconds -> IMF.format(Instant.ofEpochSecond(seconds)));
    Arbitrary<String> fields =
        Combinators.combine(
                Arbitraries.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "sun", "Xyz"),
                Arbitraries.integers().between(0, 32),
                Arbitraries.of("Jan", "Feb", "Mar", "Apr", "Nov", "Dec", "nov", "Foo"),
                Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 25),
                Arbitraries.integers().between(0, 61),
                Arbitraries.of("GMT", "UTC", "+0000", "Z", "gmt"))
            .as(
                (w, d, m, y, h, mi, zone) ->
                    String.format(
                        "%s, %02d %s %04d %02d:%02d:%02d %s", w, d, m, y, h, mi, mi, zone));
    Arbitrary<String> mutated =
        Combinators.combine(valid, Arbitraries.integers().between(0, 30), Arbitraries.chars())
            .as(
                (text, at, c) ->
                    at < text.length()
                        ? text.substring(0, at) + c + text.substring(at + 1)
                        : text + c);
    return Arbitraries.oneOf(valid, fields, mutated);
  }
}
