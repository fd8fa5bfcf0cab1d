package io.github.vidu4j.batch;

import io.github.vidu4j.validation.ImageInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The entries of a batch line's {@code images}, whatever its operation: URLs and data URIs as they
 * are, local files checked when the file is read (inside its folder unless any path is allowed, a
 * regular file) and read only when the line is sent.
 */
final class LineImages {
  private LineImages() {}

  /**
   * An entry of the images array as it is kept: a URL or data URI as it is, a local file's checked
   * real path (noted in {@code local} at {@code index}, read only when the line is sent).
   */
  static @Nullable String resolve(
      @Nullable String image,
      int index,
      Map<Integer, Path> local,
      Path folder,
      boolean anyImagePath) {
    String lower = image == null ? "" : image.toLowerCase(Locale.ROOT);
    if (image == null || lower.startsWith("data:")) {
      return image;
    }
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return ImageInput.fromUrl(image).value();
    }
    Path path = localImage(image, folder, anyImagePath);
    local.put(index, path);
    return path.toString();
  }

  /**
   * A local image's file, checked to be a regular file inside {@code folder} (unless {@code
   * anywhere}); the containment is decided on the path as written, before the file system is asked
   * anything, so a refusal says nothing of what exists elsewhere.
   */
  private static Path localImage(String image, Path folder, boolean anywhere) {
    String shown = "image \"" + shown(image) + "\"";
    Path given;
    try {
      given = Path.of(image);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("images: " + shown + " is not a file path");
    }
    Path resolved = folder.resolve(given).normalize();
    if (!anywhere && (given.isAbsolute() || !resolved.startsWith(folder))) {
      throw new IllegalArgumentException(
          "images: "
              + shown
              + " is outside the batch file's folder; paths are relative to it and stay inside it"
              + " (allow others with --allow-any-image-path, or BatchFile.read(file, validator, true))");
    }
    Path real;
    try {
      real = resolved.toRealPath();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("images: " + shown + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException("images: " + shown + " cannot be read");
    }
    if (!anywhere && !real.startsWith(realFolder(folder))) {
      throw new IllegalArgumentException(
          "images: " + shown + " is a link to outside the batch file's folder");
    }
    if (!Files.isRegularFile(real)) {
      throw new IllegalArgumentException(
          "images: " + shown + " is not a regular file (a folder, FIFO or device is never read)");
    }
    return real;
  }

  /** The path as written, control characters escaped and cut at 120 characters. */
  static String shown(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < 120; i++) {
      char c = text.charAt(i);
      out.append(
          Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x202e
              ? String.format(Locale.ROOT, "\\u%04x", (int) c)
              : String.valueOf(c));
    }
    return text.length() > 120 ? out + "... (" + text.length() + " characters)" : out.toString();
  }

  private static Path realFolder(Path folder) {
    try {
      return folder.toRealPath();
    } catch (IOException e) {
      return folder;
    }
  }
}
