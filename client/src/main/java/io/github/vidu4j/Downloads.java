package io.github.vidu4j;

import io.github.vidu4j.core.IncompleteDownloadException;
import io.github.vidu4j.core.PrivateAddressException;
import io.github.vidu4j.core.SafeUrl;
import io.github.vidu4j.core.ViduEventListener;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduLocalIOException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.core.internal.CallIds;
import io.github.vidu4j.internal.RetryingExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads result files ({@code creations[].url}). Result URLs expire (Vidu documents one hour in
 * one place and 24 hours in another), so download as soon as a task succeeds; an expired URL
 * answers 403 or 404, and {@link Tasks#get} returns fresh ones. Downloads never send the API key
 * (the URLs point at a storage host, not the API), have their own timeout ({@link
 * ViduClient.Builder#downloadTimeout}) and are retried on network failures and 5xx before the first
 * byte is written; a failure to write here ({@link ViduLocalIOException}) or a body that is not
 * whole ({@link IncompleteDownloadException}) is not retried. A file may have at most {@link
 * ViduClient.Builder#maxDownloadBytes} bytes (64 MiB by default), counted after decoding: a larger
 * one is a {@link ViduResponseException} (with {@code limitBytes()}), refused before reading when
 * its {@code Content-Length} says so, and not retried. Result URLs, and every redirect's target,
 * that reach a loopback, private or link-local address are refused ({@link
 * PrivateAddressException}) unless the API itself is at such an address ({@link
 * ViduClient.Builder#allowPrivateDownloadAddresses}). Obtain from {@link ViduClient#downloads()}.
 */
public final class Downloads {
  private final OkHttpClient http;
  private final RetryingExecutor executor;
  private final ViduEventListener listener;
  private final DownloadLimit limit;

  Downloads(
      OkHttpClient http,
      RetryingExecutor executor,
      ViduEventListener listener,
      long maxDownloadBytes) {
    this.http = http;
    this.executor = executor;
    this.listener = listener;
    this.limit = new DownloadLimit(maxDownloadBytes);
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
        (body, response, check) -> {
          try {
            check.copy(body, local);
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
          check.verify(response.contentLength());
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
        (body, response, check) -> {
          Path part = PartFiles.write(body, response.contentLength(), check, directory, name);
          try {
            if (!PartFiles.claim(part, file)) {
              throw new ViduException("will not overwrite existing file " + file);
            }
          } finally {
            PartFiles.deleteQuietly(part);
          }
          return file;
        });
    return file;
  }

  @FunctionalInterface
  private interface BodyHandler<T> {
    T handle(InputStream body, ResponseBody response, DownloadCheck check) throws IOException;
  }

  private <T> T fetch(String url, BodyHandler<T> handler) {
    Objects.requireNonNull(url, "url == null");
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new ViduException("not an http(s) URL: " + SafeUrl.of(url));
    }
    String operation = "GET " + parsed.host() + parsed.encodedPath();
    long callId = CallIds.next();
    return executor.run(
        RetryingExecutor.Mode.IDEMPOTENT,
        operation,
        callId,
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
            limit.checkDeclared(operation, body.contentLength());
            try (InputStream in = body.byteStream()) {
              DownloadCheck check = new DownloadCheck(limit, operation);
              T result = handler.handle(in, body, check);
              if (listener != ViduEventListener.NONE) {
                Optional<Path> file =
                    result instanceof Path path ? Optional.of(path) : Optional.empty();
                listener.downloadFinished(
                    callId,
                    SafeUrl.of(parsed),
                    file,
                    check.count(),
                    Duration.ofNanos(System.nanoTime() - started));
              }
              return result;
            }
          }
        });
  }
}
