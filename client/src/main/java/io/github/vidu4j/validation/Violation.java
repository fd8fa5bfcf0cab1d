package io.github.vidu4j.validation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One broken rule: the field (JSON name, with an index for list items, for example {@code
 * images[2]}), the offending value (shortened for display) and the rule it breaks.
 */
public final class Violation {
  private static final int MAX_VALUE_CHARS = 60;

  private final String field;
  private final String value;
  private final String rule;
  private final String message;

  /**
   * A violation whose message reads {@code field: rule, got value}.
   *
   * @param field the JSON name of the field
   * @param value the offending value (shortened for display)
   * @param rule the rule it breaks, in words
   */
  public Violation(String field, Object value, String rule) {
    this(field, value, rule, null);
  }

  private Violation(String field, Object value, String rule, @Nullable String message) {
    this.field = field;
    this.value = shorten(String.valueOf(value));
    this.rule = rule;
    this.message = message != null ? message : field + ": " + rule + ", got " + this.value;
  }

  /** A violation whose {@code statement} already names the value: {@code field: statement}. */
  static Violation stated(String field, Object value, String statement) {
    return new Violation(field, value, statement, field + ": " + statement);
  }

  /** The field, by its JSON name: {@code prompt}, {@code images}, {@code images[0]}. */
  public String field() {
    return field;
  }

  /** The offending value as text, at most about 60 characters (data URIs show their start and length). */
  public String value() {
    return value;
  }

  /** The rule, in words, for example {@code viduq1 needs 1 to 7 images}. */
  public String rule() {
    return rule;
  }

  /** The message, for example {@code images: viduq1 needs 1 to 7 images, got 0}. */
  @Override
  public String toString() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Violation v && v.field.equals(field) && v.value.equals(value) && v.rule.equals(rule);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, value, rule);
  }

  static String shorten(String text) {
    if (text.length() <= MAX_VALUE_CHARS) {
      return text;
    }
    return text.substring(0, MAX_VALUE_CHARS - 20) + "... (" + text.length() + " chars)";
  }
}
