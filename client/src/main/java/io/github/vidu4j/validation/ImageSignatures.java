package io.github.vidu4j.internal;

import io.github.vidu4j.validation.ImageInfo;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The format an image's first bytes announce: shared by validation (before sending), downloads
 * (naming a saved file) and batches (checking a saved file), and no part of the public API.
 */
public final class ImageSignatures {
  private ImageSignatures() {}

  /**
   * The format the first {@code length} bytes of {@code head} announce by their signature, if one
   * of {@link ImageInfo.Format}; nothing else is checked (at least 12 bytes are needed to tell
   * WebP).
   */
  public static Optional<ImageInfo.Format> of(byte[] head, int length) {
    if (length >= 8 && startsWith(head, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
      return Optional.of(ImageInfo.Format.PNG);
    }
    if (length >= 3 && startsWith(head, 0xff, 0xd8, 0xff)) {
      return Optional.of(ImageInfo.Format.JPEG);
    }
    if (length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
      return Optional.of(ImageInfo.Format.WEBP);
    }
    return Optional.empty();
  }

  /** Whether {@code bytes} begins with {@code prefix}, each an unsigned byte value. */
  public static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** {@code length} bytes from {@code offset} read as Latin-1, one char per byte. */
  public static String ascii(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
  }
}
