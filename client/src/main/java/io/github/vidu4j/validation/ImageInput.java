package io.github.vidu4j.validation;

import static io.github.vidu4j.validation.ImageChecks.LIMITS;
import static io.github.vidu4j.validation.ImageChecks.checkSize;
import static io.github.vidu4j.validation.ImageChecks.invalid;
import static io.github.vidu4j.validation.ImageChecks.sniffChecked;
import static io.github.vidu4j.validation.ImageChecks.unreadable;

import io.github.vidu4j.validation.Violation.Code;
import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One reference image, as the string the request model's {@code images} list holds: a URL as given
 * (Vidu fetches it; it is not fetched here) or a {@code data:image/<type>;base64,...} URI built
 * from local bytes. Local images are checked before they are encoded, from their header bytes only,
 * against the spec's {@code x-vidu-image-rules} ({@link ViduRules#images()}): an accepted format by
 * content (never by file name), the least width and height, the most elongated aspect ratio, the
 * most bytes, and small enough that the base64 alone fits Vidu's body limit. What {@code
 * images().create(request, inputs)} streams, and what the CLI and the batch engine make of the
 * images they are given.
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
    String problem = HttpUrlCheck.problem(url);
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
      throw unreadable(name, e);
    }
    checkSize(name, size);
    ImageInfo info;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      info = sniffChecked(name, in);
    } catch (IOException e) {
      throw unreadable(name, e);
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
      uri = DataUri.room(fileSize);
      start = uri.length - (int) fileSize;
      int read = in.readNBytes(uri, start, (int) fileSize);
      if (read != fileSize || in.read() != -1) {
        throw invalid(Code.IMAGE_FILE, name, "changed since it was checked");
      }
    } catch (IOException e) {
      throw unreadable(name, e);
    }
    ImageInfo read = sniffChecked(name, uri, start, (int) fileSize);
    ImageInfo checked = Objects.requireNonNull(info);
    if (read.format() != checked.format()
        || read.width() != checked.width()
        || read.height() != checked.height()) {
      throw invalid(Code.IMAGE_FILE, name, "changed since it was checked");
    }
    return DataUri.encodeInPlace(uri, start, read.format());
  }

  /** Bytes in memory, sent inline as a data URI; {@code name} appears in error messages. */
  public static ImageInput fromBytes(byte[] bytes, String name) {
    Objects.requireNonNull(bytes, "bytes == null");
    Objects.requireNonNull(name, "name == null");
    checkSize(name, bytes.length);
    ImageInfo info = sniffChecked(name, bytes, 0, bytes.length);
    return new ImageInput(DataUri.encode(bytes, info.format()), info);
  }

  /**
   * A stream (read to its end, or until it is clearly too large; not closed) whose content type is
   * known, for example from an upload: {@code image/<format>} for a format of {@link
   * GenerationOperation.Limits#formats()} ({@code image/jpg} is read as {@code image/jpeg}). The
   * content must match the declared type. Messages name it {@code stream (<type>)}.
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
      bytes = ImageChecks.readCapped(in, name);
    } catch (IOException e) {
      throw unreadable(name, e);
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
    return DataUri.length(Objects.requireNonNull(info).format(), fileSize);
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
    out.write(DataUri.prefix(Objects.requireNonNull(info).format()));
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
}
