package io.github.vidu4j.cli;

import com.google.gson.JsonObject;
import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.ViduValidationException;

/**
 * Run by SpecRegenerationTest in a JVM whose vidu4j-generated comes from a spec with a fifth video
 * operation, {@code POST /ent/v2/digital-human}, added: the unchanged client must send it through
 * its generic create path and the unchanged sandbox must accept it and make its MP4.
 */
public final class NewOperationProbe {
  private NewOperationProbe() {}

  public static void main(String[] args) {
    GenerationOperation operation =
        GenerationOperation.named("digital-human")
            .orElseThrow(() -> new AssertionError("the spec's new operation is not known"));
    System.out.println("operation: " + operation + " " + operation.output());
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast());
        ViduClient client =
            ViduClient.builder().apiKey(sandbox.demoKey()).baseUrl(sandbox.baseUrl()).build()) {
      JsonObject body = new JsonObject();
      body.addProperty("model", "viduq2-turbo");
      body.addProperty("image", "https://example.com/face.png");
      body.addProperty("prompt", "says hello");
      body.addProperty("resolution", "1080p");
      try {
        JsonObject bad = body.deepCopy();
        bad.addProperty("resolution", "4K");
        client.generations().create(operation, bad, RequestOptions.defaults());
        throw new AssertionError("4K was sent");
      } catch (ViduValidationException expected) {
        System.out.println("validator: " + expected.violations().get(0).code());
      }
      TaskCreations done =
          client
              .generations()
              .createAndAwait(operation, body, RequestOptions.defaults(), AwaitOptions.defaults());
      String url = done.getCreations().get(0).getUrl();
      System.out.println(
          "sandbox: "
              + done.getState()
              + " "
              + url.substring(url.lastIndexOf('.'), url.indexOf('?'))
              + " "
              + done.getCreations().get(0).getId());
    }
  }
}
