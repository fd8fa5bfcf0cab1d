package io.github.vidu4j;

import io.github.vidu4j.core.ViduLocalIOException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A local target: its write failures are {@link ViduLocalIOException}s, so that only reading the
 * response can raise the {@link IOException} the retry logic takes for the network's.
 */
final class LocalOutput extends OutputStream {
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
