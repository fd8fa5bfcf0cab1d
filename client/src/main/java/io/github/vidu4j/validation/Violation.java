package io.github.vidu4j.validation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One broken rule: a stable {@link Code}, the field (JSON name, with an index for list items, for
 * example {@code images[2]}), the offending value (shortened for display) and the rule it breaks.
 * Listed by {@link ViduValidationException#violations()}, for programs (the CLI, the batch engine,
 * a form) that report each problem at its field.
 */
public final class Violation implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_CHARS = 60;

  /**
   * Which rule is broken, stable across releases (the wording of {@link #rule()} may change, the
   * codes do not), so that a program or a script can act on it.
   */
  public enum Code {
    /** No model given. */
    MODEL_REQUIRED,
    /**
     * A model this release does not know (see {@link RequestValidator#allowingUnknownModels()}).
     */
    MODEL_UNKNOWN,
    /** No prompt given. */
    PROMPT_REQUIRED,
    /** A prompt with no visible character. */
    PROMPT_BLANK,
    /** A prompt longer than the spec allows. */
    PROMPT_LENGTH,
    /** Too few or too many images for the model. */
    IMAGE_COUNT,
    /** An image that is no absolute http(s) URL and no data URI. */
    IMAGE_URL,
    /** A malformed data URI: its header or its base64. */
    IMAGE_DATA_URI,
    /** Not a format the spec accepts, or not what its data URI or content type says. */
    IMAGE_FORMAT,
    /** An image over the spec's size limit, or too big to fit the request limit. */
    IMAGE_BYTES,
    /** An image under the spec's minimum size or more elongated than its aspect limit. */
    IMAGE_DIMENSIONS,
    /** A local image file that is missing or cannot be read. */
    IMAGE_FILE,
    /** An aspect ratio the model does not support. */
    ASPECT_RATIO,
    /** A resolution the model does not support. */
    RESOLUTION,
    /** A payload longer than the spec allows. */
    PAYLOAD_LENGTH,
    /** A callback URL that is no absolute http(s) URL. */
    CALLBACK_URL,
    /** A JSON body over the spec's request limit. */
    BODY_SIZE,
    /**
     * An extra body field ({@code RequestOptions.withExtraField}, {@code withExtraJson}) that is
     * malformed or names a field the spec has.
     */
    EXTRA_FIELD,
    /** A field the operation's request schema does not have (send it as an extra field). */
    FIELD_UNKNOWN,
    /** A value of the wrong JSON type for its field. */
    FIELD_TYPE,
    /** A number outside its field's range, or a string or list of the wrong length. */
    FIELD_RANGE,
    /** A duration the model does not take. */
    DURATION,
    /** Two images whose sizes are too far apart (start and end frames). */
    IMAGE_PAIR,
  }

  private final Code code;
  private final String field;
  private final String value;
  private final String rule;
  private final String message;

  /**
   * A violation whose message reads {@code field: rule, got value}.
   *
   * @param code the rule's stable code
   * @param field the JSON name of the field
   * @param value the offending value (shortened for display)
   * @param rule the rule it breaks, in words
   */
  public Violation(Code code, String field, Object value, String rule) {
    this(code, field, shorten(String.valueOf(value)), rule, null);
  }

  private Violation(Code code, String field, String value, String rule, @Nullable String message) {
    this.code = code;
    this.field = field;
    this.value = value;
    this.rule = rule;
    this.message = message != null ? message : field + ": " + rule + ", got " + value;
  }

  /** A violation whose {@code statement} already names the value: {@code field: statement}. */
  static Violation stated(Code code, String field, Object value, String statement) {
    return new Violation(
        code, field, shorten(String.valueOf(value)), statement, field + ": " + statement);
  }

  /**
   * The same violation for another field: for example {@code images[2]} for an image that was
   * checked on its own ({@link ImageInput#fromFile} names the field {@code images}).
   */
  public Violation atField(String otherField) {
    Objects.requireNonNull(otherField, "otherField == null");
    String renamed =
        message.startsWith(field + ": ") ? otherField + message.substring(field.length()) : message;
    return new Violation(code, otherField, value, rule, renamed);
  }

  /** The rule's stable code, for example {@link Code#IMAGE_COUNT}. */
  public Code code() {
    return code;
  }

  /** The field, by its JSON name: {@code prompt}, {@code images}, {@code images[0]}. */
  public String field() {
    return field;
  }

  /**
   * The offending value as text, at most about 60 characters (data URIs show their start and
   * length).
   */
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
    return o instanceof Violation v
        && v.code == code
        && v.field.equals(field)
        && v.value.equals(value)
        && v.rule.equals(rule);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, field, value, rule);
  }

  static String shorten(String text) {
    if (text.length() <= MAX_VALUE_CHARS) {
      return text;
    }
    return text.substring(0, MAX_VALUE_CHARS - 20) + "... (" + text.length() + " chars)";
  }
}
