package io.github.vidu4j.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The BOM has no parent, so the parent's enforcer rules that check every other module's Maven
 * Central metadata do not reach it: checked here, on the POM as it is published.
 */
class PublishedPomMetadataTest {
  private static final Path ROOT = Path.of(System.getProperty("vidu.spec")).getParent().getParent();

  @Test
  void theBomCarriesWhatMavenCentralRequires() throws Exception {
    Document bom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(ROOT.resolve("bom/pom.xml").toFile());
    for (String required :
        new String[] {
          "name",
          "description",
          "url",
          "licenses/license/name",
          "licenses/license/url",
          "developers/developer/name",
          "scm/url",
          "scm/connection",
          "scm/developerConnection"
        }) {
      String value =
          (String)
              XPathFactory.newInstance()
                  .newXPath()
                  .evaluate(
                      "/*[local-name()='project']/" + localNames(required),
                      bom,
                      XPathConstants.STRING);
      assertThat(value.trim()).as(required).isNotEmpty();
    }
    assertThat(text(bom, "licenses/license/name")).isEqualTo("Apache-2.0");
    assertThat(text(bom, "parent"))
        .as("no parent: an import would bring the parent's pins")
        .isEmpty();
  }

  private static String text(Document pom, String path) throws Exception {
    return ((String)
            XPathFactory.newInstance()
                .newXPath()
                .evaluate(
                    "/*[local-name()='project']/" + localNames(path), pom, XPathConstants.STRING))
        .trim();
  }

  private static String localNames(String path) {
    StringBuilder xpath = new StringBuilder();
    for (String step : path.split("/")) {
      if (!xpath.isEmpty()) {
        xpath.append('/');
      }
      xpath.append("*[local-name()='").append(step).append("']");
    }
    return xpath.toString();
  }
}
