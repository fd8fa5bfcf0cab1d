package io.github.vidu4j.batch;

import io.github.vidu4j.Downloads;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduLocalIOException;
import io.github.vidu4j.model.Creation;
import io.github.vidu4j.model.TaskCreations;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Saves a line's results as {@code <stem>-<n>.<ext>}. Each file is written under a hidden temporary
 * name, checked whole by {@link Downloads#toStream}, forced to disk, then renamed in one step: a
 * crash leaves either the whole file under its final name or none (and a temporary file that the
 * next run removes).
 */
final class ResultFiles {
  private static final String PART_SUFFIX = ".vidu-part";

  private ResultFiles() {}

  /** The file names written, in creation order. */
  static List<String> save(Downloads downloads, TaskCreations task, Path directory, String stem)
      throws IOException {
    List<Creation> creations = task.getCreations() == null ? List.of() : task.getCreations();
    if (creations.isEmpty()) {
      throw new ViduException("the task succeeded with no creations to save");
    }
    Files.createDirectories(directory);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < creations.size(); i++) {
      String url = creations.get(i).getUrl();
      if (url == null) {
        throw new ViduException("creation " + (i + 1) + " has no url");
      }
      String base = stem + "-" + (i + 1);
      Path part = directory.resolve("." + base + "." + UUID.randomUUID() + PART_SUFFIX);
      try {
        try (FileChannel channel =
                FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            OutputStream out = Channels.newOutputStream(channel)) {
          downloads.toStream(url, out);
          channel.force(true);
        } catch (ViduLocalIOException e) {
          // toStream knows only a stream; the user needs the file.
          throw e.path().isPresent()
              ? e
              : new ViduLocalIOException(
                  "cannot write " + part + ": " + e.getCause(), part, (IOException) e.getCause());
        }
        String name = base + "." + ResultNames.extension(part, url);
        // The name is this line's own: a file there is an earlier run's copy of the same result.
        Files.move(
            part,
            directory.resolve(name),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        names.add(name);
      } finally {
        Files.deleteIfExists(part);
      }
    }
    forceDirectory(directory);
    return names;
  }

  /**
   * Removes temporary files a killed run left behind; the journal's lock is held, so none is in
   * use.
   */
  static void removeLeftovers(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (DirectoryStream<Path> parts =
        Files.newDirectoryStream(directory, "." + "*" + PART_SUFFIX)) {
      for (Path part : parts) {
        Files.deleteIfExists(part);
      }
    }
  }

  /** Makes the renames durable where the platform allows forcing a directory (Linux does). */
  private static void forceDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported here (Windows): the files themselves are forced already.
    }
  }
}
