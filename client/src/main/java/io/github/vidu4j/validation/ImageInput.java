package io.github.vidu4j.validation;

import io.github.vidu4j.validation.Violation.Code;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One reference image, as the string the request model's {@code images} list holds: a URL as given
 * (Vidu fetches it; it is not fetched here) or a {@code data:image/<type>;base64,...} URI built
 * from local bytes. Local images are checked before they are encoded, from their header bytes only,
 * against the spec's {@code x-vidu-image-rules} ({@link ViduRules#images()}): an accepted format by
 * content (never by file name), the least width and height, the most elongated aspect ratio, the
 * most bytes, and small enough that the base64 alone fits Vidu's body limit.
 *
 * <pre>{@code
 * request.images(List.of(
 *     ImageInput.fromFile(Path.of("cat.png")).value(),
 *     ImageInput.fromUrl("https://example.com/dog.jpg").value()));
 * }</pre>
 *
 * <p>Memory: a file is checked from its header bytes when it is given and read only when it is
 * sent: streamed in pieces by {@code images().create(request, inputs)}, or read once and encoded
 * straight into the data URI's final bytes by {@link #value()}. There is no decode of pixels
 * anywhere.
 */
public final class ImageInput {
  private static final ImageRules LIMITS = ViduRules.spec().images();

  /** The URL or data URI; null for a file, which is read when its data URI is asked for. */
  private final @Nullable String value;

  private final @Nullable ImageInfo info;
  private final @Nullable Path file;
  private final long fileSize;

  private ImageInput(String value, @Nullable ImageInfo info) {
    this.value = value;
    this.info = info;
    this.file = null;
    this.fileSize = -1;
  }

  private ImageInput(Path file, long fileSize, ImageInfo info) {
    this.value = null;
    this.info = info;
    this.file = file;
    this.fileSize = fileSize;
  }

  /**
   * An image Vidu fetches itself. The URL must be absolute {@code http} or {@code https} with a
   * host; it is not fetched here.
   *
   * @throws ViduValidationException naming the URL otherwise
   */
  public static ImageInput fromUrl(String url) {
    Objects.requireNonNull(url, "url == null");
    String problem = urlProblem(url);
    if (problem != null) {
      throw new ViduValidationException(
          List.of(new Violation(Code.IMAGE_URL, "images", url, problem)));
    }
    return new ImageInput(url, null);
  }

