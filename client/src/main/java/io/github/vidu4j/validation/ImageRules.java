package io.github.vidu4j.validation;

import java.util.List;

/**
 * The model-independent limits: {@code x-vidu-image-rules} in {@code openapi/vidu.yaml}, as read by
 * {@link ViduRules}. The values are the spec's; nothing here restates them. Read through {@link
 * ViduRules} by the validator, the sandbox and the CLI's help.
 *
 * @param formats the accepted image formats, lower case ({@code png}, ...), as {@link
 *     ImageInfo.Format} names them
 * @param minWidth the least image width, pixels
 * @param minHeight the least image height, pixels
 * @param maxAspectRatio the most the longer side may be, in multiples of the shorter
 * @param maxImageBytes the most bytes of one image
 * @param maxBodyBytes the most bytes of the whole JSON request body
 * @param promptMaxCodePoints the longest prompt, in Unicode code points
 * @param payloadMaxChars the longest payload, in characters
 */
public record ImageRules(
    List<String> formats,
    int minWidth,
    int minHeight,
    int maxAspectRatio,
    long maxImageBytes,
    long maxBodyBytes,
    int promptMaxCodePoints,
    int payloadMaxChars) {

  /** Copies the list, so a rule never changes. */
  public ImageRules {
    formats = List.copyOf(formats);
  }

  /** Whether {@code format} is one of {@link #formats()}. */
  public boolean accepts(ImageInfo.Format format) {
    return formats.contains(format.name().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * The accepted formats' MIME types for a message, for example {@code image/png, image/jpeg or
   * image/webp}.
   */
  public String mimeTypes() {
    List<String> types = formats.stream().map(f -> "image/" + f).toList();
    return types.size() < 2
        ? String.join("", types)
        : String.join(", ", types.subList(0, types.size() - 1))
            + " or "
            + types.get(types.size() - 1);
  }

  /** {@code maxImageBytes} in decimal megabytes, as Vidu's documents write it ("50 MB"). */
  public String maxImageSize() {
    return megabytes(maxImageBytes);
  }

  /** {@code maxBodyBytes} in decimal megabytes, as Vidu's documents write it ("20 MB"). */
  public String maxBodySize() {
    return megabytes(maxBodyBytes);
  }

  private static String megabytes(long bytes) {
    return bytes % 1_000_000 == 0
        ? bytes / 1_000_000 + " MB"
        : String.format(java.util.Locale.ROOT, "%,d bytes", bytes);
  }
}
