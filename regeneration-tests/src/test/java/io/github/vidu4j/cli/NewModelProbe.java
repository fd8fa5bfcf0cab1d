package io.github.vidu4j.cli;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import io.github.vidu4j.validation.RequestValidator;
import io.github.vidu4j.validation.ViduValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

/**
 * Run by SpecRegenerationTest in a JVM whose vidu4j-generated comes from a spec with a model {@code
 * viduq3} added: the unchanged validator, sandbox and CLI must know it.
 */
public final class NewModelProbe {
  private NewModelProbe() {}

  public static void main(String[] args) {
    ReferenceToImageRequest request =
        new ReferenceToImageRequest().model("viduq3").prompt("a lighthouse");
    RequestValidator.strict().validate(request);
    try {
      RequestValidator.strict()
          .validate(
              new ReferenceToImageRequest()
                  .model("viduq3")
                  .prompt("x")
                  .images(Collections.nCopies(4, "https://example.com/a.png")));
      throw new AssertionError("viduq3's max_images of 3 was not applied");
    } catch (ViduValidationException expected) {
      System.out.println("validator: viduq3 valid; 4 images refused");
    }
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast())) {
      ViduClient client =
          ViduClient.builder().apiKey(sandbox.demoKey()).baseUrl(sandbox.baseUrl()).build();
      ReferenceToImageTask task = client.images().create(request);
      System.out.println(
          "sandbox: "
              + task.getModel()
              + " created, aspect_ratio "
              + task.getAspectRatio()
              + ", resolution "
              + task.getResolution());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit =
          ViduCli.run(
              new String[] {"image", "create", "--model", "viduq3", "--prompt", "a lighthouse"},
              Map.of("VIDU_API_KEY", sandbox.demoKey(), "VIDU_BASE_URL", sandbox.baseUrl()),
              out,
              err,
              false);
      System.out.println(
          "cli: exit "
              + exit
              + " "
              + out.toString(StandardCharsets.UTF_8).trim()
              + " "
              + err.toString(StandardCharsets.UTF_8).trim());
    }
  }
}
