package io.github.vidu4j.cli;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The library's own log records, kept off the CLI's stderr. Without a logging setup the JDK prints
 * them through {@code java.util.logging}'s console handler, with a timestamp and a class name
 * ({@code Dec 07, 2026 8:01:02 PM io.github.vidu4j.validation.RequestValidator checkAspectRatio
 * WARNING: ...}), which is not how a command talks. The CLI says what matters in its own words
 * ({@code warning: ...}) and {@code --verbose} shows the HTTP events.
 */
final class LibraryLogs {
  /** Held here: {@code java.util.logging} keeps loggers only weakly, and would forget the level. */
  private static final List<Logger> SILENCED =
      List.of(Logger.getLogger("io.github.vidu4j.validation"));

  private LibraryLogs() {}

  static void silence() {
    SILENCED.forEach(logger -> logger.setLevel(Level.OFF));
  }
}
