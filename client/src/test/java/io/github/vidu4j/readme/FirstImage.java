package io.github.vidu4j.readme;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TaskCreations;
import java.nio.file.Path;

public final class FirstImage {
  public static void main(String[] args) {
    try (ViduClient client = ViduClient.fromEnv()) { // reads VIDU_API_KEY
      TaskCreations done = client.images().createAndAwait(new ReferenceToImageRequest().model("viduq2").prompt("a red fox in the snow"));
      System.out.println(client.downloads().toFile(done.getCreations().get(0).getUrl(), Path.of("fox.png"))); // fox.png
    }
  }
}
