package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxMainTest {
  @Test
  void optionsParseAndTheBannerNamesUrlAndKey() {
    SandboxOptions options =
        SandboxMain.parse(new String[] {"--api-key", "k1", "--processing-time", "PT1S"});
    assertThat(options.apiKeys()).containsExactly("k1");
    assertThat(options.processingTime()).isEqualTo(Duration.ofSeconds(1));
    try (ViduSandbox sandbox = ViduSandbox.start(options)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SandboxMain.printBanner(sandbox, new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("listening on " + sandbox.origin() + System.lineSeparator())
          .contains("Demo API key: k1")
          .contains("Ctrl-C");
    }
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "x"}))
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--colour", "red"}))
        .hasMessageContaining("--colour");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--api-key"}))
        .hasMessageContaining("needs a value");
  }

  @Test
  void optionsNeverPrintKeys() {
    SandboxOptions options = SandboxOptions.builder().apiKey("very-secret-key").build();
    assertThat(options.toString()).doesNotContain("very-secret-key");
    assertThat(options.toBuilder().build().apiKeys()).containsExactly("very-secret-key");
    assertThat(SandboxOptions.defaults().apiKeys()).containsExactly(SandboxOptions.DEMO_KEY);
  }
}
