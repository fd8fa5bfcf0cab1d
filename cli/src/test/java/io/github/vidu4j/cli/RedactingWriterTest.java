package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactingWriterTest {
  @Test
  void longSecretsAreMaskedEvenWhenWrittenInPieces() {
    StringWriter target = new StringWriter();
    RedactingWriter redactor = new RedactingWriter(target);
    redactor.register("vda_secret_0123");
    PrintWriter out = new PrintWriter(redactor, true);
    out.print("key vda_sec");
    out.println("ret_0123 here");
    assertThat(target.toString()).isEqualTo("key <redacted> here" + System.lineSeparator());
  }

  @Test
  void shortSecretsAreNotMaskedAsSubstringsOfOrdinaryText() {
    StringWriter target = new StringWriter();
    RedactingWriter redactor = new RedactingWriter(target);
    redactor.register("vidu");
    PrintWriter out = new PrintWriter(redactor, true);
    out.println("X-HMAC-ACCESS-KEY: vidu");
    assertThat(target.toString()).contains("X-HMAC-ACCESS-KEY: vidu");
  }

  @Test
  void secretsAreCollectedAsGivenAndTrimmed() {
    assertThat(
            Secrets.in(
                new String[] {"--api-key", "  vda_padded_key_1  ", "--secret=cb_secret_22 "},
                Map.of("VIDU_API_KEY", " vda_env_key_333\n"),
                Set.of("--api-key", "--secret")))
        .contains(
            "  vda_padded_key_1  ",
            "vda_padded_key_1",
            "cb_secret_22 ",
            "cb_secret_22",
            "vda_env_key_333");
  }

  @Test
  void anOptionNameAfterASecretOptionIsNotASecret() {
    // The parser refuses it as the key ("... but found '--sandbox'"): masking it would garble that
    // message.
    assertThat(
            Secrets.in(
                new String[] {"--api-key", "--sandbox", "credits"},
                Map.of(),
                Set.of("--api-key", "--sandbox")))
        .isEmpty();
  }
}
