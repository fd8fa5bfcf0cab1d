package io.github.vidu4j.readme;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.validation.ImageInput;
import java.nio.file.Path;
import java.util.List;

public final class QuickStart {
  public static void main(String[] args) {
    try (ViduClient client = ViduClient.fromEnv()) { // VIDU_API_KEY, and VIDU_BASE_URL if set
      ReferenceToImageRequest request = new ReferenceToImageRequest()
          .model("viduq2")
          .prompt("a red fox in the snow, in the style of this sketch")
          .images(List.of(ImageInput.fromFile(Path.of("sketch.png")).value())) // checked locally, sent as a data URI
          .aspectRatio("auto")
          .resolution("2K");
      TaskCreations done = client.images().createAndAwait(request); // validates, creates once, polls to the end
      Path file = client.downloads().toFile(done.getCreations().get(0).getUrl(), Path.of("fox.png"));
      System.out.println("saved " + file);
    }
  }
}
