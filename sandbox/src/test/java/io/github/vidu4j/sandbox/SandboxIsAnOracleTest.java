package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.Videos;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TextToVideoRequest;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.OperationModel;
import io.github.vidu4j.validation.RequestValidator;
import io.github.vidu4j.validation.ViduValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox checks requests with the spec's rules, not with the client's validator, so provider
 * checks against it catch a client rule that is wrong. Here the client's validator is replaced by
 * one whose rules are loosened on purpose (it accepts every request), for the client and the
 * sandbox alike, as a bug in the client's validation would be: the client then sends a request Vidu
 * refuses, and the sandbox refuses it too. (With the sandbox checking through the client's
 * validator, as it did, the request was accepted and the wrong rule went unnoticed.) The same holds
 * for the video operations, whose rules the sandbox reads from the spec too: there the client's own
 * duration rule is loosened, one line of its source changed.
 */
class SandboxIsAnOracleTest {
  /** {@code viduq1} takes 16:9, 9:16, 1:1, 3:4 and 4:3 ({@code x-vidu-model-rules}). */
  private static final ReferenceToImageRequest REFUSED_BY_THE_SPEC =
      new ReferenceToImageRequest()
          .model("viduq1")
          .prompt("a fox")
          .addImagesItem("https://example.com/fox.png")
          .aspectRatio("21:9");

  private static final String LOOSENED_VALIDATOR =
      """
      package io.github.vidu4j.validation;

      import com.google.gson.JsonObject;
      import java.util.List;

      /** The client's validator with every rule loosened: it accepts any request. */
      public final class RequestValidator {
        private static final RequestValidator ANY = new RequestValidator();

        public static RequestValidator strict() {
          return ANY;
        }

        public static RequestValidator allowingUnknownModels() {
          return ANY;
        }

        public void validate(Object request) {}

        public void validate(GenerationOperation operation, JsonObject body) {}

        public void validate(GenerationOperation operation, JsonObject body, long bodyBytes) {}

        public void validate(
            GenerationOperation operation,
            JsonObject body,
            List<ImageInput> images,
            long bodyBytes) {}
      }
      """;

  /** {@code viduq1} on {@code text2video} takes 5 s only ({@code x-vidu-model-rules}). */
  private static final TextToVideoRequest VIDEO_REFUSED_BY_THE_SPEC =
      new TextToVideoRequest().model("viduq1").prompt("a fox").duration(8);

  /** The client's duration rule, and the same rule loosened: every duration is taken. */
  private static final String DURATION_RULE = "public boolean takesDuration(int seconds) {";

  private static final String LOOSENED_DURATION_RULE =
      DURATION_RULE + " if (seconds >= 0) { return true; } // loosened on purpose\n";

  @TempDir Path dir;

  @Test
  void aRequestALoosenedClientRuleLetsThroughIsRefusedBySandbox() throws Exception {
    assertThatThrownBy(() -> RequestValidator.strict().validate(REFUSED_BY_THE_SPEC))
        .as("the real client rule")
        .isInstanceOf(ViduValidationException.class)
        .hasMessageContaining("aspect_ratio");

    try (URLClassLoader wrongClient = clientAndSandboxWith(loosenedValidator())) {
      Class<?> validator = wrongClient.loadClass(RequestValidator.class.getName());
      Object loosened = validator.getMethod("strict").invoke(null);
      validator
          .getMethod("validate", Object.class)
          .invoke(loosened, REFUSED_BY_THE_SPEC); // accepted: the rule is wrong

      Class<?> sandboxClass = wrongClient.loadClass(ViduSandbox.class.getName());
      Class<?> optionsClass = wrongClient.loadClass(SandboxOptions.class.getName());
      Object options = optionsClass.getMethod("fast").invoke(null);
      try (AutoCloseable sandbox =
              (AutoCloseable) sandboxClass.getMethod("start", optionsClass).invoke(null, options);
          AutoCloseable client =
              (AutoCloseable) sandboxClass.getMethod("newClient").invoke(sandbox)) {
        assertThat(client.getClass().getClassLoader()).isSameAs(wrongClient);
        Object images = client.getClass().getMethod("images").invoke(client);

        assertThatThrownBy(
                () ->
                    images
                        .getClass()
                        .getMethod("create", ReferenceToImageRequest.class)
                        .invoke(images, REFUSED_BY_THE_SPEC))
            .isInstanceOf(InvocationTargetException.class)
            .cause()
            .satisfies(e -> assertThat(e.getClass().getName()).endsWith(".ViduApiException"))
            .hasMessageContaining("FieldInvalid")
            .hasMessageContaining("aspect_ratio");
      }
    }
  }

