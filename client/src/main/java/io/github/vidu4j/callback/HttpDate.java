package io.github.vidu4j.callback;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the {@code Date} header. Vidu sends the fixed form {@code Sun, 06 Nov 1994 08:49:37 GMT}
 * (RFC 7231 IMF-fixdate), which is read by hand here: the JDK's RFC 1123 parser takes about 3 µs,
 * as long as the whole rest of a verification. Anything else (one-digit day, numeric offset, no
 * seconds, no weekday) goes to that parser, so exactly the same texts are accepted.
 */
final class HttpDate {
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);
  private static final String DAYS = "MonTueWedThuFriSatSun";
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private HttpDate() {}

  /**
   * The instant {@code text} names.
   *
   * @throws DateTimeParseException if it is no RFC 1123 date
   */
  static Instant parse(String text) {
    Instant fixed = parseFixdate(text);
    return fixed != null ? fixed : ZonedDateTime.parse(text, RFC_1123).toInstant();
  }

  /**
   * The IMF-fixdate reading, or null when {@code text} is not exactly that form with valid fields.
   */
  private static Instant parseFixdate(String t) {
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    if (t.length() != 29
        || t.charAt(3) != ','
        || t.charAt(4) != ' '
        || t.charAt(7) != ' '
        || t.charAt(11) != ' '
        || t.charAt(16) != ' '
        || t.charAt(19) != ':'
        || t.charAt(22) != ':'
        || t.charAt(25) != ' '
        || !t.endsWith("GMT")) {
      return null;
    }
    int day = digits(t, 5, 2);
    int year = digits(t, 12, 4);
    int hour = digits(t, 17, 2);
    int minute = digits(t, 20, 2);
    int second = digits(t, 23, 2);
    int month = index(MONTHS, t, 8);
    int weekday = index(DAYS, t, 0);
    if (day < 0
        || year < 0
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || month < 0
        || weekday < 0) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.of(year, month + 1, day);
    } catch (DateTimeException invalid) {
      return null; // the parser decides, and words its refusal
    }
    if (date.getDayOfWeek() != DayOfWeek.of(weekday + 1)) {
      return null;
    }
    return Instant.ofEpochSecond(
        date.toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second);
  }

  private static int digits(String t, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * Which three-letter name of {@code names} starts {@code t} at {@code from}, case as written; -1
   * if none.
   */
  private static int index(String names, String t, int from) {
    for (int i = 0; i < names.length(); i += 3) {
      if (names.regionMatches(i, t, from, 3)) {
        return i / 3;
      }
    }
    return -1;
  }
}
