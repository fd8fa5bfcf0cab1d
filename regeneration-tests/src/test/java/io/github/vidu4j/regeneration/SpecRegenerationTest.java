package io.github.vidu4j.regeneration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Edit the spec, rebuild" is the whole procedure, on a temporary copy of the project: the copy's
 * spec is edited and the copy is rebuilt offline by Maven, as a user would, without {@code clean}.
 * Only the modules each check needs are built, starting from this build's up-to-date outputs.
 */
@Tag("slow")
class SpecRegenerationTest {
  private static final Path ROOT =
      Path.of(System.getProperty("regeneration.projectRoot", "..")).toAbsolutePath().normalize();
  private static final String LOCAL_REPOSITORY =
      System.getProperty("regeneration.localRepository", "");

  @TempDir Path copy;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aRenamedResponseFieldFailsToCompileWhereHandWrittenCodeUsesIt() throws Exception {
    // test-support too: the client's build resolves its test dependencies even when skipping them.
    copyProject(List.of("test-support", "generated", "client"));
    editSpec(spec -> spec.replace("task_id", "task_ref"));

    Build build =
        maven("package", "-Dmaven.test.skip=true", "-pl", "test-support,generated,client");

    assertThat(build.exitCode).as(build.output).isNotZero();
    assertThat(build.output)
        .contains("COMPILATION ERROR")
        // The generic create path names the field by the generated model's constant.
        .contains("SERIALIZED_NAME_TASK_ID")
        .contains("vidu4j-client");
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aModelAddedToTheSpecIsKnownToTheValidatorTheSandboxAndTheCliWithNoJavaEdit()
      throws Exception {
    copyProject(List.of("generated"));
    editSpec(
        spec ->
            spec.replace(
                    "          x-extensible-enum: [viduq2, viduq1, viduimage-2]",
                    "          x-extensible-enum: [viduq2, viduq1, viduimage-2, viduq3]")
                // The first table is the image request's (the video operations' follow it).
                .replaceFirst(
                    "      x-vidu-model-rules:\n",
                    String.join(
                        "\n",
                        "      x-vidu-model-rules:",
                        "        viduq3:",
                        "          description: A model added by this test.",
                        "          min_images: 0",
                        "          max_images: 3",
                        "          aspect_ratios: ['1:1', '7:3']",
                        "          default_aspect_ratio: '7:3'",
                        "          resolutions: [3K]",
                        "          default_resolution: 3K",
                        "")));

    Build build = maven("package", "-Dmaven.test.skip=true", "-pl", "generated");
    assertThat(build.exitCode).as(build.output).isZero();

    // This JVM already read the old spec; a new one sees the rebuilt generated module instead.
    Path rebuilt = copy.resolve("generated/target/classes");
    String classPath =
        Stream.of(
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"))
                    .split(File.pathSeparator))
            .map(entry -> isGeneratedModule(entry) ? rebuilt.toString() : entry)
            .collect(Collectors.joining(File.pathSeparator));
    assertThat(classPath).contains(rebuilt.toString());
    Process probe =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                "io.github.vidu4j.cli.NewModelProbe")
            .redirectErrorStream(true)
            .start();
    String output;
    try (var in = probe.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(probe.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("validator: viduq3 valid; 4 images refused")
        .contains("sandbox: viduq3 created, aspect_ratio 7:3, resolution 3K")
        .contains("cli: exit 0");
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void anOperationAddedToTheSpecIsUsableThroughTheGenericApiAndTheSandboxWithNoJavaEdit()
      throws Exception {
    copyProject(List.of("generated"));
    editSpec(
        spec ->
            spec.replace(
                    "  /ent/v2/tasks/{id}/creations:\n",
                    String.join(
                        "\n",
                        "  /ent/v2/digital-human:",
                        "    post:",
                        "      operationId: createDigitalHuman",
                        "      tags: [Generation]",
                        "      summary: A talking avatar from one image (added by this test)",
                        "      x-vidu-output: video",
                        "      security:",
                        "        - TokenAuth: []",
                        "      requestBody:",
                        "        required: true",
                        "        content:",
                        "          application/json:",
                        "            schema:",
                        "              $ref: '#/components/schemas/DigitalHumanRequest'",
                        "      responses:",
                        "        '200':",
                        "          description: The task was created.",
                        "          content:",
                        "            application/json:",
                        "              schema:",
                        "                $ref: '#/components/schemas/VideoTask'",
                        "  /ent/v2/tasks/{id}/creations:",
                        ""))
                .replace(
                    "    VideoTask:\n",
                    String.join(
                        "\n",
                        "    DigitalHumanRequest:",
                        "      type: object",
                        "      description: Added by this test.",
                        "      required: [model, image]",
                        "      properties:",
                        "        model:",
                        "          type: string",
                        "          description: The model.",
                        "        image:",
                        "          type: string",
                        "          description: One image.",
                        "        prompt:",
                        "          type: string",
                        "          description: What is said.",
                        "          maxLength: 2000",
                        "        resolution:",
                        "          type: string",
                        "          description: The resolution.",
                        "      x-vidu-model-rules:",
                        "        viduq2-turbo:",
                        "          description: Added by this test.",
                        "          resolutions: [540p, 720p, 1080p]",
                        "          default_resolution: 720p",
                        "          default_duration: 3",
                        "          fps: 24",
                        "    VideoTask:",
                        "")));

    Build build = maven("package", "-Dmaven.test.skip=true", "-pl", "generated");
    assertThat(build.exitCode).as(build.output).isZero();

    String output = probe("io.github.vidu4j.cli.NewOperationProbe");
    assertThat(output)
        .contains("operation: POST /ent/v2/digital-human video")
        .contains("validator: RESOLUTION")
        .containsPattern("sandbox: success \\.mp4 [0-9]+");
  }

  /** Runs {@code mainClass} in a new JVM whose vidu4j-generated is the copy's rebuilt one. */
  private String probe(String mainClass) throws Exception {
    Path rebuilt = copy.resolve("generated/target/classes");
    String classPath =
        Stream.of(
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"))
                    .split(File.pathSeparator))
            .map(entry -> isGeneratedModule(entry) ? rebuilt.toString() : entry)
            .collect(Collectors.joining(File.pathSeparator));
    assertThat(classPath).contains(rebuilt.toString());
    Process probe =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                mainClass)
            .redirectErrorStream(true)
            .start();
    String output;
    try (var in = probe.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(probe.exitValue()).as(output).isZero();
    return output;
  }

  private static boolean isGeneratedModule(String entry) {
    Path path = Path.of(entry).toAbsolutePath().normalize();
    return path.equals(ROOT.resolve("generated/target/classes"))
        || path.getFileName().toString().startsWith("vidu4j-generated-");
  }

  /** The root and module poms, the spec, and the given modules' sources and up-to-date outputs. */
  private void copyProject(List<String> modules) throws IOException {
    Files.copy(ROOT.resolve("pom.xml"), copy.resolve("pom.xml"));
    try (Stream<Path> children = Files.list(ROOT)) {
      for (Path module : children.filter(p -> Files.isRegularFile(p.resolve("pom.xml"))).toList()) {
        Files.createDirectories(copy.resolve(module.getFileName()));
        Files.copy(
            module.resolve("pom.xml"), copy.resolve(module.getFileName()).resolve("pom.xml"));
      }
    }
    Files.createDirectories(copy.resolve("openapi"));
    Files.copy(ROOT.resolve("openapi/vidu.yaml"), copy.resolve("openapi/vidu.yaml"));
    for (String module : modules) {
      copyTree(ROOT.resolve(module).resolve("src"), copy.resolve(module).resolve("src"));
      copyTree(ROOT.resolve(module).resolve("target"), copy.resolve(module).resolve("target"));
    }
    Files.createDirectories(copy.resolve(".mvn"));
    // Error Prone runs in Maven's JVM and needs the javac exports listed there.
    Files.copy(ROOT.resolve(".mvn/jvm.config"), copy.resolve(".mvn/jvm.config"));
    List<String> config = new ArrayList<>(List.of("-o", "-B"));
    if (!LOCAL_REPOSITORY.isEmpty()) {
      config.add("-Dmaven.repo.local=" + LOCAL_REPOSITORY);
    }
    Files.writeString(copy.resolve(".mvn/maven.config"), String.join(" ", config) + "\n");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private void editSpec(java.util.function.UnaryOperator<String> edit) throws IOException {
    Path spec = copy.resolve("openapi/vidu.yaml");
    String before = Files.readString(spec);
    String after = edit.apply(before);
    assertThat(after).as("the edit changed the spec").isNotEqualTo(before);
    Files.writeString(spec, after);
  }

  private Build maven(String... args) throws IOException, InterruptedException {
    // Compiling is what these builds check: no Javadoc, sources or SBOM jars.
    List<String> command =
        new ArrayList<>(
            List.of(
                "mvn",
                "-q",
                "-Dmaven.javadoc.skip=true",
                "-Dmaven.source.skip=true",
                "-Dcyclonedx.skip=true"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true).start();
    String output;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    process.waitFor();
    return new Build(process.exitValue(), output);
  }

  private record Build(int exitCode, String output) {}
}
