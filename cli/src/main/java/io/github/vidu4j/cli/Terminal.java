package io.github.vidu4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether stderr is a terminal a live progress line may be redrawn on. Java cannot ask that
 * of stderr itself: {@code System.console()} only says stdin and stdout are a terminal, so {@code
 * vidu ... 2>log} in a terminal would fill the log with spinner frames and carriage returns. Hence
 * the rule, documented under {@code --no-progress}:
 *
 * <ul>
 *   <li>a console is attached ({@code System.console() != null});
 *   <li>{@code TERM} is set and not {@code dumb} (CI runners and editors' consoles set neither or
 *       {@code dumb});
 *   <li>where the OS says where file descriptor 2 goes (Linux: {@code /proc/self/fd/2}), it is a
 *       terminal device, which catches {@code 2>file} and {@code 2>&1 | tee}.
 * </ul>
 */
final class Terminal {
  private Terminal() {}

  /** The rule above, given what this process could find out. */
  static boolean stderrIsTerminal(
      boolean consoleAttached, Map<String, String> environment, Optional<String> stderrTarget) {
    String term = environment.getOrDefault("TERM", "").trim().toLowerCase(Locale.ROOT);
    if (!consoleAttached || term.isEmpty() || term.equals("dumb")) {
      return false;
    }
    return stderrTarget.map(Terminal::isTerminalDevice).orElse(true);
  }

  /** Where file descriptor 2 points, where the OS exposes it (Linux); empty elsewhere. */
  static Optional<String> stderrTarget() {
    Path fd = Path.of("/proc/self/fd/2");
    try {
      return Files.isSymbolicLink(fd)
          ? Optional.of(Files.readSymbolicLink(fd).toString())
          : Optional.empty();
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/")
        || target.startsWith("/dev/tty")
        || target.equals("/dev/console");
  }

  /** {@code VIDU_NO_PROGRESS} turns progress off when set to anything but the empty string. */
  static boolean progressDisabledBy(Map<String, String> environment) {
    String value = environment.get("VIDU_NO_PROGRESS");
    return value != null && !value.isEmpty();
  }
}
