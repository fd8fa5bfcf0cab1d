package io.github.vidu4j.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The code of the README and of the pages in {@code docs/} is this module's test code: the same
 * text, compiled and run here (the callback receiver in {@code callback-servers}, which needs that
 * module).
 */
class ReadmeExamplesTest {
  private static final Path ROOT = Path.of(System.getProperty("vidu.spec", "../openapi/vidu.yaml")).toAbsolutePath().getParent().getParent();
  private static final Pattern COMPILED_BLOCK = Pattern.compile("<!-- compiled: (\\S+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern FILE_BLOCK = Pattern.compile("<!-- file: (\\S+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

  /** README.md and every page of docs/, where the README's sections went. */
  static String allDocs() throws Exception {
    StringBuilder all = new StringBuilder(Files.readString(ROOT.resolve("README.md")));
    try (java.util.stream.Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        all.append('\n').append(Files.readString(page));
      }
    }
    return all.toString();
  }

  /** Each block marked {@code <!-- compiled: path -->} is that test file from its first import on; its module compiles and runs it. */
  @Test
  void everyMarkedReadmeBlockIsTheCompiledFile() throws Exception {
    Matcher m = COMPILED_BLOCK.matcher(allDocs());
    int blocks = 0;
    while (m.find()) {
      blocks++;
      assertThat(m.group(2)).as("README block for %s", m.group(1)).isEqualTo(body(ROOT.resolve(m.group(1))));
    }
    assertThat(blocks).as("marked blocks (receiver, sandbox test)").isGreaterThanOrEqualTo(8);
  }

  /** Each block marked {@code <!-- file: path -->} is that file, whole (the complete consumer pom.xml). */
  @Test
  void everyFileBlockIsTheFile() throws Exception {
    Matcher m = FILE_BLOCK.matcher(allDocs());
    int blocks = 0;
    while (m.find()) {
      blocks++;
      assertThat(m.group(2)).as("docs block for %s", m.group(1)).isEqualTo(Files.readString(ROOT.resolve(m.group(1))));
    }
    assertThat(blocks).as("file blocks (the consumer pom.xml)").isGreaterThanOrEqualTo(1);
  }

  /** The consumer pom.xml is a whole project: Java 17, the BOM, the client, the sandbox with JUnit 5 and a Surefire that runs it. */
  @Test
  void theConsumerPomIsACompleteProject() throws Exception {
    org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(ROOT.resolve("docs/consumer/pom.xml").toFile());
    javax.xml.xpath.XPath xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
    assertThat(xpath.evaluate("/project/properties/maven.compiler.release", pom)).isEqualTo("17");
    assertThat(xpath.evaluate("/project/dependencyManagement/dependencies/dependency[artifactId='vidu4j-bom']/scope", pom)).isEqualTo("import");
    assertThat(xpath.evaluate("/project/dependencies/dependency[artifactId='vidu4j-client']/groupId", pom)).isEqualTo("io.github.vidu4j");
    assertThat(xpath.evaluate("/project/dependencies/dependency[artifactId='vidu4j-sandbox-junit5']/scope", pom)).isEqualTo("test");
    assertThat(xpath.evaluate("/project/dependencies/dependency[artifactId='junit-jupiter']/version", pom)).isEqualTo(System.getProperty("junit.version", "5.14.4"));
    assertThat(xpath.evaluate("/project/build/plugins/plugin[artifactId='maven-compiler-plugin']/version", pom)).isNotBlank();
    assertThat(xpath.evaluate("/project/build/plugins/plugin[artifactId='maven-surefire-plugin']/version", pom)).startsWith("3.");
  }

  /** The front door stays one: the README at most 250 lines, the rest in docs/. */
  @Test
  void theReadmeIsAFrontDoor() throws Exception {
    assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThanOrEqualTo(250);
  }

  /** The message the README says the validation example prints is the one it prints. */
  @Test
  void theReadmeShowsTheValidationMessageVerbatim() throws Exception {
    Matcher m = Pattern.compile("<!-- output: ValidationExample.check\\(\\) -->\\s*```\\n(.*?)\\n```", Pattern.DOTALL)
        .matcher(allDocs());
    assertThat(m.find()).as("README block <!-- output: ValidationExample.check() -->").isTrue();
    assertThat(m.group(1)).isEqualTo(ValidationExample.check());
  }

  @Test
  void validationExampleReportsEveryProblemAtOnce() {
    assertThat(ValidationExample.check())
        .startsWith("invalid request (3 problems):")
        .contains("images: viduq1 needs 1 to 7 images, got 0")
        .contains("aspect_ratio")
        .contains("resolution");
  }

  /** The file from its first import on: the README leaves out the package line. */
  static String body(Path file) throws Exception {
    String text = Files.readString(file);
    return text.substring(text.indexOf("import "));
  }
}
