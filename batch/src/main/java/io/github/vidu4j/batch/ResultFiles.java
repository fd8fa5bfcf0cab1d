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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        place(part, directory.resolve(name));
        names.add(name);
      } finally {
        Files.deleteIfExists(part);
      }
    }
    forceDirectory(directory);
    return names;
  }

  /**
   * Moves {@code part} to {@code target}, never over a file there: a file with the same bytes is
   * this result saved by a run killed before it could record it, anything else is not the batch's.
   */
  private static void place(Path part, Path target) throws IOException {
    // A hard link is made in one step and never replaces (rename(2) would, even without
    // REPLACE_EXISTING when ATOMIC_MOVE is asked for); the part is removed by the caller.
    try {
      Files.createLink(target, part);
      return;
    } catch (FileAlreadyExistsException e) {
      // compared below
    } catch (UnsupportedOperationException | IOException e) {
      // No hard links on this file system: a plain move, which fails if the target exists.
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(part, target);
        return;
      }
    }
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
        || Files.mismatch(part, target) != -1) {
      throw new ViduLocalIOException(
          target
              + " exists and this batch did not write it: it is left as it is. Move it away and run"
              + " again to save this result",
          target,
          new FileAlreadyExistsException(target.toString()));
    }
  }

  /**
   * The names the batch writes for {@code stem}: {@code <stem>-<n>.<png|jpg|webp|mp4|bin>},
   * compared without regard to case (as case-insensitive file systems compare them).
   */
  static Pattern namePattern(String stem) {
    return Pattern.compile(
        Pattern.quote(stem) + "-[1-9][0-9]{0,3}\\.(png|jpg|webp|mp4|bin)",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * Files in {@code directory} named as results of {@code stems}, at most {@code limit}: a folder
   * holding them and no journal had its journal lost or holds someone else's files.
   */
  static List<String> resultsOf(Path directory, Collection<String> stems, int limit)
      throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    Pattern any =
        Pattern.compile("(.+)-[1-9][0-9]{0,3}\\.(png|jpg|webp|mp4|bin)", Pattern.CASE_INSENSITIVE);
    Set<String> lower = new HashSet<>();
    stems.forEach(s -> lower.add(s.toLowerCase(Locale.ROOT)));
    List<String> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        Matcher m = any.matcher(name);
        if (m.matches() && lower.contains(m.group(1).toLowerCase(Locale.ROOT))) {
          found.add(name);
          if (found.size() >= limit) {
            break;
          }
        }
      }
    }
    found.sort(null);
    return found;
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
