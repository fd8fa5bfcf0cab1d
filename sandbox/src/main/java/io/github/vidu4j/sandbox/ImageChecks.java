package io.github.vidu4j.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Vidu's checks of a request's images by an operation's {@code x-vidu-image-rules}: each an http(s)
 * URL or a data URI of an accepted format, byte count, size and shape; start and end frames close
 * enough in pixel count.
 */
final class ImageChecks {
  private static final String DATA_PREFIX = "data:image/";

  private ImageChecks() {}

  /** Whether {@code text} is an absolute http(s) URL with a host. */
  static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Why {@code image} (a URL or a data URI) is refused, or null. */
  static @Nullable String problem(String image, SpecOperation.Limits limits) {
    if (!image.regionMatches(true, 0, "data:", 0, 5)) {
      return isHttpUrl(image) ? null : "must be an http(s) URL or a data:image/...;base64, URI";
    }
    int comma = image.indexOf(',');
    String format = comma < 0 ? null : format(image.substring(0, comma));
    if (format == null) {
      return "a data URI must start data:image/<"
          + String.join("|", limits.formats())
          + ">;base64,";
    }
    if (!limits.formats().contains(format)) {
      return "image/" + format + " is not one of " + limits.formats();
    }
    String base64 = image.substring(comma + 1);
    if ((long) base64.length() / 4 * 3 > limits.maxImageBytes()) {
      return "at most " + limits.maxImageBytes() + " bytes per image";
    }
    int[] size = dimensions(image);
    if (size == null) {
      return "not valid base64 of a " + format + " image";
    }
    int longer = Math.max(size[0], size[1]);
    int shorter = Math.min(size[0], size[1]);
    if (size[0] < limits.minWidth() || size[1] < limits.minHeight()) {
      return size[0] + "x" + size[1] + ", at least " + limits.minWidth() + "x" + limits.minHeight();
    }
    if (longer > limits.maxAspectRatio() * shorter) {
      return size[0] + "x" + size[1] + ", aspect ratio beyond 1:" + limits.maxAspectRatio();
    }
    return null;
  }

  /**
   * Why the start and end frames are refused: the ratio of their pixel counts is outside the
   * limits' (checked when both are data URIs, as nothing is fetched), or null.
   */
  static @Nullable String pairProblem(JsonArray images, SpecOperation.Limits limits) {
    if (limits.minPixelRatio() == null || images.size() != 2) {
      return null;
    }
    int[][] pair = new int[2][];
    for (int i = 0; i < 2; i++) {
      JsonElement image = images.get(i);
      pair[i] =
          image.isJsonPrimitive() && image.getAsString().regionMatches(true, 0, "data:", 0, 5)
              ? dimensions(image.getAsString())
              : null;
      if (pair[i] == null) {
        return null;
      }
    }
    double min = limits.minPixelRatio();
    double max = limits.maxPixelRatio() == null ? 1 / min : limits.maxPixelRatio();
    double ratio = (double) pair[0][0] * pair[0][1] / ((double) pair[1][0] * pair[1][1]);
    if (ratio >= min && ratio <= max) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "%dx%d and %dx%d: the start and end frames' pixel counts must be within %s to %s of each"
            + " other (ratio %.2f)",
        pair[0][0],
        pair[0][1],
        pair[1][0],
        pair[1][1],
        min,
        max,
        ratio);
  }

  /** A data URI's image size, or null if it is not a readable image of the format it names. */
  static int @Nullable [] dimensions(String dataUri) {
    int comma = dataUri.indexOf(',');
    String format = comma < 0 ? null : format(dataUri.substring(0, comma));
    if (format == null) {
      return null;
    }
    try {
      byte[] bytes =
          Base64.getDecoder()
              .decode(dataUri.substring(comma + 1).getBytes(StandardCharsets.US_ASCII));
      return ImageDimensions.of(bytes, format);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The format a data URI's header names ({@code data:image/png;base64}: png), or null. */
  private static @Nullable String format(String header) {
    return header.regionMatches(true, 0, DATA_PREFIX, 0, DATA_PREFIX.length())
            && header.toLowerCase(Locale.ROOT).endsWith(";base64")
        ? header
            .substring(DATA_PREFIX.length(), header.length() - ";base64".length())
            .toLowerCase(Locale.ROOT)
        : null;
  }
}
