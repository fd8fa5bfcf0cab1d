package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerminalTest {
  static final Map<String, String> XTERM = Map.of("TERM", "xterm-256color");

  @Test
  void aConsoleWithATermAndATtyOnFd2IsATerminal() {
    assertThat(Terminal.stderrIsTerminal(true, XTERM, Optional.of("/dev/pts/3"))).isTrue();
    // macOS and Windows do not say where fd 2 goes: the console and TERM decide.
    assertThat(Terminal.stderrIsTerminal(true, XTERM, Optional.empty())).isTrue();
  }

  @Test
  void stderrRedirectedToAFileOrPipeIsNotATerminalEvenWithAConsole() {
    assertThat(Terminal.stderrIsTerminal(true, XTERM, Optional.of("/home/me/vidu.log"))).isFalse();
    assertThat(Terminal.stderrIsTerminal(true, XTERM, Optional.of("pipe:[123456]"))).isFalse();
  }

  @Test
  void noConsoleOrNoTermOrDumbTermIsNotATerminal() {
    assertThat(Terminal.stderrIsTerminal(false, XTERM, Optional.of("/dev/pts/3"))).isFalse();
    assertThat(Terminal.stderrIsTerminal(true, Map.of(), Optional.of("/dev/pts/3"))).isFalse();
    assertThat(Terminal.stderrIsTerminal(true, Map.of("TERM", "dumb"), Optional.of("/dev/pts/3")))
        .isFalse();
  }

  @Test
  void viduNoProgressCountsWhenNonEmpty() {
    assertThat(Terminal.progressDisabledBy(Map.of("VIDU_NO_PROGRESS", "1"))).isTrue();
    assertThat(Terminal.progressDisabledBy(Map.of("VIDU_NO_PROGRESS", ""))).isFalse();
    assertThat(Terminal.progressDisabledBy(Map.of())).isFalse();
  }
}
