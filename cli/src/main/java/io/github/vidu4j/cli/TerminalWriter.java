package io.github.vidu4j.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.function.BooleanSupplier;

/**
 * The last layer of {@link TerminalText}: everything the CLI prints passes here, so no control
 * character from a server or peer reaches the terminal even where a print path forgot to escape it.
 * Line feeds and tabs pass (the CLI's own lines and columns); carriage returns only where a live
 * progress line may redraw itself; everything else {@link TerminalText#unsafe} is escaped, as
 * {@code \x1b} in text, as {@code \u001b} where stdout carries {@code --json} (the same JSON value,
 * so the JSON stays exact and valid).
 */
final class TerminalWriter extends Writer {
  private final Writer target;
  private final boolean carriageReturns;
  private final BooleanSupplier json;

  /**
   * @param carriageReturns whether {@code \r} passes (stderr on a terminal, for live progress)
   * @param json asked on each write: whether the text is {@code --json} output (known only once the
   *     command line is parsed)
   */
  TerminalWriter(Writer target, boolean carriageReturns, BooleanSupplier json) {
    super(target);
    this.target = target;
    this.carriageReturns = carriageReturns;
    this.json = json;
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    int end = offset + length;
    int clean = offset;
    while (clean < end && passes(buffer[clean])) {
      clean++;
    }
    if (clean == end) {
      target.write(buffer, offset, length);
      return;
    }
    boolean asJson = json.getAsBoolean();
    StringBuilder text = new StringBuilder(length + 16).append(buffer, offset, clean - offset);
    for (int i = clean; i < end; i++) {
      char c = buffer[i];
      if (passes(c)) {
        text.append(c);
      } else if (asJson) {
        TerminalText.appendJsonEscaped(text, c);
      } else {
        TerminalText.appendEscaped(text, c);
      }
    }
    target.write(text.toString());
  }

  private boolean passes(char c) {
    return !TerminalText.unsafe(c) || c == '\n' || c == '\t' || (c == '\r' && carriageReturns);
  }

  @Override
  public void flush() throws IOException {
    target.flush();
  }

  @Override
  public void close() throws IOException {
    target.close();
  }
}
