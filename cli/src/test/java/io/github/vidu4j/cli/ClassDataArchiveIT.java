package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up does not depend on the first command a user types: the build records the class-data
 * archive from a representative run, and a launcher without a usable one never records it from
 * {@code --version} or {@code --help}.
 */
class ClassDataArchiveIT {
  /** cli/target/vidu: the unpacked distribution, as ./vidu and the README's PATH use it. */
  private static final Path HOME =
      Path.of(System.getProperty("vidu.jar")).getParent().resolve("vidu");

  private static final Path ARCHIVES = Path.of(System.getProperty("vidu.distribution"));

  @TempDir Path dir;

  @Test
  void theBuildRecordsTheArchiveFromACreateAndTheLauncherUsesItWhereItWasMade() throws Exception {
    Path archive = HOME.resolve("lib/vidu.jsa");
    assertThat(archive).isRegularFile();
    // A create's classes: an archive from --version alone is about 2 MB, from a create about 14.
    assertThat(Files.size(archive)).isGreaterThan(8L << 20);
    assertThat(Files.readString(HOME.resolve("lib/vidu.jsa.key")))
        .contains(HOME.resolve("lib/vidu.jar").toRealPath().toString());

    Path cache = dir.resolve("cache");
    Result version = run(cache, HOME.resolve("bin/vidu").toString(), "--version");
    assertThat(version.exitCode).as(version.toString()).isZero();
    assertThat(version.err).isEmpty();
    assertThat(cache).as("nothing recorded: the build's archive was used").doesNotExist();
  }

  @Test
  void elsewhereTheFirstArchiveComesFromACommandThatDoesSomethingNeverFromVersionOrHelp()
      throws Exception {
    Result tar =
        run(
            dir.resolve("cache"),
            "tar",
            "-xzf",
            ARCHIVES + ".tar.gz",
            "-C",
            Files.createDirectories(dir.resolve("unpacked")).toString());
    assertThat(tar.exitCode).as(tar.toString()).isZero();
    String vidu =
        dir.resolve("unpacked/vidu-" + System.getProperty("vidu.version") + "/bin/vidu").toString();
    Path cache = dir.resolve("cache");
    for (String first : List.of("--version", "--help")) {
      assertThat(run(cache, vidu, first).exitCode).isZero();
      assertThat(archives(cache)).as("after " + first).isEmpty();
    }
    Result create =
        run(cache, vidu, "--sandbox", "image", "create", "--model", "viduq2", "--prompt", "a fox");
    assertThat(create.exitCode).as(create.toString()).isZero();
    assertThat(archives(cache)).hasSize(1);
  }

  private static List<Path> archives(Path cache) throws Exception {
    Path dir = cache.resolve("vidu");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".jsa")).toList();
    }
  }

  private static Result run(Path cache, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    process.getOutputStream().close();
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
