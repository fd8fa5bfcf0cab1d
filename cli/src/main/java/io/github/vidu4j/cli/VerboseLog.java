package io.github.vidu4j.cli;

import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * {@code --verbose}: the client's events ({@code ViduClient.Builder.logEvents}: retries, task
 * states, downloads) as {@code [event]} lines on stderr, every level; {@link HttpTrace} prints the
 * HTTP requests. The client's lines never hold the key, a header or a URL's query values.
 */
final class VerboseLog implements System.Logger {
  private final PrintWriter err;

  VerboseLog(PrintWriter err) {
    this.err = err;
  }

  @Override
  public String getName() {
    return "vidu4j";
  }

  @Override
  public boolean isLoggable(Level level) {
    return level != Level.OFF;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    err.println(
        "[event] "
            + TerminalText.escape(message)
            + (thrown == null ? "" : ": " + TerminalText.escape(thrown)));
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    err.println(
        "[event] "
            + TerminalText.escape(
                params == null || params.length == 0
                    ? format
                    : MessageFormat.format(format, params)));
  }

  @Override
  public void log(Level level, Supplier<String> message) {
    err.println("[event] " + TerminalText.escape(message.get()));
  }
}
