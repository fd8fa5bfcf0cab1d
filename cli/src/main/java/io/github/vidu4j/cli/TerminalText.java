package io.github.vidu4j.cli;

/**
 * The one sanitiser for text that reaches a terminal. A task id, a state, an {@code err_code}, an
 * error's reason, message or trace id, a prompt, a URL, a callback header: whatever a server or a
 * peer sent may hold escape sequences that set the window title, write the clipboard (OSC 52),
 * clear the screen or move the cursor up to overwrite earlier lines, or bidi overrides that make
 * text read backwards. Each such character is shown as an escape instead: {@code \x1b}, {@code
 * \x07}, {@code \u202e}, and {@code \n}, {@code \r}, {@code \t} by name.
 *
 * <p>Two layers use it. Every value from a server or peer goes through {@link #escape} where it is
 * printed, which escapes line breaks and tabs too, so a value cannot start a line of its own. And
 * the CLI's stdout and stderr are {@link TerminalWriter}s that apply the same rule to everything
 * else printed, line breaks and tabs excepted, so a path missed above still cannot drive the
 * terminal.
 */
final class TerminalText {
  private TerminalText() {}

  /** {@code value} (or {@code "null"}) with every character {@link #unsafe} escaped. */
  static String escape(@org.jspecify.annotations.Nullable Object value) {
    String text = String.valueOf(value);
    int first = 0;
    while (first < text.length() && !unsafe(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsafe(c)) {
        appendEscaped(escaped, c);
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /**
   * A character a terminal acts on instead of showing: C0 controls (line breaks and tabs included),
   * DEL, C1 controls (8-bit CSI and OSC among them), the bidi embeddings, overrides, isolates and
   * marks, and the Unicode line and paragraph separators.
   */
  static boolean unsafe(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x061c
        || c == 0x200e
        || c == 0x200f
        || (c >= 0x2028 && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /** {@code c} as text: {@code \n}, {@code \r}, {@code \t}, {@code \x1b}, or {@code \u202e}. */
  static void appendEscaped(StringBuilder to, char c) {
    switch (c) {
      case '\n' -> to.append("\\n");
      case '\r' -> to.append("\\r");
      case '\t' -> to.append("\\t");
      default -> {
        String hex = Integer.toHexString(c);
        if (c <= 0xff) {
          to.append("\\x").append(hex.length() == 1 ? "0" : "").append(hex);
        } else {
          to.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
        }
      }
    }
  }

  /**
   * {@code c} as a JSON string escape ({@code \u001b}): on {@code --json}'s stdout an unsafe
   * character stays the same JSON value, so the JSON is as exact as before and still parses.
   */
  static void appendJsonEscaped(StringBuilder to, char c) {
    String hex = Integer.toHexString(c);
    to.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
  }
}
