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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
 * ViduClient.Builder#downloadTimeout}) and are retried on network failures and 5xx before the first
 * byte is written; a failure to write here ({@link ViduLocalIOException}) or a body that is not
 * whole ({@link IncompleteDownloadException}) is not retried. Obtain from {@link
 * ViduClient#downloads()}.
 */
public final class Downloads {
  private static final int MAX_NAME_SUFFIX = 1000;

  private final OkHttpClient http;
  private final RetryingExecutor executor;
  private final AsyncRunner async;
  private final ViduEventListener listener;

  Downloads(
      OkHttpClient http, RetryingExecutor executor, AsyncRunner async, ViduEventListener listener) {
    this.http = http;
    this.executor = executor;
    this.async = async;
    this.listener = listener;
  }

  /**
   * Streams the file at {@code url} into {@code out} (not closed), returning the bytes copied. A
   * failure after bytes were written is not retried (they would be written twice). The body is
   * checked to be whole (see {@link IncompleteDownloadException}) after it was copied: on that
   * failure {@code out} has received a partial file.
   *
   * @throws ViduLocalIOException if {@code out} refuses the bytes (never retried)
   * @throws IncompleteDownloadException if the body is empty or cut short
   */
  public long toStream(String url, OutputStream out) {
    Objects.requireNonNull(out, "out == null");
    LocalOutput local = new LocalOutput(out, null);
    return fetch(
        url,
        (body, response, what) -> {
          DownloadCheck check = new DownloadCheck();
          try {
            copy(body, local, check);
          } catch (IOException e) {
            if (check.count() == 0) {
              throw e;
            }
            // Bytes already went to the caller's stream: a retry would duplicate them.
            throw new ViduTransportException(
                "download of "
                    + SafeUrl.of(url)
                    + " broke off after "
                    + check.count()
                    + " bytes were written; not retried",
                e,
                true);
          }
          check.verify(response.contentLength(), what);
          return check.count();
        });
  }

  /**
   * Writes the file at {@code url} to {@code file}, which must not exist: an existing file is never
   * overwritten. The body is written to a hidden part file beside {@code file} and gets the name
   * only once it is whole; a failed download leaves nothing under {@code file}. Part files that
   * processes no longer running left in that directory are removed first. Returns {@code file}.
   *
   * @throws ViduLocalIOException if the file cannot be written (disk full, directory missing,
   *     read-only)
   * @throws IncompleteDownloadException if the body is empty or cut short
   */
  public Path toFile(String url, Path file) {
    Objects.requireNonNull(file, "file == null");
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new ViduException("will not overwrite existing file " + file);
    }
    Path directory = file.toAbsolutePath().getParent();
    String name = file.getFileName().toString();
    PartFiles.removeStale(directory);
    fetch(
        url,
        (body, response, what) -> {
          Path part = writePart(body, response, what, directory, name);
          try {
            if (!claim(part, file)) {
              throw new ViduException("will not overwrite existing file " + file);
            }
          } finally {
            deleteQuietly(part);
          }
          return file;
        });
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
   * content type, else the URL's path ({@code bin} if none says). An existing file is never
   * overwritten: where the name is taken, the first free one of {@code <task
   * id>-<n>-2.<extension>}, {@code -3}, ... is used. Returns the paths written, in creation order.
   * {@link #saveEach} does the same and reports each creation's outcome as data.
   *
   * @throws UnsafeFileNameException if the task id is not a safe file name (nothing is downloaded)
   * @throws ViduException if the task has no creations, or any creation could not be saved (the
   *     others are saved all the same: a paid image is not lost to a neighbour's failure). The
   *     exception names the first creation not saved and its cause is that creation's own failure
   *     ({@link ViduLocalIOException}, {@link IncompleteDownloadException}, ...); the others are
   *     attached as suppressed exceptions.
   */
  public List<Path> toDirectory(TaskCreations task, Path directory) {
    Objects.requireNonNull(task, "task == null");
    Objects.requireNonNull(directory, "directory == null");
    return pathsOrFailure(task, saveEachNow(task, directory, saved -> {}));
  }

  /**
   * {@link #toDirectory(TaskCreations, Path)} on the client's async executor; arguments are checked
   * on the caller's thread.
   */
  public CompletableFuture<List<Path>> toDirectoryAsync(TaskCreations task, Path directory) {
    Objects.requireNonNull(task, "task == null");
    Objects.requireNonNull(directory, "directory == null");
    return async.supply(() -> pathsOrFailure(task, saveEachNow(task, directory, saved -> {})));
  }

  /**
   * Saves every creation as {@link #toDirectory(TaskCreations, Path)} does, but reports each
   * creation's outcome instead of throwing for it: where it was saved (and whether under another
   * name than wanted), or its failure. Each outcome goes to {@code onEach} as soon as it is known,
   * for progress output; all are returned in creation order.
   *
   * @throws UnsafeFileNameException if the task id is not a safe file name (nothing is downloaded)
   * @throws ViduLocalIOException if {@code directory} cannot be created
   * @throws ViduException if the task has no creations
   */
  public List<CreationDownload> saveEach(
      TaskCreations task, Path directory, Consumer<CreationDownload> onEach) {
    Objects.requireNonNull(task, "task == null");
    Objects.requireNonNull(directory, "directory == null");
    Objects.requireNonNull(onEach, "onEach == null");
    return saveEachNow(task, directory, onEach);
  }

  private static String taskId(TaskCreations task) {
    return task.getId() != null ? task.getId() : RawJson.field(task, "id").orElse("task");
  }

  private List<CreationDownload> saveEachNow(
      TaskCreations task, Path directory, Consumer<CreationDownload> onEach) {
    List<Creation> creations = task.getCreations() == null ? List.of() : task.getCreations();
    String taskId = taskId(task);
    if (creations.isEmpty()) {
      throw new ViduException(
          "task "
              + SafeFileNames.escaped(taskId)
              + " has no creations to download (state "
              + task.getState()
              + ")");
    }
    String taskStem = SafeFileNames.stem(taskId);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new ViduLocalIOException(
          "cannot create directory " + directory + ": " + e.getMessage(), directory, e);
    }
    PartFiles.removeStale(directory);
    List<CreationDownload> results = new ArrayList<>();
    for (int i = 0; i < creations.size(); i++) {
      int index = i + 1;
      String stem = taskStem + "-" + index;
      String url = creations.get(i).getUrl();
      CreationDownload result;
      if (url == null || HttpUrl.parse(url) == null) {
        String problem =
            url == null
                ? "the task lists no url for it"
                : "its url is not an http(s) URL: " + SafeUrl.of(url);
        result =
            new CreationDownload(
                index, url == null ? "" : url, null, null, new ViduException(problem));
      } else {
        try {
          Saved saved =
              fetch(
                  url, (body, response, what) -> save(body, response, what, directory, stem, url));
          result = new CreationDownload(index, url, saved.preferredName(), saved.file(), null);
        } catch (ViduException e) {
          result = new CreationDownload(index, url, null, null, e);
        }
      }
      results.add(result);
      onEach.accept(result);
    }
    return List.copyOf(results);
  }

  private static List<Path> pathsOrFailure(TaskCreations task, List<CreationDownload> results) {
    ViduException failure = null;
    List<Path> written = new ArrayList<>();
    for (CreationDownload result : results) {
      result.file().ifPresent(written::add);
      if (result.error() != null) {
        ViduException named =
            new ViduException(
                "creation "
                    + result.index()
                    + " of task "
                    + taskId(task)
                    + " not saved: "
                    + result.error().getMessage(),
                result.error());
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

  private record Saved(Path file, String preferredName) {}

  /**
   * Writes {@code body} beside its target first, then gives it the first free name: nothing is ever
   * replaced.
   */
  private static Saved save(
      InputStream body, ResponseBody response, String what, Path directory, String stem, String url)
      throws IOException {
    Path part = writePart(body, response, what, directory, stem);
    try {
      String extension;
      try {
        extension = sniffedExtension(part).orElseGet(() -> extension(response.contentType(), url));
      } catch (IOException e) {
        throw new ViduLocalIOException("cannot read back " + part + ": " + e, part, e);
      }
      String preferred = stem + "." + extension;
      for (int n = 1; n <= MAX_NAME_SUFFIX; n++) {
        Path file =
            SafeFileNames.inside(directory, n == 1 ? preferred : stem + "-" + n + "." + extension);
        if (claim(part, file)) {
          return new Saved(file, preferred);
        }
      }
      throw new ViduException(
          preferred + " and " + MAX_NAME_SUFFIX + " numbered variants exist in " + directory);
    } finally {
      deleteQuietly(part);
    }
  }

  /**
   * Copies {@code body} into a new part file for {@code name} in {@code directory} and checks it is
   * whole. A failure to read {@code body} stays an {@link IOException} (the network's, may be
   * retried: the part file is deleted); a failure to write is a {@link ViduLocalIOException}.
   */
  private static Path writePart(
      InputStream body, ResponseBody response, String what, Path directory, String name)
      throws IOException {
    // Not Files.createTempFile: its owner-only permissions would carry over to the image.
    Path part = SafeFileNames.inside(directory, PartFiles.nameFor(name));
    boolean done = false;
    try {
      DownloadCheck check = new DownloadCheck();
      try (OutputStream out = new LocalOutput(open(part), part)) {
        copy(body, out, check);
      }
      check.verify(response.contentLength(), what);
      done = true;
      return part;
    } finally {
      if (!done) {
        deleteQuietly(part);
      }
    }
  }

  private static OutputStream open(Path part) {
    try {
      return Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new ViduLocalIOException("cannot create " + part + ": " + e, part, e);
    }
  }

  private static void copy(InputStream body, OutputStream out, DownloadCheck check)
      throws IOException {
    byte[] buffer = new byte[16 * 1024];
    for (int n; (n = body.read(buffer)) != -1; ) {
      out.write(buffer, 0, n);
      check.update(buffer, 0, n);
    }
  }

  private static void deleteQuietly(Path part) {
    try {
      Files.deleteIfExists(part);
    } catch (IOException e) {
      // Left for PartFiles.removeStale once this process has ended.
    }
  }

  /**
   * Gives {@code part}'s content the name {@code file} unless that exists. A hard link is made
   * atomically or not at all, so even a file appearing meanwhile is never replaced; where links are
   * unsupported, a copy that refuses an existing target.
   */
  private static boolean claim(Path part, Path file) {
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
      } catch (IOException e) {
        throw new ViduLocalIOException("cannot write " + file + ": " + e, file, e);
      }
    }
  }

  @FunctionalInterface
  private interface BodyHandler<T> {
    T handle(InputStream body, ResponseBody response, String what) throws IOException;
  }

  private <T> T fetch(String url, BodyHandler<T> handler) {
    Objects.requireNonNull(url, "url == null");
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + SafeUrl.of(url));
    }
    String operation = "GET " + parsed.host() + parsed.encodedPath();
    return executor.run(
        RetryingExecutor.Mode.IDEMPOTENT,
        operation,
        attempt -> {
          long started = System.nanoTime();
          try (Response response =
              http.newCall(new Request.Builder().url(parsed).build()).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
              String advice =
                  response.code() == 403 || response.code() == 404 || response.code() == 410
                      ? "Result URLs expire: read the task again (client.tasks().get(id)) for fresh URLs"
                      : null;
              throw executor
                  .errors()
                  .toException(operation, response.code(), response.headers(), body, advice);
            }
            try (CountingInputStream in = new CountingInputStream(body.byteStream())) {
              T result = handler.handle(in, body, operation);
              if (listener != ViduEventListener.NONE) {
                Optional<Path> file =
                    result instanceof Path path ? Optional.of(path) : Optional.empty();
                listener.downloadFinished(
                    SafeUrl.of(parsed),
                    file,
                    in.count,
                    Duration.ofNanos(System.nanoTime() - started));
              }
              return result;
            }
          }
        });
  }

  /**
   * A local target: its write failures are {@link ViduLocalIOException}s, so that only reading the
   * response can raise the {@link IOException} the retry logic takes for the network's.
   */
  private static final class LocalOutput extends OutputStream {
    private final OutputStream out;
    private final @Nullable Path path;

    LocalOutput(OutputStream out, @Nullable Path path) {
      this.out = out;
      this.path = path;
    }

    @Override
    public void write(int b) {
      try {
        out.write(b);
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    /** Closes the file; a caller's stream ({@code path} null) is the caller's to close. */
    @Override
    public void close() {
      if (path == null) {
        return;
      }
      try {
        out.close();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    private ViduLocalIOException failed(IOException e) {
      return new ViduLocalIOException(
          (path == null ? "cannot write to the given stream" : "cannot write " + path) + ": " + e,
          path,
          e);
    }
  }

  /**
   * The extension the file's first bytes call for (what it is), if they name a format {@link
   * ImageInfo.Format} knows or are an MP4's.
   */
  static Optional<String> sniffedExtension(Path file) throws IOException {
    byte[] head = new byte[12];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (Mp4Structure.looksLikeMp4(head, n)) {
      return Optional.of("mp4");
    }
    return ImageSignatures.of(head, n).map(Downloads::extensionOf);
  }

  /** The extension the content type, else the URL's path, claims; {@code bin} when neither does. */
  static String extension(@Nullable MediaType type, String url) {
    if (type != null && type.type().equals("video") && type.subtype().equals("mp4")) {
      return "mp4";
    }
    if (type != null && type.type().equals("image")) {
      Optional<ImageInfo.Format> format = formatNamed(type.subtype());
      if (format.isPresent()) {
        return extensionOf(format.get());
      }
    }
    String path = Objects.requireNonNull(HttpUrl.parse(url)).encodedPath();
    int dot = path.lastIndexOf('.');
    return dot < 0 || path.indexOf('/', dot) >= 0
        ? "bin"
        : formatNamed(path.substring(dot + 1)).map(Downloads::extensionOf).orElse("bin");
  }

  private static String extensionOf(ImageInfo.Format format) {
    return format == ImageInfo.Format.JPEG ? "jpg" : format.name().toLowerCase(Locale.ROOT);
  }

  /** The format a MIME subtype or file extension names ({@code jpg} is JPEG), if any. */
  private static Optional<ImageInfo.Format> formatNamed(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (ImageInfo.Format format : ImageInfo.Format.values()) {
      if (lower.equals(format.name().toLowerCase(Locale.ROOT))
          || lower.equals(extensionOf(format))) {
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
