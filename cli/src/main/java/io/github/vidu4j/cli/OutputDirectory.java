package io.github.vidu4j.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Checks an {@code --output} directory before anything is sent: a task is paid for when it is
 * created, so finding out after a ten-minute wait that its images cannot be saved is too late.
 * Permissions do not tell (root may write anywhere the kernel lets it, {@code /proc} refuses
 * everyone), so the check does it: it creates the missing directories and writes a test file in the
 * last, then removes what it made, so that an invalid request leaves no empty directory behind. The
 * directory is created again when the first image is saved.
 */
final class OutputDirectory {
  private OutputDirectory() {}

  /** Why images could not be saved in {@code dir}, if they could not. */
  static Optional<String> problem(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      return Optional.of(dir + " exists and is not a directory");
    }
    Path absolute = dir.toAbsolutePath().normalize();
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
      missing.push(p);
    }
    Path ancestor = missing.isEmpty() ? absolute : missing.peek().getParent();
    if (ancestor == null) {
      return Optional.of(dir + " cannot be created: no existing parent directory");
    }
    if (!Files.isDirectory(ancestor)) {
      return Optional.of(dir + " cannot be created: " + ancestor + " is a file, not a directory");
    }
    List<Path> created = new ArrayList<>();
    try {
      for (Path p : missing) {
        Files.createDirectory(p);
        created.add(p);
      }
    } catch (IOException | SecurityException e) {
      removeAll(created);
      return Optional.of(dir + " cannot be created: " + reason(e));
    }
    try {
      Path probe = Files.createTempFile(absolute, ".vidu-write-test-", ".tmp");
      try {
        Files.write(probe, new byte[] {'v'});
      } finally {
        Files.deleteIfExists(probe);
      }
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.of(dir + " is not writable: " + reason(e));
    } finally {
      removeAll(created);
    }
  }

  /** Refuses {@code dir} with exit code 2 if images could not be saved there. */
  static void require(Path dir, String consequence) {
    problem(dir)
        .ifPresent(
            p -> {
              throw new ViduCli.UsageException("--output " + p + "; " + consequence);
            });
  }

  /** The directories this check made, deepest first; one that is no longer empty stays. */
  private static void removeAll(List<Path> created) {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(created.get(i));
      } catch (IOException | SecurityException e) {
        return;
      }
    }
  }

  private static String reason(Exception e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