  /**
   * A local file, sent inline as a data URI. The format comes from the content.
   *
   * @throws ViduValidationException naming the file if it is missing, too big, not of an accepted
   *     format, too small or too elongated
   */
  public static ImageInput fromFile(Path file) {
    Objects.requireNonNull(file, "file == null");
    String name = file.toString();
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw invalid(Code.IMAGE_FILE, name, "no such file");
    } catch (IOException e) {
      throw invalid(Code.IMAGE_FILE, name, "cannot be read (" + e.getMessage() + ")");
    }
    checkSize(name, size);
    ImageInfo info;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      info = sniffChecked(name, in);
    } catch (IOException e) {
      throw invalid(Code.IMAGE_FILE, name, "cannot be read (" + e.getMessage() + ")");
    }
    return new ImageInput(file, size, info);
  }

  /** The file's data URI, read now: the bytes read are the bytes checked, or this throws. */
  private String readDataUri(Path file) {
    String name = file.toString();
    // Read once, straight into the tail of the data URI's own array, then encoded in place: the
    // peak is that array and the string's copy of it.
    byte[] uri;
    int start;
    try (InputStream in = Files.newInputStream(file)) {
      uri = new byte[MAX_PREFIX + (int) ((fileSize + 2) / 3 * 4)];
      start = uri.length - (int) fileSize;
      int read = in.readNBytes(uri, start, (int) fileSize);
      if (read != fileSize || in.read() != -1) {
        throw invalid(Code.IMAGE_FILE, name, "changed since it was checked");
      }
    } catch (IOException e) {
      throw invalid(Code.IMAGE_FILE, name, "cannot be read (" + e.getMessage() + ")");
    }
    ImageInfo read;
    try {
      read = sniffChecked(name, new ByteArrayInputStream(uri, start, (int) fileSize));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ImageInfo checked = Objects.requireNonNull(info);
    if (read.format() != checked.format()
        || read.width() != checked.width()
        || read.height() != checked.height()) {
      throw invalid(Code.IMAGE_FILE, name, "changed since it was checked");
    }
    return encodeInPlace(uri, start, read);
  }

  /** Bytes in memory, sent inline as a data URI; {@code name} appears in error messages. */
  public static ImageInput fromBytes(byte[] bytes, String name) {
    Objects.requireNonNull(bytes, "bytes == null");
    Objects.requireNonNull(name, "name == null");
    checkSize(name, bytes.length);
    ImageInfo info;
    try {
      info = sniffChecked(name, new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new ImageInput(encode(bytes, info), info);
  }

  /**
   * A stream (read to its end, or until it is clearly too large; not closed) whose content type is
   * known, for example from an upload: {@code image/<format>} for a format of {@link
   * ImageRules#formats()} ({@code image/jpg} is read as {@code image/jpeg}). The content must match
   * the declared type. Messages name it {@code stream (<type>)}.
   */
  public static ImageInput fromStream(InputStream in, String contentType) {
    Objects.requireNonNull(in, "in == null");
    Objects.requireNonNull(contentType, "contentType == null");
    String declared = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    String name = "stream (" + declared + ")";
    String normalised = declared.equals("image/jpg") ? "image/jpeg" : declared;
    if (!normalised.startsWith("image/")
        || !LIMITS.formats().contains(normalised.substring("image/".length()))) {
      throw invalid(Code.IMAGE_FORMAT, name, "content type must be " + LIMITS.mimeTypes());
    }
    byte[] bytes;
    try {
      bytes = readCapped(in, name, maxImageBytesForBody());
    } catch (IOException e) {
      throw invalid(Code.IMAGE_FILE, name, "cannot be read (" + e.getMessage() + ")");
    }
    ImageInput input = fromBytes(bytes, name);
    String sniffed = Objects.requireNonNull(input.info).format().mimeType();
    if (!sniffed.equals(normalised)) {
      throw invalid(
          Code.IMAGE_FORMAT, name, "content is " + sniffed + ", not the declared " + declared);
    }
    return input;
  }

  /**
   * The string for the request's {@code images} list: the URL as given, or the data URI. A file is
   * read and encoded on each call (the input does not hold it): its size and header must still be
   * those checked when it was given, or this throws {@code ViduValidationException}. To send a file
   * without holding its data URI, pass the input itself ({@code images().create(request, inputs)}),
   * which streams it.
   */
  public String value() {
    return file != null ? readDataUri(file) : Objects.requireNonNull(value);
  }

  /**
   * The length of {@link #value()} in characters (and in UTF-8 bytes for a data URI, which is
   * ASCII), known without reading a file.
   */
  public long valueLength() {
    if (file == null) {
      return Objects.requireNonNull(value).length();
    }
    return prefix(Objects.requireNonNull(info)).length + (fileSize + 2) / 3 * 4;
  }

  /**
   * Writes {@link #value()}'s US-ASCII bytes to {@code out} (not closed), a file read and encoded
   * in 48 KiB pieces as it goes, so memory does not grow with the image. A URL or a data URI made
   * from bytes is written as it is held.
   *
   * @throws IOException if the file cannot be read, or no longer has the size it had when it was
   *     checked (what was written is then not the image)
   */
  public void writeValueTo(OutputStream out) throws IOException {
    if (file == null) {
      out.write(Objects.requireNonNull(value).getBytes(StandardCharsets.UTF_8));
      return;
    }
    out.write(prefix(Objects.requireNonNull(info)));
    OutputStream unclosed =
        new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() {}
        };
    long read = 0;
    try (InputStream in = Files.newInputStream(file);
        OutputStream base64 = Base64.getEncoder().wrap(unclosed)) {
      byte[] piece = new byte[48 * 1024];
      for (int n; (n = in.read(piece)) != -1; ) {
        read += n;
        if (read > fileSize) {
          break;
        }
        base64.write(piece, 0, n);
      }
    }
    if (read != fileSize) {
      throw new IOException("image " + file + " changed since it was checked (size)");
    }
  }

  /** Format and size for a local image; empty for a URL. */
  public Optional<ImageInfo> info() {
    return Optional.ofNullable(info);
  }

  /** A short description; never the whole data URI. */
  @Override
  public String toString() {
    return info == null
        ? "ImageInput{url=" + value + "}"
        : "ImageInput{" + info + ", " + valueLength() + " chars}";
  }

  /**
   * Bytes of the body besides one image's base64: its {@code data:image/jpeg;base64,} prefix and
   * the smallest JSON around it, {@code {"model":"viduq1","prompt":"x","images":[""]}}, rounded
   * down. So an image refused for its size could never have been sent.
   */
  private static final long REST_OF_REQUEST_BYTES = 64;

  /** The largest image whose base64 data URI alone stays within the body limit. */
  static long maxImageBytesForBody() {
    return (LIMITS.maxBodyBytes() - REST_OF_REQUEST_BYTES) / 4 * 3;
  }

  static void checkSize(String name, long size) {
    if (size > LIMITS.maxImageBytes()) {
      throw invalid(
          Code.IMAGE_BYTES,
          name,
          String.format(
              Locale.ROOT,
              "%,d bytes, %,d over Vidu's %s limit per image (%,d bytes)",
              size,
              size - LIMITS.maxImageBytes(),
              LIMITS.maxImageSize(),
              LIMITS.maxImageBytes()));
    }
    long encoded = (size + 2) / 3 * 4;
    long over = encoded + REST_OF_REQUEST_BYTES - LIMITS.maxBodyBytes();
    if (over > 0) {
      throw invalid(
          Code.IMAGE_BYTES,
          name,
          String.format(
              Locale.ROOT,
              "%,d bytes; as base64 (%,d bytes) with the rest of the request it passes"
                  + " Vidu's %s request limit (%,d bytes) by at least %,d bytes; upload it somewhere and pass its URL instead",
              size,
              encoded,
              LIMITS.maxBodySize(),
              LIMITS.maxBodyBytes(),
              over));
    }
  }

  static ImageInfo sniffChecked(String name, InputStream in) throws IOException {
    ImageInfo info;
    try {
      info = ImageSniffer.sniff(in);
    } catch (ImageSniffer.NotAnImage e) {
      throw invalid(Code.IMAGE_FORMAT, name, e.getMessage());
    }
    String problem = dimensionProblem(info);
    if (problem != null) {
      throw invalid(Code.IMAGE_DIMENSIONS, name, problem);
    }
    return info;
  }

  static @Nullable String dimensionProblem(ImageInfo info) {
    return dimensionProblem(info, LIMITS);
  }

  /** Why {@code info} breaks {@code limits} (format, least size, aspect ratio), or null. */
  static @Nullable String dimensionProblem(ImageInfo info, ImageRules limits) {
    if (!limits.accepts(info.format())) {
      return info.format().mimeType() + ", not one Vidu accepts (" + limits.mimeTypes() + ")";
    }
    if (info.width() < limits.minWidth() || info.height() < limits.minHeight()) {
      return info.width()
          + "x"
          + info.height()
          + ", under Vidu's minimum of "
          + limits.minWidth()
          + "x"
          + limits.minHeight();
    }
    long longer = Math.max(info.width(), info.height());
    long shorter = Math.min(info.width(), info.height());
    if (longer > shorter * limits.maxAspectRatio()) {
      return info.width()
          + "x"
          + info.height()
          + ", more elongated than Vidu's 1:"
          + limits.maxAspectRatio()
          + " to "
          + limits.maxAspectRatio()
          + ":1 limit";
    }
    return null;
  }

  static @Nullable String urlProblem(String url) {
    // Two parsers, each for what it gets right. java.net.URI is strict about syntax (it refuses a
    // raw space or "|", and Vidu receives the string verbatim), but it has no host for names with
    // "_" or non-ASCII letters (my_bucket.s3..., 例え.jp), which are valid. HttpUrl reads hosts as
    // browsers do, but silently repairs bad syntax and reads "https:/a.png" as host "a.png".
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "not a valid URL (" + e.getReason() + ")";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "must be an absolute http(s) URL";
    }
    if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
      return "must be an absolute http(s) URL with a host";
    }
    if (plainHost(uri)) {
      return null; // HttpUrl would read this host and port alike: no second parse
    }
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null || parsed.host().isEmpty()) {
      return "not a valid URL (bad host or port)";
    }
    return null;
  }

  /**
   * Whether {@code uri}'s host is an ASCII name or address {@code URI} parsed itself (so no {@code
   * _}, no IDN), within DNS's lengths, with no port or a valid one: hosts HttpUrl accepts.
   */
  private static boolean plainHost(URI uri) {
    String host = uri.getHost();
    int port = uri.getPort();
    if (host == null || host.isEmpty() || host.length() > 253 || port == 0 || port > 65535) {
      return false;
    }
    if (host.startsWith("[")) {
      return true;
    }
    int label = 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.') {
        label = 0;
      } else if (++label > 63 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static ViduValidationException invalid(Code code, String name, String problem) {
    return new ViduValidationException(
        List.of(Violation.stated(code, "images", name, "image " + name + ": " + problem)));
  }

  private static String encode(byte[] bytes, ImageInfo info) {
    byte[] uri = new byte[MAX_PREFIX + (bytes.length + 2) / 3 * 4];
    int start = uri.length - bytes.length;
    System.arraycopy(bytes, 0, uri, start, bytes.length);
    return encodeInPlace(uri, start, info);
  }

  private static byte[] prefix(ImageInfo info) {
    return ("data:" + info.format().mimeType() + ";base64,").getBytes(StandardCharsets.US_ASCII);
  }

  /** Room for the longest {@code data:image/...;base64,} prefix. */
  private static final int MAX_PREFIX = "data:image/jpeg;base64,".length() + 1;

  private static final byte[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
          .getBytes(StandardCharsets.US_ASCII);

  /**
   * The data URI of the image bytes {@code uri[start..]}, written over them from the front: its
   * prefix, then base64. The writer never overtakes the reader (4 bytes out per 3 in, starting at
   * least a third of the input ahead), so no second array is needed before the string's own copy.
   */
  private static String encodeInPlace(byte[] uri, int start, ImageInfo info) {
    byte[] prefix = prefix(info);
    int first = MAX_PREFIX - prefix.length;
    System.arraycopy(
        prefix,
        0,
        uri,
        first,
        prefix.length); // before start: the input begins a third of it later at least
    int out = MAX_PREFIX;
    int end = uri.length;
    for (int in = start; in < end; in += 3) {
      int b0 = uri[in] & 0xff;
      int b1 = in + 1 < end ? uri[in + 1] & 0xff : -1;
      int b2 = in + 2 < end ? uri[in + 2] & 0xff : -1;
      uri[out++] = BASE64[b0 >> 2];
      uri[out++] = BASE64[(b0 & 0x3) << 4 | (b1 < 0 ? 0 : b1 >> 4)];
      uri[out++] = b1 < 0 ? (byte) '=' : BASE64[(b1 & 0xf) << 2 | (b2 < 0 ? 0 : b2 >> 6)];
      uri[out++] = b2 < 0 ? (byte) '=' : BASE64[b2 & 0x3f];
    }
    return new String(uri, first, out - first, StandardCharsets.ISO_8859_1);
  }

  /**
   * Reads {@code in} to its end, refusing it as soon as it passes {@code limit}: reading on just to
   * learn the real size could mean reading gigabytes, so the message gives the bound.
   */
  private static byte[] readCapped(InputStream in, String name, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > limit) {
        throw invalid(
            Code.IMAGE_BYTES,
            name,
            String.format(
                Locale.ROOT,
                "more than %,d bytes (reading stopped there), the most whose base64"
                    + " fits Vidu's %s request limit (%,d bytes) with the rest of the request; upload it somewhere and pass its URL instead",
                limit,
                LIMITS.maxBodySize(),
                LIMITS.maxBodyBytes()));
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
