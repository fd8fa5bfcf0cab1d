package io.github.vidu4j.sandbox.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.model.*;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImageServiceTest {
  @RegisterExtension static ViduSandboxExtension vidu = ViduSandboxExtension.create();

  @Test void generatesAnImage(ViduClient client) {
    TaskCreations done = client.images().createAndAwait(new ReferenceToImageRequest().model("viduq2").prompt("a red fox"));
    assertEquals(TaskState.SUCCESS, done.getState());
  }
}
