package io.github.vidu4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The second guard on file names, and the part files' owner tag, on their own. */
class DownloadNamesTest {
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

  @Test
  void aPartFileNamesItsOwnerAndOnlyItsOwnNamesAreRead() {
    String part = PartFiles.nameFor("t-1-1");

    assertThat(part).startsWith(".t-1-1." + ProcessHandle.current().pid() + ".").endsWith(".part");
    assertThat(PartFiles.owner(part)).hasValue(ProcessHandle.current().pid());
    assertThat(PartFiles.owner(PartFiles.nameFor("a.b.png")))
        .hasValue(ProcessHandle.current().pid());
    assertThat(PartFiles.owner(".900000000000000001-1-3f2a9c0e-1111-2222-3333-444455556666.part"))
        .as("the old format")
        .isEmpty();
    assertThat(PartFiles.owner(".x.12ab.ffff.part")).isEmpty();
    assertThat(PartFiles.owner("x.1.ffff.part")).as("not hidden: not ours").isEmpty();
    assertThat(PartFiles.owner(".x.99999999999999999999.ffff.part")).as("no overflow").isEmpty();
  }
}
