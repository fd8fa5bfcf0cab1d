package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The built distribution, unpacked into a temporary directory and used as a user would. */
class DistributionIT {
  private static final String VERSION = System.getProperty("vidu.version");
  private static final Path ARCHIVES = Path.of(System.getProperty("vidu.distribution"));

  @TempDir static Path unpacked;

  static Path home;

  @BeforeAll
  static void unpack() throws Exception {
    Path tarGz = Path.of(ARCHIVES + ".tar.gz");
    assertThat(tarGz).isRegularFile();
    Result tar = run(unpacked, Map.of(), "tar", "-xzf", tarGz.toString());
    assertThat(tar.exitCode).as(tar.toString()).isZero();
    home = unpacked.resolve("vidu-" + VERSION);
  }

  @Test
  void holdsTheLaunchersTheJarTheCompletionAndTheManPages() {
    assertThat(home.resolve("bin/vidu")).isExecutable();
    assertThat(home.resolve("bin/vidu.cmd")).isRegularFile();
    assertThat(home.resolve("lib/vidu.jar")).isRegularFile();
    assertThat(home.resolve("completion/vidu_completion")).isRegularFile();
    assertThat(home.resolve("man/man1/vidu.1")).isRegularFile();
  }

  @Test
  void theZipHoldsTheSameFilesAsTheTarGz() throws Exception {
    TreeSet<String> inZip = new TreeSet<>();
    try (ZipFile zip = new ZipFile(ARCHIVES + ".zip")) {
      zip.stream().filter(e -> !e.isDirectory()).forEach(e -> inZip.add(e.getName()));
    }
    TreeSet<String> inTar = new TreeSet<>();
    try (Stream<Path> files = Files.walk(home)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f ->
                  inTar.add(
                      "vidu-" + VERSION + "/" + home.relativize(f).toString().replace('\\', '/')));
    }
    assertThat(inZip).isEqualTo(inTar);
  }

  @Test
  void everyCommandHasAManPage() {
    List<String> pages = new ArrayList<>();
    collect(
        ViduCli.commandLine(
            new ViduCli(Map.of(), new ByteArrayOutputStream(), new ByteArrayOutputStream(), false)),
        pages);
    for (String page : pages) {
      Path file = home.resolve("man/man1/" + page + ".1");
      assertThat(file).as(page).isRegularFile();
      assertThat(readString(file))
          .as(page)
          .contains(".TH \"" + page.toUpperCase(java.util.Locale.ROOT).replace("-", "\\-") + "\"");
    }
    assertThat(readString(home.resolve("man/man1/vidu-image-create.1")))
        .contains("\\-\\-aspect\\-ratio");
  }

  @Test
  void createsAPngWithTheSandboxFromAnotherDirectory() throws Exception {
    Path elsewhere = Files.createDirectories(unpacked.resolve("elsewhere"));
    Map<String, String> env =
        Map.of(
            "XDG_CACHE_HOME",
            unpacked.resolve("cache").toString(),
            "JAVA_HOME",
            System.getProperty("java.home"));
    Result result =
        run(
            elsewhere,
            env,
            home.resolve("bin/vidu").toString(),
            "--sandbox",
            "image",
            "create",
            "--model",
            "viduq2",
            "--prompt",
            "a red fox in the snow",
            "--wait",
            "--output",
            "out");
    assertThat(result.exitCode).as(result.toString()).isZero();
    Path png = elsewhere.resolve(result.out.strip());
    assertThat(png.getParent()).isEqualTo(elsewhere.resolve("out"));
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1920);
    assertThat(image.getHeight()).isEqualTo(1080);
    try (Stream<Path> archives = Files.list(unpacked.resolve("cache/vidu"))) {
      assertThat(archives.map(p -> p.getFileName().toString()))
          .as("the class-data archive of the first run")
          .anyMatch(n -> n.endsWith(".jsa"));
    }

    Result again = run(elsewhere, env, home.resolve("bin/vidu").toString(), "--version");
    assertThat(again.exitCode).as(again.toString()).isZero();
    assertThat(again.out).startsWith("vidu " + VERSION + " ");
    assertThat(again.err).isEmpty();
  }

  @Test
  void theCompletionScriptCompletesCommandsAndOptionsInBash() throws Exception {
    String script = home.resolve("completion/vidu_completion").toString();
    Result commands = complete(script, "vidu", "ima");
    assertThat(commands.out.strip()).as(commands.toString()).isEqualTo("image");
    Result options = complete(script, "vidu", "image", "create", "--aspect");
    assertThat(options.out.strip()).as(options.toString()).isEqualTo("--aspect-ratio");
  }

  private static Result complete(String script, String... words) throws Exception {
    String line = String.join(" ", words);
    String bash =
        "source '"
            + script
            + "' && complete -p vidu >/dev/null"
            + " && COMP_WORDS=("
            + line
            + ") && COMP_CWORD="
            + (words.length - 1)
            + " && COMP_LINE='"
            + line
            + "' && COMP_POINT="
            + line.length()
            + " && _complete_vidu && printf '%s\\n' \"${COMPREPLY[@]}\"";
    return run(unpacked, Map.of(), "bash", "-c", bash);
  }

  private static void collect(CommandLine command, List<String> pages) {
    pages.add(command.getCommandSpec().qualifiedName("-"));
    command.getSubcommands().values().forEach(sub -> collect(sub, pages));
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    // Both streams are small; read after the exit.
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finishes", List.of(command)).isTrue();
    return new Result(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
