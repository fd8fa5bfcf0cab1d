package io.github.vidu4j.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Vidu's server-side checks of a create request's fields, from {@link SpecRules} (the spec's rules)
 * alone: the sandbox shares no validation code with the client, so the two can disagree, and a
 * client rule made wrong shows up as a request the sandbox refuses.
 */
final class SpecChecks {
  /** A refused field: its name and why. */
  record Problem(String field, String detail) {
    @Override
    public String toString() {
      return field + ": " + detail;
    }
  }

  private static final String DATA_PREFIX = "data:image/";

  private SpecChecks() {}

  /**
   * Every problem of {@code json}, a create request whose required fields are present, sent as
   * {@code bodyBytes} bytes.
   */
  static List<Problem> check(JsonObject json, long bodyBytes) {
    SpecRules spec = SpecRules.spec();
    List<Problem> problems = new ArrayList<>();
    String modelName = string(json, "model");
    SpecRules.Model model = modelName == null ? null : spec.models.get(modelName);
    if (model == null) {
      problems.add(
          new Problem(
              "model",
              "unknown model " + modelName + "; known: " + String.join(", ", spec.modelNames())));
    }
    String prompt = string(json, "prompt");
    if (prompt != null) {
      if (prompt
          .codePoints()
          .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
        problems.add(new Problem("prompt", "must not be blank"));
      } else if (prompt.codePointCount(0, prompt.length()) > spec.promptMaxCodePoints) {
        problems.add(new Problem("prompt", "at most " + spec.promptMaxCodePoints + " characters"));
      }
    }
    JsonElement imagesValue = json.get("images");
    JsonArray images =
        imagesValue != null && imagesValue.isJsonArray()
            ? imagesValue.getAsJsonArray()
            : new JsonArray();
    int min = model == null ? 0 : model.minImages();
    int max = model == null ? spec.maxImages : Math.min(model.maxImages(), spec.maxImages);
    if (images.size() < min || images.size() > max) {
      problems.add(
          new Problem(
              "images",
              images.size()
                  + " images; "
                  + modelName
                  + " needs "
                  + min
                  + " to "
                  + max
                  + " images"));
    }
    for (int i = 0; i < images.size(); i++) {
      JsonElement image = images.get(i);
      String problem =
          image.isJsonPrimitive() ? imageProblem(image.getAsString(), spec) : "must be a string";
      if (problem != null) {
        problems.add(new Problem("images[" + i + "]", problem));
      }
    }
    String aspectRatio = string(json, "aspect_ratio");
    if (model != null && aspectRatio != null && !model.aspectRatios().contains(aspectRatio)) {
      problems.add(
          new Problem(
              "aspect_ratio",
              aspectRatio
                  + "; "
                  + model.name()
                  + " supports "
                  + String.join(", ", model.aspectRatios())));
    }
    String resolution = string(json, "resolution");
    if (model != null && resolution != null && !model.resolutions().contains(resolution)) {
      problems.add(
          new Problem(
              "resolution",
              resolution
                  + "; "
                  + model.name()
                  + " supports "
                  + String.join(", ", model.resolutions())));
    }
    String payload = string(json, "payload");
    if (payload != null && payload.codePointCount(0, payload.length()) > spec.payloadMaxChars) {
      problems.add(new Problem("payload", "at most " + spec.payloadMaxChars + " characters"));
    }
    String callbackUrl = string(json, "callback_url");
    if (callbackUrl != null && !isHttpUrl(callbackUrl)) {
      problems.add(new Problem("callback_url", "must be an absolute http(s) URL"));
    }
    if (bodyBytes > spec.maxBodyBytes) {
      problems.add(
          new Problem("request", bodyBytes + " bytes; at most " + spec.maxBodyBytes + " bytes"));
    }
    return problems;
  }

  private static @Nullable String string(JsonObject json, String field) {
    JsonElement value = json.get(field);
    return value == null || value.isJsonNull() || !value.isJsonPrimitive()
        ? null
        : value.getAsString();
  }

  private static boolean isHttpUrl(String text) {
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
  private static @Nullable String imageProblem(String image, SpecRules spec) {
    if (!image.regionMatches(true, 0, "data:", 0, 5)) {
      return isHttpUrl(image) ? null : "must be an http(s) URL or a data:image/...;base64, URI";
    }
    int comma = image.indexOf(',');
    String header = comma < 0 ? image : image.substring(0, comma);
    String format =
        header.regionMatches(true, 0, DATA_PREFIX, 0, DATA_PREFIX.length())
                && header.toLowerCase(Locale.ROOT).endsWith(";base64")
            ? header
                .substring(DATA_PREFIX.length(), header.length() - ";base64".length())
                .toLowerCase(Locale.ROOT)
            : null;
    if (comma < 0 || format == null) {
      return "a data URI must start data:image/<" + String.join("|", spec.formats) + ">;base64,";
    }
    if (!spec.formats.contains(format)) {
      return "image/" + format + " is not one of " + spec.formats;
    }
    String base64 = image.substring(comma + 1);
    if ((long) base64.length() / 4 * 3 > spec.maxImageBytes) {
      return "at most " + spec.maxImageBytes + " bytes per image";
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return "not valid base64";
    }
    int[] size = dimensions(bytes, format);
    if (size == null) {
      return "the bytes are not a " + format + " image";
    }
    int longer = Math.max(size[0], size[1]);
    int shorter = Math.min(size[0], size[1]);
    if (size[0] < spec.minWidth || size[1] < spec.minHeight) {
      return size[0] + "x" + size[1] + ", at least " + spec.minWidth + "x" + spec.minHeight;
    }
    if (longer > spec.maxAspectRatio * shorter) {
      return size[0] + "x" + size[1] + ", aspect ratio beyond 1:" + spec.maxAspectRatio;
    }
    return null;
  }

  /** Width and height of an image in {@code format}, or null if the bytes are not one. */
  private static int @Nullable [] dimensions(byte[] bytes, String format) {
    if (format.equals("webp")) {
      return webp(bytes);
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      while (readers.hasNext()) {
        ImageReader reader = readers.next();
        try {
          if (!reader.getFormatName().equalsIgnoreCase(format)) {
            continue;
          }
          reader.setInput(in);
          return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } finally {
          reader.dispose();
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A WebP's canvas size from its first chunk (VP8, VP8L or VP8X), which ImageIO cannot read. */
  private static int @Nullable [] webp(byte[] b) {
    if (b.length < 30 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) {
      return null;
    }
    if (ascii(b, 12, "VP8X")) {
      return new int[] {1 + u24(b, 24), 1 + u24(b, 27)};
    }
    if (ascii(b, 12, "VP8L") && (b[20] & 0xff) == 0x2f) {
      int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
      return new int[] {1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff)};
    }
    if (ascii(b, 12, "VP8 ")
        && (b[23] & 0xff) == 0x9d
        && (b[24] & 0xff) == 0x01
        && (b[25] & 0xff) == 0x2a) {
      return new int[] {u16(b, 26) & 0x3fff, u16(b, 28) & 0x3fff};
    }
    return null;
  }

  private static boolean ascii(byte[] b, int at, String text) {
    return new String(b, at, text.length(), StandardCharsets.ISO_8859_1).equals(text);
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static int u24(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
  }
}
