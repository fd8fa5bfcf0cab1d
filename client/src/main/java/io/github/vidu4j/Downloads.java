package io.github.vidu4j;

import io.github.vidu4j.internal.ImageSignatures;
import io.github.vidu4j.internal.RetryingExecutor;
import io.github.vidu4j.internal.SafeUrl;
import io.github.vidu4j.model.Creation;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.validation.ImageInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Downloads result files ({@code creations[].url}). Result URLs expire (Vidu documents one hour in
 * one place and 24 hours in another), so download as soon as a task succeeds; an expired URL
 * answers 403 or 404, and {@link Tasks#get} returns fresh ones. Downloads never send the API key
 * (the URLs point at a storage host, not the API), have their own timeout ({@link
 * ViduClient.Builder#downloadTimeout}) and are retried on network failures and 5xx before the
 * first byte is written. Obtain from {@link ViduClient#downloads()}.
 */
public final class Downloads {
  private static final int MAX_NAME_SUFFIX = 1000;

  private final OkHttpClient http;
  private final RetryingExecutor executor;
  private final AsyncRunner async;
  private final ViduEventListener listener;

  Downloads(OkHttpClient http, RetryingExecutor executor, AsyncRunner async, ViduEventListener listener) {
    this.http = http;
    this.executor = executor;
    this.async = async;
    this.listener = listener;
  }

  /**
   * Streams the file at {@code url} into {@code out} (not closed), returning the bytes copied.
   * A failure after bytes were written is not retried (they would be written twice).
   */
  public long toStream(String url, OutputStream out) {
    Objects.requireNonNull(out, "out == null");
    return fetch(url, (body, type) -> {
      long copied = 0;
      byte[] buffer = new byte[16 * 1024];
      try {
        for (int n; (n = body.read(buffer)) != -1; copied += n) {
          out.write(buffer, 0, n);
        }
      } catch (IOException e) {
        if (copied == 0) {
          throw e;
        }
        // Bytes already went to the caller's stream: a retry would duplicate them.
        throw new ViduTransportException("download of " + SafeUrl.of(url) + " broke off after " + copied + " bytes were written; not retried", e, true);
      }
      return copied;
    });
  }

  /**
   * Writes the file at {@code url} to {@code file}, which must not exist: an existing file is
   * never overwritten. A partial file is deleted if the download fails. Returns {@code file}.
   */
  public Path toFile(String url, Path file) {
    Objects.requireNonNull(file, "file == null");
    fetch(url, (body, type) -> write(body, file));
    return file;
  }

  /** {@link #toStream} on the client's async executor; {@code out} is written from its thread. */
  public CompletableFuture<Long> toStreamAsync(String url, OutputStream out) {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(out, "out == null");
    return async.supply(() -> toStream(url, out));
  }

  /** {@link #toFile} on the client's async executor. */
  public CompletableFuture<Path> toFileAsync(String url, Path file) {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(file, "file == null");
    return async.supply(() -> toFile(url, file));
  }

  /**
   * Downloads every creation of a finished task into {@code directory} (created if missing), one
   * file each, named {@code <task id>-<n>.<extension>} with {@code n} from 1 and the extension
   * ({@code png}, {@code jpg}, {@code webp}) from the file's first bytes, else the response's
   * content type, else the URL's path ({@code bin} if none says). An existing file
   * is never overwritten: where the name is taken, the first free one of {@code <task
   * id>-<n>-2.<extension>}, {@code -3}, ... is used. Returns the paths written, in creation order.
   *
   * @throws ViduException if the task has no creations, or any creation could not be saved (the
   *     others are saved all the same: a paid image is not lost to a neighbour's failure)
   */
  public List<Path> toDirectory(TaskCreations task, Path directory) {
    return toDirectory(task, directory, file -> {});
  }

  /**
   * {@link #toDirectory(TaskCreations, Path)}, handing each path to {@code onSaved} as soon as
   * its file is complete, for progress output. If some creations fail, the first failure is
   * thrown after the rest were tried, the others attached as suppressed exceptions.
   */
  public List<Path> toDirectory(TaskCreations task, Path directory, Consumer<Path> onSaved) {
    Objects.requireNonNull(task, "task == null");
    Objects.requireNonNull(directory, "directory == null");
    Objects.requireNonNull(onSaved, "onSaved == null");
    return toDirectoryNow(task, directory, onSaved);
  }

  /** {@link #toDirectory(TaskCreations, Path)} on the client's async executor; arguments are checked on the caller's thread. */
  public CompletableFuture<List<Path>> toDirectoryAsync(TaskCreations task, Path directory) {
    Objects.requireNonNull(task, "task == null");
    Objects.requireNonNull(directory, "directory == null");
    return async.supply(() -> toDirectoryNow(task, directory, file -> {}));
  }

  private List<Path> toDirectoryNow(TaskCreations task, Path directory, Consumer<Path> onSaved) {
    List<Creation> creations = task.getCreations() == null ? List.of() : task.getCreations();
    String taskId = task.getId() != null ? task.getId() : RawJson.field(task, "id").orElse("task");
    if (creations.isEmpty()) {
      throw new ViduException("task " + taskId + " has no creations to download (state " + task.getState() + ")");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new ViduException("cannot create directory " + directory + ": " + e.getMessage(), e);
    }
    List<Path> written = new ArrayList<>();
    ViduException failure = null;
    for (int i = 0; i < creations.size(); i++) {
      String stem = taskId + "-" + (i + 1);
      try {
        String url = creations.get(i).getUrl();
        if (url == null) {
          throw new ViduException("the task lists no url for it");
        }
        Path file = fetch(url, (body, type) -> save(body, directory, stem, type, url));
        written.add(file);
        onSaved.accept(file);
      } catch (RuntimeException e) {
        ViduException named = new ViduException("creation " + (i + 1) + " of task " + taskId + " not saved: " + e.getMessage(), e);
        if (failure == null) {
          failure = named;
        } else {
          failure.addSuppressed(named);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return List.copyOf(written);
  }

  /** Writes {@code body} beside its target first, then gives it the first free name: nothing is ever replaced. */
  private static Path save(InputStream body, Path directory, String stem, @Nullable MediaType type, String url) throws IOException {
    // Not Files.createTempFile: its owner-only permissions would carry over to the image.
    Path part = directory.resolve("." + stem + "-" + UUID.randomUUID() + ".part");
    try {
      try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        body.transferTo(out);
      }
      String extension = sniffedExtension(part).orElseGet(() -> extension(type, url));
      for (int n = 1; n <= MAX_NAME_SUFFIX; n++) {
        Path file = directory.resolve(stem + (n == 1 ? "" : "-" + n) + "." + extension);
        if (claim(part, file)) {
          return file;
        }
      }
      throw new ViduException(stem + "." + extension + " and " + MAX_NAME_SUFFIX + " numbered variants exist in " + directory);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /**
   * Gives {@code part}'s content the name {@code file} unless that exists. A hard link is made
   * atomically or not at all, so even a file appearing meanwhile is never replaced; where links
   * are unsupported, a copy that refuses an existing target.
   */
  private static boolean claim(Path part, Path file) throws IOException {
    try {
      Files.createLink(file, part);
      return true;
    } catch (FileAlreadyExistsException taken) {
      return false;
    } catch (UnsupportedOperationException | IOException noLinks) {
      try {
        Files.copy(part, file);
        return true;
      } catch (FileAlreadyExistsException taken) {
        return false;
      }
    }
  }

  @FunctionalInterface
  private interface BodyHandler<T> {
    T handle(InputStream body, @Nullable MediaType type) throws IOException;
  }

  private <T> T fetch(String url, BodyHandler<T> handler) {
    Objects.requireNonNull(url, "url == null");
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + SafeUrl.of(url));
    }
    String operation = "GET " + parsed.host() + parsed.encodedPath();
    return executor.run(RetryingExecutor.Mode.IDEMPOTENT, operation, attempt -> {
      long started = System.nanoTime();
      try (Response response = http.newCall(new Request.Builder().url(parsed).build()).execute()) {
        ResponseBody body = response.body();
        if (!response.isSuccessful()) {
          String advice = response.code() == 403 || response.code() == 404 || response.code() == 410
              ? "Result URLs expire: read the task again (client.tasks().get(id)) for fresh URLs"
              : null;
          throw executor.errors().toException(operation, response.code(), response.headers(), body, advice);
        }
        try (CountingInputStream in = new CountingInputStream(body.byteStream())) {
          T result = handler.handle(in, body.contentType());
          if (listener != ViduEventListener.NONE) {
            Optional<Path> file = result instanceof Path path ? Optional.of(path) : Optional.empty();
            listener.downloadFinished(SafeUrl.of(parsed), file, in.count, Duration.ofNanos(System.nanoTime() - started));
          }
          return result;
        }
      }
    });
  }

  private static Path write(InputStream body, Path file) throws IOException {
    OutputStream out;
    try {
      out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new ViduException("will not overwrite existing file " + file, e);
    }
    try (out) {
      body.transferTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return file;
  }

  /** The extension the file's first bytes call for (what it is), if they name a format {@link ImageInfo.Format} knows. */
  static Optional<String> sniffedExtension(Path file) throws IOException {
    byte[] head = new byte[12];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    return ImageSignatures.of(head, n).map(Downloads::extensionOf);
  }

  /** The extension the content type, else the URL's path, claims; {@code bin} when neither does. */
  static String extension(@Nullable MediaType type, String url) {
    if (type != null && type.type().equals("image")) {
      Optional<ImageInfo.Format> format = formatNamed(type.subtype());
      if (format.isPresent()) {
        return extensionOf(format.get());
      }
    }
    String path = Objects.requireNonNull(HttpUrl.parse(url)).encodedPath();
    int dot = path.lastIndexOf('.');
    return dot < 0 || path.indexOf('/', dot) >= 0 ? "bin" : formatNamed(path.substring(dot + 1)).map(Downloads::extensionOf).orElse("bin");
  }

  private static String extensionOf(ImageInfo.Format format) {
    return format == ImageInfo.Format.JPEG ? "jpg" : format.name().toLowerCase(Locale.ROOT);
  }

  /** The format a MIME subtype or file extension names ({@code jpg} is JPEG), if any. */
  private static Optional<ImageInfo.Format> formatNamed(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (ImageInfo.Format format : ImageInfo.Format.values()) {
      if (lower.equals(format.name().toLowerCase(Locale.ROOT)) || lower.equals(extensionOf(format))) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** Counts what the handler read, for {@link ViduEventListener#downloadFinished}. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
