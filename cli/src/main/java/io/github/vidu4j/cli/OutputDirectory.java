package io.github.vidu4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks an {@code --output} directory before anything is sent: a task is paid for when it is
 * created, so finding out after a ten-minute wait that its images cannot be saved is too late.
 * Nothing is created here (an invalid request must leave no empty directory behind); the directory
 * is created when the first image is saved.
 */
final class OutputDirectory {
  private OutputDirectory() {}

  /** Why images could not be saved in {@code dir}, if they could not. */
  static Optional<String> problem(Path dir) {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        return Optional.of(dir + " exists and is not a directory");
      }
      return Files.isWritable(dir) ? Optional.empty() : Optional.of(dir + " is not writable");
    }
    // The nearest existing ancestor decides whether the missing directories can be created.
    Path ancestor = dir.toAbsolutePath().normalize().getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null) {
      return Optional.of(dir + " cannot be created: no existing parent directory");
    }
    if (!Files.isDirectory(ancestor)) {
      return Optional.of(dir + " cannot be created: " + ancestor + " is a file, not a directory");
    }
    return Files.isWritable(ancestor)
        ? Optional.empty()
        : Optional.of(dir + " cannot be created: " + ancestor + " is not writable");
  }

  /** Refuses {@code dir} with exit code 2 if images could not be saved there. */
  static void require(Path dir, String consequence) {
    problem(dir)
        .ifPresent(
            p -> {
              throw new ViduCli.UsageException("--output " + p + "; " + consequence);
            });
  }
}