  @Test
  void aVideoRequestALoosenedClientDurationRuleLetsThroughIsRefusedBySandbox() throws Exception {
    JsonObject body =
        JsonParser.parseString(ViduJson.write(VIDEO_REFUSED_BY_THE_SPEC)).getAsJsonObject();
    assertThatThrownBy(() -> RequestValidator.strict().validate(Videos.TEXT_TO_VIDEO, body))
        .as("the real client rule")
        .isInstanceOf(ViduValidationException.class)
        .hasMessageContaining("duration");

    try (URLClassLoader wrongClient = clientAndSandboxWith(loosenedDurationRule())) {
      Class<?> operation = wrongClient.loadClass(GenerationOperation.class.getName());
      Object textToVideo =
          wrongClient.loadClass(Videos.class.getName()).getField("TEXT_TO_VIDEO").get(null);
      Class<?> validator = wrongClient.loadClass(RequestValidator.class.getName());
      validator
          .getMethod("validate", operation, JsonObject.class)
          .invoke(validator.getMethod("strict").invoke(null), textToVideo, body); // accepted: wrong

      Class<?> sandboxClass = wrongClient.loadClass(ViduSandbox.class.getName());
      Class<?> optionsClass = wrongClient.loadClass(SandboxOptions.class.getName());
      Object options = optionsClass.getMethod("fast").invoke(null);
      try (AutoCloseable sandbox =
              (AutoCloseable) sandboxClass.getMethod("start", optionsClass).invoke(null, options);
          AutoCloseable client =
              (AutoCloseable) sandboxClass.getMethod("newClient").invoke(sandbox)) {
        Object videos = client.getClass().getMethod("videos").invoke(client);
        Class<?> requestOptions = wrongClient.loadClass(RequestOptions.class.getName());
        Object defaults = requestOptions.getMethod("defaults").invoke(null);

        assertThatThrownBy(
                () ->
                    videos
                        .getClass()
                        .getMethod("textToVideo", TextToVideoRequest.class, requestOptions)
                        .invoke(videos, VIDEO_REFUSED_BY_THE_SPEC, defaults))
            .isInstanceOf(InvocationTargetException.class)
            .cause()
            .satisfies(e -> assertThat(e.getClass().getName()).endsWith(".ViduApiException"))
            .hasMessageContaining("FieldInvalid")
            .hasMessageContaining("duration");
        assertThat(sandboxClass.getMethod("taskCount").invoke(sandbox)).isEqualTo(0);
      }
    }
  }

  /** The loosened validator, compiled against the client. */
  private Path loosenedValidator() throws IOException {
    return compile("io/github/vidu4j/validation/RequestValidator.java", LOOSENED_VALIDATOR);
  }

  /**
   * The client's own {@link OperationModel}, its source with the duration rule loosened, compiled
   * against the client.
   */
  private Path loosenedDurationRule() throws IOException {
    String path = OperationModel.class.getName().replace('.', '/') + ".java";
    Path source =
        Path.of(System.getProperty("user.dir"))
            .resolveSibling("client/src/main/java")
            .resolve(path);
    String real = Files.readString(source);
    assertThat(real).as("the client's duration rule in %s", source).contains(DURATION_RULE);
    return compile(path, real.replace(DURATION_RULE, LOOSENED_DURATION_RULE));
  }

  /** {@code text}, the source of the class at {@code path}, compiled against the client. */
  private Path compile(String path, String text) throws IOException {
    Path source = dir.resolve("src").resolve(path);
    Files.createDirectories(source.getParent());
    Files.writeString(source, text);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int exit =
        javac.run(
            null,
            errors,
            errors,
            "--release",
            "17",
            "-proc:none",
            "-cp",
            System.getProperty("java.class.path"),
            "-d",
            classes.toString(),
            source.toString());
    assertThat(exit).as("javac: %s", errors.toString(StandardCharsets.UTF_8)).isZero();
    return classes;
  }

  /**
   * A class loader holding its own copy of the client and the sandbox, with {@code validator}'s
   * classes (a client class made wrong) first; everything else (the generated models, OkHttp, Gson,
   * the spec) comes from the test's class path.
   */
  private static URLClassLoader clientAndSandboxWith(Path validator) throws Exception {
    List<URL> urls =
        List.of(
            validator.toUri().toURL(),
            ViduClient.class.getProtectionDomain().getCodeSource().getLocation(),
            ViduSandbox.class.getProtectionDomain().getCodeSource().getLocation());
    return new URLClassLoader(
        urls.toArray(URL[]::new), SandboxIsAnOracleTest.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
          Class<?> loaded = findLoadedClass(name);
          if (loaded == null && name.startsWith("io.github.vidu4j.")) {
            try {
              loaded = findClass(name);
            } catch (ClassNotFoundException notOurs) {
              // a generated model or Retrofit interface: the test's own
            }
          }
          if (loaded == null) {
            return super.loadClass(name, resolve);
          }
          if (resolve) {
            resolveClass(loaded);
          }
          return loaded;
        }
      }
    };
  }
}
