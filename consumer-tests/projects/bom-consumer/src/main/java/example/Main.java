package example;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;

/** Text to image against a local sandbox, through the published API only. */
public final class Main {
  public static void main(String[] args) {
    try (ViduSandbox sandbox = ViduSandbox.start(SandboxOptions.fast());
        ViduClient client =
            ViduClient.builder().apiKey(sandbox.demoKey()).baseUrl(sandbox.baseUrl()).build()) {
      TaskCreations done =
          client
              .images()
              .createAndAwait(new ReferenceToImageRequest().model("viduq2").prompt("a red fox"));
      System.out.println("consumer: " + done.getState() + ", " + done.getCreations().size() + " image(s)");
    }
  }
}
