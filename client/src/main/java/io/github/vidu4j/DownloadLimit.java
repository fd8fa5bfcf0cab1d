package io.github.vidu4j;

import io.github.vidu4j.core.ViduResponseException;

/**
 * The most bytes one result file may have ({@link ViduClient.Builder#maxDownloadBytes}): a {@code
 * Content-Length} beyond it is refused before the body is read, and a body is stopped once it goes
 * beyond it, counted after decoding (a few hundred KB of gzip can inflate to gigabytes). Either is
 * a {@link ViduResponseException} (with {@code limitBytes()}), never retried: the same URL would
 * send the same file.
 */
final class DownloadLimit {
  private final long maxBytes;

  DownloadLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Refuses a body whose announced length is beyond the limit; -1 (none announced) passes. */
  void checkDeclared(String what, long contentLength) {
    if (contentLength > maxBytes) {
      throw new ViduResponseException(
          what,
          what
              + ": its Content-Length of "
              + contentLength
              + " bytes is beyond the download limit of "
              + maxBytes
              + " bytes (maxDownloadBytes); not downloaded",
          maxBytes);
    }
  }

  /** Refuses a body once {@code received} bytes of it (decoded) are beyond the limit. */
  void checkReceived(String what, long received) {
    if (received > maxBytes) {
      throw new ViduResponseException(
          what,
          what
              + ": the file went on beyond the download limit of "
              + maxBytes
              + " bytes (maxDownloadBytes, counted after decoding); the download was stopped there"
              + " and nothing was saved under its name",
          maxBytes);
    }
  }
}
