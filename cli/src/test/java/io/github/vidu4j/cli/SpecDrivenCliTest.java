package io.github.vidu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.Images;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import io.github.vidu4j.validation.OperationModel;
import io.github.vidu4j.validation.ViduRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the CLI says about models comes from the spec; --field sends what the spec does not know
 * yet.
 */
class SpecDrivenCliTest {
  static final String KEY = SandboxedCli.KEY;

  @RegisterExtension
  static final ViduSandboxExtension vidu =
      ViduSandboxExtension.withOptions(
          SandboxOptions.fast().toBuilder()
              .apiKey(KEY)
              .acceptRequestField("watermark")
              .acceptRequestField("n")
              .acceptRequestField("opts")
              .build());

  CliRun vidu(String... args) {
    return SandboxedCli.run(vidu, args);
  }

  @Test
  void fieldsAreSentAsStringsOrAsJson() {
    CliRun run =
        vidu(
            "image",
            "create",
            "--model",
            "viduq2",
            "--prompt",
            "a fox",
            "--field",
            "watermark=high",
            "--field",
            "n:=2",
            "--field",
            "opts:={\"a\":[1,true]}");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonObject body =
        JsonParser.parseString(
                vidu.sandbox().received().get(vidu.sandbox().received().size() - 1).requestBody())
            .getAsJsonObject();
    assertThat(body.get("watermark").getAsString()).isEqualTo("high");
    assertThat(body.get("n").getAsInt()).isEqualTo(2);
    assertThat(body.getAsJsonObject("opts").toString()).isEqualTo("{\"a\":[1,true]}");
  }

  @Test
  void aFieldTheSandboxDoesNotAcceptComesBackAsVidusFieldUnwanted() {
    CliRun run =
        vidu(
            "image",
            "create",
            "--model",
            "viduq2",
            "--prompt",
            "a fox",
            "--field",
            "meta_data=disabled");
    assertThat(run.exitCode()).as(run.toString()).isNotZero();
    assertThat(run.err()).contains("FieldUnwanted").contains("meta_data");
  }

  @Test
  void badFieldsExitTwoAndSendNothing() {
    int before = vidu.sandbox().received().size();
    assertThat(
            vidu(
                    "image",
                    "create",
                    "--model",
                    "viduq2",
                    "--prompt",
                    "a fox",
                    "--field",
                    "watermark")
                .exitCode())
        .isEqualTo(2);
    assertThat(
            vidu("image", "create", "--model", "viduq2", "--prompt", "a fox", "--field", "n:=two")
                .exitCode())
        .isEqualTo(2);
    assertThat(
            vidu(
                    "image",
                    "create",
                    "--model",
                    "viduq2",
                    "--prompt",
                    "a fox",
                    "--field",
                    "model=viduq1")
                .exitCode())
        .isEqualTo(2);
    assertThat(vidu.sandbox().received()).hasSize(before);
  }

  @Test
  void helpListsTheSpecsModelsAndLimits() {
    CliRun run = vidu("image", "create", "--help");
    String help = run.out().replaceAll("\\s+", " ");
    for (OperationModel model : Images.REFERENCE_TO_IMAGE.models().values()) {
      assertThat(help)
          .contains(
              model.model() + " (" + model.minImages() + " to " + model.maxImages() + " images")
          .contains(
              model.model()
                  + " ("
                  + String.join(", ", model.resolutions())
                  + "; default "
                  + model.defaultResolution()
                  + ")");
    }
    assertThat(help)
        .contains("at most " + ViduRules.spec().images().promptMaxCodePoints() + " characters");
    assertThat(vidu("task", "list", "--help").out().replaceAll("\\s+", " "))
        .contains("1 to " + ViduRules.spec().maxPageSize());
  }
}
