package io.github.vidu4j;

import io.github.vidu4j.core.ViduLocalIOException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The hidden temporary files a download is written to before it gets its name: {@code
 * .<name>.<pid>.<random>.part}; writing one, and giving it its name without replacing a file. The
 * process id says whose a file is, so that a later download to the same directory can remove what a
 * killed process left, and never touches a running one's.
 *
 * <p>Assumed: the directory is used by processes of one machine and one process-id namespace. A
 * part file from another machine (a shared network directory) whose number happens to be no live
 * process here would be removed while still being written; the writer then fails, nothing is saved
 * under a wrong name.
 */
final class PartFiles {
  private static final String SUFFIX = ".part";

  private PartFiles() {}

  /** A new part file name for {@code name}, owned by this process. */
  static String nameFor(String name) {
    return "."
        + name
        + "."
        + ProcessHandle.current().pid()
        + "."
        + UUID.randomUUID().toString().replace("-", "")
        + SUFFIX;
  }

  /**
   * The owner's process id that {@link #nameFor} put into {@code fileName}, if it is one of its
   * names.
   */
  static OptionalLong owner(String fileName) {
    if (!fileName.startsWith(".") || !fileName.endsWith(SUFFIX)) {
      return OptionalLong.empty();
    }
    String rest = fileName.substring(0, fileName.length() - SUFFIX.length());
    int random = rest.lastIndexOf('.');
    int pid = random <= 0 ? -1 : rest.lastIndexOf('.', random - 1);
    if (pid <= 0) {
      return OptionalLong.empty();
    }
    String digits = rest.substring(pid + 1, random);
    if (digits.isEmpty()
        || digits.length() > 18
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(digits));
  }

  /**
   * Deletes the part files in {@code directory} whose owning process is gone; best effort, as
   * leftovers are harmless: a failure to list or delete is ignored.
   */
  static int removeStale(Path directory) {
    int removed = 0;
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, ".*" + SUFFIX)) {
      for (Path part : parts) {
        OptionalLong owner = owner(part.getFileName().toString());
        if (owner.isPresent()
            && ProcessHandle.of(owner.getAsLong()).isEmpty()
            && Files.deleteIfExists(part)) {
          removed++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Leftovers cost disk space only; the download itself must not fail for them.
    }
    return removed;
  }

  /**
   * Copies {@code body} into a new part file for {@code name} in {@code directory} and checks it is
   * whole. A failure to read {@code body} stays an {@link IOException} (the network's, may be
   * retried: the part file is deleted); a failure to write is a {@link ViduLocalIOException}.
   */
  static Path write(
      InputStream body, long contentLength, DownloadCheck check, Path directory, String name)
      throws IOException {
    // Not Files.createTempFile: its owner-only permissions would carry over to the image.
    Path part = directory.resolve(nameFor(name));
    boolean done = false;
    try {
      try (OutputStream out = new LocalOutput(open(part), part)) {
        check.copy(body, out);
      }
      check.verify(contentLength);
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

  static void deleteQuietly(Path part) {
    try {
      Files.deleteIfExists(part);
    } catch (IOException e) {
      // Left for removeStale once this process has ended.
    }
  }

  /**
   * Gives {@code part}'s content the name {@code file} unless that exists. A hard link is made
   * atomically or not at all, so even a file appearing meanwhile is never replaced; where links are
   * unsupported, a copy that refuses an existing target.
   */
  static boolean claim(Path part, Path file) {
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
}
