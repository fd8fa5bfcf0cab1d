package io.github.vidu4j.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writing a download on this machine failed: the disk is full, a directory vanished, the file
 * system is read-only, or the caller's stream refused the bytes. The network is not at fault, so
 * this is never retried and is never a {@link ViduTransportException}. The message names the path;
 * the cause is the {@link IOException}. Callers of {@code Downloads} catch it to tell a local
 * failure from a network one.
 */
public final class ViduLocalIOException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String path;

  /**
   * Creates the exception; vidu4j builds these, users need this only in tests.
   *
   * @param path the file that could not be written, or null for a caller's stream
   */
  public ViduLocalIOException(String message, @Nullable Path path, IOException cause) {
    super(message, cause);
    // A String, not a Path: Path is not Serializable.
    this.path = path == null ? null : path.toString();
  }

  /**
   * The file or directory that could not be written; empty when the target was a caller's stream.
   */
  public Optional<Path> path() {
    return Optional.ofNullable(path).map(Path::of);
  }
}
