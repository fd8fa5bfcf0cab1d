package io.github.vidu4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The part files' owner tag, on its own. */
class DownloadNamesTest {
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
