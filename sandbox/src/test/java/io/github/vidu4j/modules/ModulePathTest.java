package io.github.vidu4j.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first example and its callback receiver, compiled and run as a modular application
 * would run them: {@code javac} and {@code java} with the client and its dependencies on the {@code
 * --module-path} (never the class path), in a module of their own that requires only {@code
 * io.github.vidu4j} (and the receiver {@code io.github.vidu4j.callback.servers}). Anything the
 * client needs from a library's unexported packages, or anything it forgot to export or open, fails
 * here.
 */
class ModulePathTest {
  private static final Path README_EXAMPLES =
      Path.of("..", "client", "src", "test", "java", "io", "github", "vidu4j", "readme");

  private static final Path RECEIVER_EXAMPLE =
      Path.of(
          "..",
          "callback-servers",
          "src",
          "test",
          "java",
          "io",
          "github",
          "vidu4j",
          "callback",
          "servers",
          "readme");

  /**
   * The client and what it needs at run time; a test library on the module path would hide a
   * missing requires.
   */
  private static final Pattern RUNTIME =
      Pattern.compile(
          ".*(client[/\\\\]target|generated[/\\\\]target|callback-servers[/\\\\]target|vidu4j-client|vidu4j-generated|vidu4j-callback-servers|gson-|okhttp-jvm|okio-jvm|kotlin-stdlib-|retrofit-|jspecify-).*");

  @TempDir static Path work;
  private static String modulePath;

  @BeforeAll
  static void compileTheExamplesAsAModule() throws Exception {
    modulePath =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                entry ->
                    RUNTIME.matcher(entry).matches()
                        && !entry.contains("test-classes")
                        && !entry.contains("annotations"))
            .collect(Collectors.joining(File.pathSeparator));
    Path sources = work.resolve("src");
    Path pkg = Files.createDirectories(sources.resolve("io/github/vidu4j/readme"));
    Files.copy(README_EXAMPLES.resolve("FirstImage.java"), pkg.resolve("FirstImage.java"));
    Path receiverPkg =
        Files.createDirectories(sources.resolve("io/github/vidu4j/callback/servers/readme"));
    Files.copy(
        RECEIVER_EXAMPLE.resolve("CallbackReceiver.java"),
        receiverPkg.resolve("CallbackReceiver.java"));
    Files.writeString(
        receiverPkg.resolve("CallbackDrill.java"),
        """
        package io.github.vidu4j.callback.servers.readme;

        import io.github.vidu4j.core.RawJson;
        import io.github.vidu4j.core.ViduJson;
        import io.github.vidu4j.callback.CallbackSigner;
        import io.github.vidu4j.model.TaskCreations;
        import java.net.HttpURLConnection;
        import java.net.URL;
        import java.nio.charset.StandardCharsets;
        import java.time.Instant;
        import java.util.Map;

        /** Starts the README's receiver and sends it a callback signed for its URL, then a forged one. */
        public final class CallbackDrill {
          public static void main(String[] args) throws Exception {
            var server = CallbackReceiver.start(0, args[0], "an-older-key");
            try {
              String body = "{\\"id\\":\\"t-1\\",\\"state\\":\\"success\\",\\"from_the_future\\":1}";
              send(server.getAddress().getPort(), CallbackSigner.withSecret(args[0]).sign("POST", CallbackReceiver.CALLBACK_URL, Instant.now(), "n-1"), body);
              send(server.getAddress().getPort(), CallbackSigner.withSecret("not-the-key").sign("POST", CallbackReceiver.CALLBACK_URL, Instant.now(), "n-2"), body);
              // Unknown fields are kept (the client reaches into the models' module for them).
              System.out.println("unknown fields " + RawJson.unknownFields(ViduJson.read(body, TaskCreations.class)).keySet());
            } finally {
              server.stop(0);
            }
          }

          private static void send(int port, Map<String, String> headers, String body) throws Exception {
            HttpURLConnection http = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/vidu/callback?tenant=acme").openConnection();
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            headers.forEach(http::setRequestProperty);
            http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            System.out.println("status " + http.getResponseCode());
            http.disconnect();
          }
        }
        """);
    Files.writeString(
        sources.resolve("module-info.java"),
        """
        module readme.examples {
          requires io.github.vidu4j;
          requires io.github.vidu4j.callback.servers;
          requires jdk.httpserver;
        }
        """);
    List<String> javac =
        new ArrayList<>(
            List.of(
                tool("javac"),
                "-d",
                work.resolve("classes").toString(),
                "--module-path",
                modulePath));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> javac.add(f.toString()));
    }
    Run compiled = run(javac, Map.of());
    assertThat(compiled.exitCode).as(compiled.output).isZero();
  }

  @Test
  void theFirstExampleMakesAnImageOnTheModulePath() throws Exception {
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast())) {
      Run first =
          java(
              "io.github.vidu4j.readme.FirstImage",
              Map.of("VIDU_API_KEY", SandboxOptions.DEMO_KEY, "VIDU_BASE_URL", sandbox.baseUrl()));

      assertThat(first.exitCode).as(first.output).isZero();
      assertThat(first.output).contains("fox.png");
      assertThat(Files.readAllBytes(work.resolve("fox.png"))).startsWith(0x89, 'P', 'N', 'G');
    }
  }

  @Test
  void theCallbackReceiverVerifiesOnTheModulePath() throws Exception {
    Run drill =
        java(
            "io.github.vidu4j.callback.servers.readme.CallbackDrill",
            Map.of(),
            "vda_module_path_key");

    assertThat(drill.exitCode).as(drill.output).isZero();
    assertThat(drill.output)
        .contains(
            "t-1 is now success",
            "status 200",
            "refused callback:",
            "status 401",
            "unknown fields [from_the_future]")
        .doesNotContain("vda_module_path_key");
  }

  private static Run java(String mainClass, Map<String, String> environment, String... args)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                tool("java"),
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
                "--module-path",
                work.resolve("classes") + File.pathSeparator + modulePath,
                "--module",
                "readme.examples/" + mainClass));
    command.addAll(List.of(args));
    return run(command, environment);
  }

  private record Run(int exitCode, String output) {}

  private static Run run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
    builder.environment().remove("VIDU_API_KEY");
    builder.environment().remove("VIDU_BASE_URL");
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static String tool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }
}
