package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Width and height of a task's result: its aspect ratio at its resolution; {@code auto} (or no
 * ratio) follows the first image, read from a data URI or fetched from a loopback URL.
 */
final class ResultSizes implements AutoCloseable {
  private static final Pattern IP_LITERAL =
      Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /** The most bytes read of a fetched first image. */
  private static final int MAX_IMAGE_BYTES = 50_000_000;

  private final OkHttpClient imageFetcher =
      new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(3)).build();

  /** The result's width and height for the request {@code body}. */
  int[] of(JsonObject body) {
    JsonElement resolution = body.get("resolution");
    JsonElement aspectRatio = body.get("aspect_ratio");
    double[] ratio =
        aspectRatio == null || !aspectRatio.isJsonPrimitive()
            ? null
            : ResultImages.ratio(aspectRatio.getAsString());
    if (ratio == null) {
      JsonElement images = body.get("images");
      int[] first =
          images == null || !images.isJsonArray() || images.getAsJsonArray().isEmpty()
              ? null
              : firstImage(images.getAsJsonArray().get(0).getAsString());
      ratio = first == null ? new double[] {16, 9} : new double[] {first[0], first[1]};
    }
    return ResultImages.size(
        ratio[0],
        ratio[1],
        resolution == null || !resolution.isJsonPrimitive() ? "1080p" : resolution.getAsString());
  }

  /** Loopback by name or by literal address; never a DNS lookup, which would leave the machine. */
  static boolean isLoopback(@Nullable String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!IP_LITERAL.matcher(literal).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress(); // a literal: parsed, not looked up
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The first image's size: decoded from a data URI, fetched for a loopback URL (this sandbox's own
   * results among them, over HTTP like any other). The sandbox stays offline, so other hosts are
   * not fetched: {@code null}, and {@code auto} then falls back to 16:9.
   */
  private int @Nullable [] firstImage(String image) {
    try {
      if (image.regionMatches(true, 0, "data:", 0, 5)) {
        return ImageChecks.dimensions(image);
      }
      URI uri = URI.create(image);
      if (!isLoopback(uri.getHost())) {
        return null;
      }
      byte[] bytes;
      try (Response response =
          imageFetcher.newCall(new Request.Builder().url(image).build()).execute()) {
        if (!response.isSuccessful()) {
          throw new ApiError(
              400,
              "ImageDownloadFailure",
              "image download failure: images[0] answered " + response.code());
        }
        bytes = response.body().byteStream().readNBytes(MAX_IMAGE_BYTES + 1);
      }
      if (bytes.length > MAX_IMAGE_BYTES) {
        throw new ApiError(
            400,
            "ImageSizeInvalid",
            "invalid image size: images[0] is over " + MAX_IMAGE_BYTES + " bytes");
      }
      int[] size = ImageDimensions.of(bytes, null);
      if (size == null) {
        throw new ApiError(
            400,
            "ImageFormatInvalid",
            "invalid image format: images[0] is not a PNG, JPEG or WebP image");
      }
      return size;
    } catch (IOException | IllegalArgumentException e) {
      throw new ApiError(
          400,
          "ImageDownloadFailure",
          "image download failure: images[0] (" + e.getMessage() + ")");
    }
  }

  @Override
  public void close() {
    imageFetcher.dispatcher().executorService().shutdown();
    imageFetcher.connectionPool().evictAll();
  }
}
