package io.github.vidu4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-read IMF-fixdate agrees with the JDK's RFC 1123 parser, and leaves every other form to
 * it.
 */
class HttpDateTest {
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

  @Test
  void agreesWithTheJdkParserOnVidusForm() {
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L)); // 1970 to 2100
      String text = CallbackSigner.HTTP_DATE.format(instant);
      assertThat(HttpDate.parse(text))
          .as(text)
          .isEqualTo(ZonedDateTime.parse(text, RFC_1123).toInstant())
          .isEqualTo(instant);
    }
  }

  @Test
  void otherFormsGoToTheJdkParser() {
    assertThat(HttpDate.parse("Tue, 1 Dec 2026 10:00:00 GMT"))
        .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(HttpDate.parse("Tue, 01 Dec 2026 11:00:00 +0100"))
        .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(HttpDate.parse("01 Dec 2026 10:00:00 GMT"))
        .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
  }

  @Test
  void refusesWhatTheJdkParserRefusesAndReadsEdgeCasesAsItDoes() {
    for (String text :
        new String[] {
          "Mon, 01 Dec 2026 10:00:00 GMT",
          "Tue, 31 Nov 2026 10:00:00 GMT",
          "Mon, 30 Nov 2026 24:00:00 GMT",
          "Tue, 01 Dez 2026 10:00:00 GMT",
          "Tue, 01 Dec 2026 10:00:00 XYZ",
          "Tue, 0a Dec 2026 10:00:00 GMT",
          "tue, 01 dec 2026 10:00:00 gmt",
          "Tue, 01 Dec 2026 10:00:60 GMT"
        }) {
      Instant jdk;
      try {
        jdk = ZonedDateTime.parse(text, RFC_1123).toInstant();
      } catch (DateTimeParseException e) {
        assertThatThrownBy(() -> HttpDate.parse(text))
            .as(text)
            .isInstanceOf(DateTimeParseException.class);
        continue;
      }
      assertThat(HttpDate.parse(text)).as(text).isEqualTo(jdk);
    }
    assertThatThrownBy(() -> HttpDate.parse("Mon, 01 Dec 2026 10:00:00 GMT"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
