package io.github.vidu4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The packaged vidu4j-openapi jar and its kit zip: the YAML, the JSON and the vectors, each
 * faithful to openapi/, and the kit (generator settings, templates, receivers;
 * openapi/kit/README.md).
 */
class SpecArtifactIT {
  static final String DIR = "io/github/vidu4j/openapi/";
  static final Path SPEC = Path.of(System.getProperty("vidu.spec", "vidu.yaml"));

  static JsonObject yaml;
  static JsonObject json;

  @BeforeAll
  static void read() throws IOException {
    yaml =
        new Gson()
            .toJsonTree(new Yaml().<Map<String, Object>>load(Files.readString(SPEC)))
            .getAsJsonObject();
    json =
        JsonParser.parseString(new String(entry(DIR + "vidu.json"), StandardCharsets.UTF_8))
            .getAsJsonObject();
  }

  static JarFile jar() throws IOException {
    return new JarFile(System.getProperty("spec.jar"));
  }

  static byte[] entry(String name) throws IOException {
    try (JarFile jar = jar()) {
      JarEntry entry = jar.getJarEntry(name);
      assertThat(entry).as(name).isNotNull();
      try (InputStream in = jar.getInputStream(entry)) {
        return in.readAllBytes();
      }
    }
  }

  @Test
  void jarHoldsTheSpecAndItsKitAndNoCompiledCode() throws IOException {
    List<String> files = new ArrayList<>();
    try (JarFile jar = jar()) {
      jar.stream()
          .filter(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/"))
          .forEach(e -> files.add(e.getName()));
    }
    assertThat(files)
        .contains(
            DIR + "vidu.yaml",
            DIR + "vidu.json",
            DIR + "callback-vectors.json",
            DIR + "README.md",
            DIR + "python/generator.yaml",
            DIR + "python/requirements.txt",
            DIR + "python/templates/api.mustache",
            DIR + "typescript/generator.yaml",
            DIR + "typescript/package.json",
            DIR + "typescript/package-lock.json",
            DIR + "typescript/tsconfig.json",
            DIR + "receivers/python/vidu_callback.py",
            DIR + "receivers/node/vidu-callback.mjs",
            DIR + "receivers/spec_text/verify_from_spec.py")
        .allMatch(name -> name.startsWith(DIR))
        .noneMatch(name -> name.endsWith(".class"));
  }

  @Test
  void theKitZipHoldsWhatTheJarHolds() throws IOException {
    Path zip = Path.of(System.getProperty("spec.jar").replaceFirst("\\.jar$", "-kit.zip"));
    List<String> zipped = new ArrayList<>();
    try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
      file.stream()
          .filter(e -> !e.isDirectory())
          .forEach(e -> zipped.add(e.getName().substring(e.getName().indexOf('/') + 1)));
    }
    List<String> jarred = new ArrayList<>();
    try (JarFile jar = jar()) {
      jar.stream()
          .filter(e -> !e.isDirectory() && e.getName().startsWith(DIR))
          .forEach(e -> jarred.add(e.getName().substring(DIR.length())));
    }
    assertThat(zipped).containsExactlyInAnyOrderElementsOf(jarred);
  }

  @Test
  void yamlAndVectorsAreTheCommittedFilesByteForByte() throws IOException {
    assertThat(entry(DIR + "vidu.yaml")).isEqualTo(Files.readAllBytes(SPEC));
    assertThat(entry(DIR + "callback-vectors.json"))
        .isEqualTo(Files.readAllBytes(SPEC.resolveSibling("callback-vectors.json")));
  }

  @Test
  void jsonBesideTheYamlIsTheOneInTheJar() throws IOException {
    assertThat(Files.readAllBytes(SPEC.resolveSibling("vidu.json")))
        .isEqualTo(entry(DIR + "vidu.json"));
  }

  @Test
  void jsonIsTheSameSpec() {
    assertThat(json.get("openapi").getAsString()).isEqualTo(yaml.get("openapi").getAsString());
    assertThat(json.get("info")).isEqualTo(yaml.get("info"));
    assertThat(json.getAsJsonObject("paths").keySet())
        .isEqualTo(yaml.getAsJsonObject("paths").keySet());
    assertThat(operationIds(json)).isEqualTo(operationIds(yaml)).isNotEmpty();
    JsonObject jsonSchemas = json.getAsJsonObject("components").getAsJsonObject("schemas");
    JsonObject yamlSchemas = yaml.getAsJsonObject("components").getAsJsonObject("schemas");
    assertThat(jsonSchemas.keySet()).isEqualTo(yamlSchemas.keySet());
    for (String name : yamlSchemas.keySet()) {
      JsonObject fromYaml = yamlSchemas.getAsJsonObject(name);
      for (String key : fromYaml.keySet()) {
        if (key.startsWith("x-")) {
          assertThat(jsonSchemas.getAsJsonObject(name).get(key))
              .as(name + "." + key)
              .isEqualTo(fromYaml.get(key));
        }
      }
    }
  }

  private static Set<String> operationIds(JsonObject spec) {
    Set<String> ids = new TreeSet<>();
    collect(spec.get("paths"), ids);
    return ids;
  }

  private static void collect(JsonElement element, Set<String> ids) {
    if (element.isJsonObject()) {
      JsonObject object = element.getAsJsonObject();
      if (object.has("operationId") && object.get("operationId").isJsonPrimitive()) {
        ids.add(object.get("operationId").getAsString());
      }
      object.entrySet().forEach(e -> collect(e.getValue(), ids));
    } else if (element.isJsonArray()) {
      element.getAsJsonArray().forEach(e -> collect(e, ids));
    }
  }
}
