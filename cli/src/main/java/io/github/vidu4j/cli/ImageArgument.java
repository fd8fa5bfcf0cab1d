package io.github.vidu4j.cli;

import io.github.vidu4j.validation.ImageInput;
import java.nio.file.Path;
import java.util.Locale;

/** An {@code --image} as the request carries it: a URL or data URI as given, a file inlined. */
final class ImageArgument {
  private ImageArgument() {}

  /**
   * An http(s) URL (checked, not fetched) or a {@code data:} URI as given; anything else is a local
   * file, read and checked into a data URI. A problem is a {@code ViduValidationException}.
   */
  static String value(String image) {
    String lower = image.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return ImageInput.fromUrl(image).value();
    }
    if (lower.startsWith("data:")) {
      return image;
    }
    return ImageInput.fromFile(Path.of(image)).value();
  }
}
