package io.github.vidu4j.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The second guard on file names, on its own. */
class SafeFileNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"../x.png", "/etc/x.png", "a/b.png", "a/../b.png", "..", "."})
  void aNameThatIsNotDirectlyInsideTheDirectoryIsRefused(String name) {
    Path directory = Path.of("out");

    assertThatThrownBy(() -> SafeFileNames.inside(directory, name))
        .isInstanceOf(UnsafeFileNameException.class)
        .hasMessageContaining("would not be inside out");
  }

  @ParameterizedTest
  @ValueSource(strings = {"out", ".", "", "/tmp/out", "a/../out"})
  void aPlainNameIsInsideWhateverTheDirectoryIsWritten(String directory) {
    assertThat(SafeFileNames.inside(Path.of(directory), "t-1-1.png"))
        .isEqualTo(Path.of(directory).resolve("t-1-1.png"));
  }

  @Test
  void messagesShowValuesEscapedAndBounded() {
    assertThat(SafeFileNames.escaped("a\u0000b\"\\\u00e4"))
        .isEqualTo("a\\u0000b\\u0022\\u005c\\u00e4");
    assertThat(SafeFileNames.escaped("7".repeat(500)))
        .isEqualTo("7".repeat(120) + "\u2026 (500 characters)");
  }
}
