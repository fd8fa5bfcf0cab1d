package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.Images;
import io.github.vidu4j.validation.GenerationOperation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.AutoComplete;

/** The completion script offers option values from the spec, as the CLI accepts them, in bash. */
class CompletionValuesTest {
  @TempDir static Path dir;
  static Path script;

  @BeforeAll
  static void writeTheScript() throws Exception {
    ViduCli root =
        new ViduCli(Map.of(), new ByteArrayOutputStream(), new ByteArrayOutputStream(), false);
    script = dir.resolve("vidu_completion");
    Files.writeString(script, AutoComplete.bash("vidu", ViduCli.commandLine(root)));
  }

  @Test
  void statesAreTheSpecsWithoutTheGeneratorsPlaceholder() throws Exception {
    List<String> states = complete("vidu", "task", "list", "--state", "");
    assertThat(states)
        .containsExactlyInAnyOrder("created", "queueing", "processing", "success", "failed")
        .doesNotContain("unknown_default_open_api");
    for (String state : states) {
      assertThat(TaskCommand.state(state).getValue()).isEqualTo(state);
    }
  }

  @Test
  void regionsAreLowerCase() throws Exception {
    assertThat(complete("vidu", "--region", "")).containsExactlyInAnyOrder("global", "cn");
  }

  @Test
  void modelsAspectRatiosAndResolutionsComeFromTheSpec() throws Exception {
    GenerationOperation rules = Images.REFERENCE_TO_IMAGE;
    assertThat(complete("vidu", "image", "create", "--model", ""))
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(rules.models().keySet());
    List<String> ratios = complete("vidu", "image", "create", "--aspect-ratio", "");
    List<String> resolutions = complete("vidu", "image", "create", "--resolution", "");
    rules
        .models()
        .values()
        .forEach(
            m -> {
              assertThat(ratios).containsAll(m.aspectRatios());
              assertThat(resolutions).containsAll(m.resolutions());
            });
    assertThat(complete("vidu", "image", "create", "--model", "viduq"))
        .allSatisfy(m -> assertThat(m).startsWith("viduq"));
  }

  private static List<String> complete(String... words) throws Exception {
    StringBuilder array = new StringBuilder();
    for (String word : words) {
      array.append('\'').append(word).append("' ");
    }
    String line = String.join(" ", words);
    String bash =
        "source '"
            + script
            + "' && COMP_WORDS=("
            + array
            + ") && COMP_CWORD="
            + (words.length - 1)
            + " && COMP_LINE='"
            + line
            + "' && COMP_POINT="
            + line.length()
            + " && _complete_vidu && printf '%s\\n' \"${COMPREPLY[@]}\"";
    Process process =
        new ProcessBuilder("bash", "-c", bash)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }
}
