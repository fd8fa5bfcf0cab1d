package io.github.vidu4j.contract.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * CHANGELOG.md's API section is the breaking-change gate's comparison of the working spec with the
 * released one, never typed by hand. The comparison is written to {@code target/spec-changes.md} on
 * every run; with {@code -Dchangelog.update=true} it also replaces the section between the two
 * markers.
 */
class ChangelogTest {
  static final String BEGIN =
      "<!-- api:begin (written by ChangelogTest from the spec comparison; do not edit) -->";
  static final String END = "<!-- api:end -->";

  @Test
  void theApiSectionIsTheSpecComparison() throws IOException {
    String comparison =
        BreakingChangeGate.check(SpecEdit.released(), SpecEdit.working()).changelog();
    Path report =
        Path.of(System.getProperty("project.build.directory", "target"), "spec-changes.md");
    Files.createDirectories(report.getParent());
    Files.writeString(report, comparison, StandardCharsets.UTF_8);

    Path changelog = Path.of(System.getProperty("vidu.changelog", "../CHANGELOG.md"));
    String text = Files.readString(changelog);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as("%s has the marker %s", changelog, BEGIN).isNotNegative();
    assertThat(end).as("%s has the marker %s after the first", changelog, END).isGreaterThan(begin);
    String section = text.substring(begin + BEGIN.length(), end).strip();

    if (Boolean.getBoolean("changelog.update")) {
      Files.writeString(
          changelog,
          text.substring(0, begin + BEGIN.length())
              + "\n"
              + comparison.strip()
              + "\n"
              + text.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(section)
        .as(
            "CHANGELOG.md's API section is not the spec comparison (%s). Update it: "
                + "mvn -pl contract-tests -am test -Dtest=ChangelogTest -Dsurefire.failIfNoSpecifiedTests=false "
                + "-Dchangelog.update=true",
            report)
        .isEqualTo(comparison.strip());
  }
}
