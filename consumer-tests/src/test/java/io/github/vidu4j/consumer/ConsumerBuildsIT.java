package io.github.vidu4j.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The projects in {@code consumer-tests/projects}, each built as a separate Maven project against
 * the packaged vidu4j artifacts, laid out in a private local repository as {@code mvn install} lays
 * them out.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ConsumerBuildsIT {
  private static final Path ROOT = Path.of(System.getProperty("consumer.root"));
  private static final Path PROJECTS = Path.of(System.getProperty("consumer.projects"));
  private static final Path WORK = Path.of(System.getProperty("consumer.work"));
  private static final Path OUTER_REPOSITORY =
      Path.of(System.getProperty("consumer.outerRepository"));
  private static final String VERSION = System.getProperty("consumer.version");
  private static final Path REPOSITORY = WORK.resolve("repository");

  @BeforeAll
  static void installIntoAPrivateRepository() throws IOException {
    deleteTree(WORK);
    install("vidu4j-parent", ROOT.resolve("pom.xml"), null);
    install("vidu4j-bom", ROOT.resolve("bom/pom.xml"), null);
    for (String module : List.of("generated", "client", "sandbox")) {
      Path jar =
          ROOT.resolve(module)
              .resolve("target")
              .resolve("vidu4j-" + module + "-" + VERSION + ".jar");
      assertThat(jar).as("packaged by this build").isRegularFile();
      install("vidu4j-" + module, ROOT.resolve(module).resolve("pom.xml"), jar);
    }
    // Everything else comes from this build's local repository, served as a remote one.
    Files.writeString(
        WORK.resolve("settings.xml"),
        """
        <settings>
          <mirrors>
            <mirror>
              <id>this-build</id>
              <mirrorOf>*</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
        </settings>
        """
            .formatted(OUTER_REPOSITORY.toUri()));
  }

  @Test
  void aProjectUsingTheBomCompilesAndRunsAgainstTheSandbox() throws Exception {
    Build build = build("bom-consumer");
    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(build.output()).contains("consumer: success, 1 image(s)");
  }

  @Test
  void aProjectThatAlsoHasOkHttp4IsToldSoWhenItBuildsAClient() throws Exception {
    Build build = build("okhttp4-consumer");
    // Maven keeps both artifacts (okhttp 4.12.0 and okhttp-jvm 5): different names, same classes.
    assertThat(build.exitCode()).as(build.output()).isNotZero();
    assertThat(build.output())
        .contains("io.github.vidu4j.core.ViduException: OkHttp classes are on the classpath 2 times")
        .contains("okhttp-4.12.0.jar", "okhttp-jvm-")
        .contains("vidu4j needs OkHttp 5 for the JVM (com.squareup.okhttp3:okhttp-jvm)");
  }

  private static Build build(String project) throws IOException, InterruptedException {
    Path copy = WORK.resolve(project);
    copyTree(PROJECTS.resolve(project), copy);
    List<String> command =
        new ArrayList<>(
            List.of(
                "mvn",
                "-B",
                "-q",
                "-s",
                WORK.resolve("settings.xml").toString(),
                "-Dmaven.repo.local=" + REPOSITORY,
                "-Dvidu4j.version=" + VERSION));
    command.addAll(List.of(System.getProperty("consumer.mavenArgs").trim().split("\\s+")));
    command.addAll(List.of("-f", copy.resolve("pom.xml").toString(), "process-classes"));
    Process process =
        new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true).start();
    String output;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Build(process.exitValue(), output);
  }

  /** As mvn install lays out an artifact: group/artifact/version/artifact-version.{pom,jar}. */
  private static void install(String artifactId, Path pom, Path jar) throws IOException {
    Path folder = REPOSITORY.resolve("io/github/vidu4j").resolve(artifactId).resolve(VERSION);
    Files.createDirectories(folder);
    Files.copy(
        pom,
        folder.resolve(artifactId + "-" + VERSION + ".pom"),
        StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      Files.copy(
          jar,
          folder.resolve(artifactId + "-" + VERSION + ".jar"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              file -> {
                try {
                  Files.delete(file);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  private record Build(int exitCode, String output) {}
}
