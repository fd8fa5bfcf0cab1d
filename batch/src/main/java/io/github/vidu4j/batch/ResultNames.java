package io.github.vidu4j.batch;

import io.github.vidu4j.validation.ImageInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The one rule naming a saved result file's extension, for {@link TaskFiles} and batch runs alike:
 * what the file's first bytes are ({@code png}, {@code jpg}, {@code webp}, {@code mp4}), else what
 * the URL's path ends with, else {@code bin}.
 */
final class ResultNames {
  private ResultNames() {}

  /** The extension for {@code file}, downloaded from {@code url}. */
  static String extension(Path file, String url) throws IOException {
    byte[] head = new byte[12];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 8 && new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
      return "mp4"; // an ISO base media file: a video
    }
    return ImageInfo.Format.ofSignature(head, n)
        .or(() -> fromUrl(url))
        .map(ImageInfo.Format::extension)
        .orElse("bin");
  }

  private static Optional<ImageInfo.Format> fromUrl(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      return Optional.empty();
    }
    String path = parsed.encodedPath();
    int dot = path.lastIndexOf('.');
    return dot < 0 || path.indexOf('/', dot) >= 0
        ? Optional.empty()
        : ImageInfo.Format.named(path.substring(dot + 1));
  }
}
