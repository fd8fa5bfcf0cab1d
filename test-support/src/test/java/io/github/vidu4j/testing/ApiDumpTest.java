package io.github.vidu4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tools/ApiDump.java}, the API check and breaking-change gate every published module runs in
 * {@code verify}, run as the build runs it (the JDK's source launcher) on small compiled APIs.
 */
class ApiDumpTest {
  private static final Path TOOL =
      Path.of(System.getProperty("vidu.root", "..")).resolve("tools/ApiDump.java");

  private static final String V1 =
      """
      package p;
      public class Shape {
        public int sides() { return 0; }
        public String name() { return ""; }
        void packagePrivate() {}
      }
      """;

  @TempDir Path dir;

  @Test
  void aRecordedApiMatchesItsClassesAndAMissingMemberFailsWithADiffAndTheCommand()
      throws Exception {
    Path api = dir.resolve("api/m.api");
    assertThat(run("--mode", "record", "--classes", compile("v1", V1), "--api", api).exit).isZero();
    assertThat(Files.readString(api))
        .isEqualTo(
            """
            public class p.Shape {
              public int sides();
              public java.lang.String name();
              public p.Shape();
            }
            """);
    assertThat(run("--classes", compile("same", V1), "--api", api).exit).isZero();

    Result changed =
        run(
            "--classes",
            compile("v2", V1.replace("public String name()", "String name()")),
            "--api",
            api);

    assertThat(changed.exit).isEqualTo(1);
    assertThat(changed.output)
        .contains("-  public java.lang.String name();")
        .contains("mvn -B -q -Dmaven.test.skip=true -Dvidu.api.record package");
  }

  @Test
  void theGateLetsAdditionsThroughAndARemovalOnlyWithANewMajorVersion() throws Exception {
    Path released = dir.resolve("released.api");
    run("--mode", "record", "--classes", compile("v1", V1), "--api", released);
    String added =
        compile("added", V1.replace("void packagePrivate() {}", "public void grow() {}"));
    String removed = compile("removed", V1.replace("public int sides() { return 0; }", ""));

    Result addition = gate(added, released, "0.1.0-SNAPSHOT");
    Result removal = gate(removed, released, "0.2.0-SNAPSHOT");
    Result removalInANewMajor = gate(removed, released, "1.0.0-SNAPSHOT");

    assertThat(addition.exit).as(addition.output).isZero();
    assertThat(addition.output).contains("compatible additions only");
    assertThat(removal.exit).isEqualTo(1);
    assertThat(removal.output)
        .contains("BREAKING removed from p.Shape: public int sides();")
        .contains("needs 1.0.0");
    assertThat(removalInANewMajor.exit).as(removalInANewMajor.output).isZero();
  }

  @Test
  void anAbstractMethodAddedToAnInterfaceIsBreaking() throws Exception {
    Path released = dir.resolve("released.api");
    String listener = "package p;\npublic interface Listener {\n  void changed();\n}\n";
    run("--mode", "record", "--classes", compile("v1", listener), "--api", released);

    Result result =
        gate(
            compile("v2", listener.replace("void changed();", "void changed();\n  void ended();")),
            released,
            "0.1.0");

    assertThat(result.exit).isEqualTo(1);
    assertThat(result.output).contains("abstract method users must now implement in p.Listener");
  }

  private Result gate(String classes, Path released, String version) throws Exception {
    Path api = dir.resolve("current-" + version + ".api");
    run("--mode", "record", "--classes", classes, "--api", api);
    return run(
        "--classes",
        classes,
        "--api",
        api,
        "--released",
        released,
        "--version",
        version,
        "--released-version",
        "0.1.0");
  }

  private String compile(String name, String source) throws IOException {
    String type = source.contains("interface") ? "Listener" : "Shape";
    Path file = dir.resolve(name + "-src/p/" + type + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int exit =
        javac.run(
            null, errors, errors, "--release", "17", "-d", classes.toString(), file.toString());
    assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    return classes.toString();
  }

  private record Result(int exit, String output) {}

  private static Result run(Object... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                TOOL.toString()));
    for (Object arg : args) {
      command.add(arg.toString());
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(Map.of("LC_ALL", "C"));
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ApiDump ended").isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
