package io.github.vidu4j.cli;

import io.github.vidu4j.RawJson;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.ViduException;
import io.github.vidu4j.model.Creation;
import io.github.vidu4j.model.TaskCreations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Saves a finished task's creations as {@code <task id>-<n>.<ext>}, never overwriting: where that
 * name is taken, the next free one of {@code <task id>-<n>-2.<ext>}, {@code -3}, ... The client's
 * {@code Downloads.toDirectory} refuses a clash instead, losing every image of a paid task over
 * one old file, so the CLI saves each creation itself and goes on with the others when one fails.
 */
final class ResultFiles {
  private static final int MAX_SUFFIX = 1000;

  private ResultFiles() {}

  /**
   * Saves every creation, handing each path to {@code saved} as soon as it is written. A creation
   * that cannot be saved is reported on {@code err}; the first such failure is thrown at the end,
   * after the others were saved.
   */
  static void save(ViduClient client, TaskCreations task, Path directory, PrintWriter err, Consumer<Path> saved) {
    List<Creation> creations = task.getCreations() == null ? List.of() : task.getCreations();
    String taskId = task.getId() != null ? task.getId() : RawJson.field(task, "id").orElse("task");
    if (creations.isEmpty()) {
      throw new ViduException("task " + taskId + " has no creations to download");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new ViduException("cannot create --output directory " + directory + ": " + e.getMessage(), e);
    }
    List<RuntimeException> failures = new ArrayList<>();
    for (int i = 0; i < creations.size(); i++) {
      String stem = taskId + "-" + (i + 1);
      try {
        String url = creations.get(i).getUrl();
        if (url == null) {
          throw new ViduException("the task lists no url for it");
        }
        Path file = saveOne(client, url, directory, stem);
        String name = file.getFileName().toString();
        if (!name.startsWith(stem + ".")) {
          err.println(stem + name.substring(name.lastIndexOf('.')) + " already exists in " + directory + "; saved as " + name + " instead");
        }
        saved.accept(file);
      } catch (RuntimeException e) {
        err.println("creation " + (i + 1) + " of task " + taskId + " not saved: " + e.getMessage());
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }

  /** Downloads into a temporary file beside the target, then gives it the first free name. */
  private static Path saveOne(ViduClient client, String url, Path directory, String stem) {
    // Not Files.createTempFile: its owner-only permissions would carry over to the image.
    Path part = directory.resolve("." + stem + "-" + UUID.randomUUID() + ".part");
    try {
      try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        client.downloads().toStream(url, out);
      }
      String extension = extension(part, url);
      for (int n = 1; n <= MAX_SUFFIX; n++) {
        Path file = directory.resolve(stem + (n == 1 ? "" : "-" + n) + "." + extension);
        if (claim(part, file)) {
          return file;
        }
      }
      throw new ViduException(stem + "." + extension + " and " + MAX_SUFFIX + " numbered variants exist in " + directory);
    } catch (IOException e) {
      throw new ViduException("cannot write in " + directory + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(part);
      } catch (IOException ignored) {
        // A stray .part file is harmless and named as such; the download's own error matters more.
      }
    }
  }

  /**
   * Gives {@code part}'s content the name {@code file} unless that exists. A hard link is created
   * atomically or not at all, so even a file appearing meanwhile is never replaced; where links
   * are unsupported, a copy that refuses an existing target.
   */
  private static boolean claim(Path part, Path file) throws IOException {
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
      }
    }
  }

  /** From the file's first bytes (what it is), else the URL's path (what it claims to be). */
  static String extension(Path file, String url) throws IOException {
    byte[] head = new byte[12];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 8 && (head[0] & 0xff) == 0x89 && new String(head, 1, 3, StandardCharsets.US_ASCII).equals("PNG")) {
      return "png";
    }
    if (n >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
      return "jpg";
    }
    if (n >= 12 && new String(head, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
        && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
      return "webp";
    }
    String path = pathOf(url).toLowerCase(Locale.ROOT);
    for (String known : List.of("png", "jpg", "jpeg", "webp")) {
      if (path.endsWith("." + known)) {
        return known.equals("jpeg") ? "jpg" : known;
      }
    }
    return "bin";
  }

  private static String pathOf(String url) {
    try {
      @Nullable String path = URI.create(url).getPath();
      return path == null ? "" : path;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
