package io.github.vidu4j;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The hidden temporary files a download is written to before it gets its name: {@code
 * .<name>.<pid>.<random>.part}. The process id says whose a file is, so that a later download to
 * the same directory can remove what a killed process left, and never touches a running one's.
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
}
