package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built jar as a separate process, with the README's own run command. */
class ReadmeRunCommandIT {
  private static final Path ROOT =
      Path.of(System.getProperty("vidu.spec")).toAbsolutePath().getParent().getParent();

  @TempDir Path workDir;

  /**
   * The README's first command, {@code ./vidu --sandbox image create ...}, run as written from a
   * tree the build has just compiled: so it must not build again (VIDU_MVN=false would fail it),
   * which is what makes a second run fast.
   */
  @Test
  void theReadmesRunCommandWritesAPngWithoutBuildingAgain() throws Exception {
    String firstBlock = firstCodeBlock(Files.readString(ROOT.resolve("README.md")));
    List<String> lines = firstBlock.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as("the README's first block is exactly two commands").hasSize(2);
    String run = lines.get(0).strip();
    assertThat(run).startsWith("./vidu --sandbox ");

    List<String> command = new ArrayList<>(words(run));
    command.set(0, ROOT.resolve("vidu").toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(false);
    builder.environment().put("VIDU_MVN", "false");
    builder.environment().put("XDG_CACHE_HOME", workDir.resolve("cache").toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("JAVA_TOOL_OPTIONS", "-Djava.awt.headless=true");
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the run finishes").isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("exit code; stdout:\n%s\nstderr:\n%s", out, err).isZero();
    assertThat(err).doesNotContain("building");

    Path written = workDir.resolve(out.strip());
    assertThat(written.toString()).endsWith(".png");
    try (Stream<Path> files = Files.list(written.getParent())) {
      assertThat(files).containsExactly(written);
    }
    BufferedImage image = ImageIO.read(written.toFile());
    assertThat(image.getWidth()).isEqualTo(1920);
    assertThat(image.getHeight()).isEqualTo(1080);
  }

  @Test
  void theJarKnowsItsVersion() throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("vidu.jar"),
                "--version")
            .directory(workDir.toFile())
            .start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isZero();
    assertThat(out).startsWith("vidu " + System.getProperty("vidu.version") + " ");
  }

  private static String firstCodeBlock(String readme) {
    Matcher m = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(m.find()).as("README has a code block").isTrue();
    return m.group(1);
  }

  /** Splits a shell command line into words, honouring double quotes. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
    while (m.find()) {
      words.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return words;
  }
}
