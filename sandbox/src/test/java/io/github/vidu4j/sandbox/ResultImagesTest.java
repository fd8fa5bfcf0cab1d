package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The rendered results: the size asked for, the same picture for the same seed, and the prompt
 * visible on it.
 */
class ResultImagesTest {
  private static BufferedImage decode(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  /**
   * Pixels that differ between two images of the same size, in the rows from {@code fromRow} down.
   */
  private static int differingPixels(BufferedImage a, BufferedImage b, int fromRow) {
    int differing = 0;
    for (int y = fromRow; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          differing++;
        }
      }
    }
    return differing;
  }

  @Test
  void theSameSeedAndPromptGiveTheSameBytesAtTheSizeAskedFor() throws IOException {
    int[] size = ResultImages.size(16, 9, "2K");
    byte[] first = ResultImages.render(size[0], size[1], 7, "a paper boat", "caption");

    assertThat(ResultImages.render(size[0], size[1], 7, "a paper boat", "caption"))
        .isEqualTo(first);
    BufferedImage image = decode(first);
    assertThat(image.getWidth()).isEqualTo(2560);
    assertThat(image.getHeight()).isEqualTo(1440);
  }

  /** Only the text differs, so only the caption band may change: the prompt is drawn there. */
  @Test
  void thePromptIsVisibleOnTheImage() throws IOException {
    assumeTrue(
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames().length > 0,
        "this machine has no fonts; the sandbox then renders images without writing");
    int[] size = ResultImages.size(16, 9, "1080p");
    BufferedImage fox =
        decode(ResultImages.render(size[0], size[1], 7, "a red fox in the snow", "caption"));
    BufferedImage boat =
        decode(ResultImages.render(size[0], size[1], 7, "a paper boat on a pond", "caption"));

    assertThat(differingPixels(fox, boat, 0))
        .as("pixels that differ with the prompt")
        .isGreaterThan(1_000);
    assertThat(differingPixels(fox, boat, 0))
        .as("all of them in the caption band")
        .isEqualTo(differingPixels(fox, boat, size[1] / 2));
  }
}
