package io.github.vidu4j.validation;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The format an image's first bytes announce: validation's sniffer reads it here, everyone else
 * through {@link ImageInfo.Format#ofSignature}.
 */
final class ImageSignatures {
  private ImageSignatures() {}

  /**
   * The format the first {@code length} bytes of {@code head} announce by their signature, if one
   * of {@link ImageInfo.Format}; nothing else is checked (at least 12 bytes are needed to tell
   * WebP).
   */
  static Optional<ImageInfo.Format> of(byte[] head, int length) {
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
  static boolean startsWith(byte[] bytes, int... prefix) {
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
  static String ascii(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
  }
}
