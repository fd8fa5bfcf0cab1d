package io.github.vidu4j.callback;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Date} header: IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}, what Vidu and every
 * current sender writes) read by hand, the other RFC 1123 forms by the JDK's formatter, whose
 * general parser cost as much as the HMAC. Both ways give the same instant for every text.
 */
final class HttpDates {
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private HttpDates() {}

  /**
   * {@code text} as an instant.
   *
   * @throws java.time.format.DateTimeParseException if it is no RFC 1123 date
   */
  static Instant parse(String text) {
    Instant usual = parseImfFixdate(text);
    return usual != null ? usual : parseWithFormatter(text);
  }

  static Instant parseWithFormatter(String text) {
    return ZonedDateTime.parse(text, RFC_1123).toInstant();
  }

  /**
   * Exactly {@code Www, DD Mmm YYYY HH:MM:SS GMT} with a valid date, time and matching weekday;
   * {@code null} for anything else, left to the formatter.
   */
  static @Nullable Instant parseImfFixdate(String s) {
    if (s.length() != 29
        || s.charAt(3) != ','
        || s.charAt(4) != ' '
        || s.charAt(7) != ' '
        || s.charAt(11) != ' '
        || s.charAt(16) != ' '
        || s.charAt(19) != ':'
        || s.charAt(22) != ':'
        || s.charAt(25) != ' '
        || !s.startsWith("GMT", 26)) {
      return null;
    }
    int weekday = indexAt(DAYS, s, 0);
    int month = indexAt(MONTHS, s, 8);
    int day = digits(s, 5, 2);
    int year = digits(s, 12, 4);
    int hour = digits(s, 17, 2);
    int minute = digits(s, 20, 2);
    int second = digits(s, 23, 2);
    if ((weekday | month | day | year | hour | minute | second) < 0) {
      return null;
    }
    try {
      LocalDate date = LocalDate.of(year, month + 1, day);
      if (date.getDayOfWeek().getValue() != weekday + 1) {
        return null;
      }
      return LocalDateTime.of(date, LocalTime.of(hour, minute, second)).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  /** Which of {@code names} (three letters, exact case) stands at {@code at}, or -1. */
  private static int indexAt(String[] names, String s, int at) {
    for (int i = 0; i < names.length; i++) {
      if (s.startsWith(names[i], at)) {
        return i;
      }
    }
    return -1;
  }

  /** The {@code count} digits at {@code from} as a number, or -1 if one is not an ASCII digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
