package io.github.vidu4j.batch;

import io.github.vidu4j.Downloads;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.IncompleteDownloadException;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.core.SafeUrl;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduLocalIOException;
import io.github.vidu4j.model.Creation;
import io.github.vidu4j.model.TaskCreations;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Saves a finished task's result files into a directory, named after the task: the directory policy
 * over the core's {@link Downloads#toFile}. Each file is downloaded whole under a hidden name first
 * (so nothing under a final name is ever partial) and then given the first free name; an existing
 * file is never overwritten. Thread-safe; obtain with {@link #of(ViduClient)}.
 */
public final class TaskFiles {
  private static final int MAX_NAME_SUFFIX = 1000;

  private final Downloads downloads;

  private TaskFiles(Downloads downloads) {
    this.downloads = downloads;
  }

  /** Saving through {@code client}'s downloads (its timeout, retries and events). */
  public static TaskFiles of(ViduClient client) {
    return new TaskFiles(Objects.requireNonNull(client, "client == null").downloads());
  }

  /**
   * Downloads every creation of a finished task into {@code directory} (created if missing), one
   * file each, named {@code <task id>-<n>.<extension>} with {@code n} from 1 and the extension
   * ({@code png}, {@code jpg}, {@code webp}) from the file's first bytes, else the URL's path
   * ({@code bin} if neither says). An existing file is never overwritten: where the name is taken,
   * the first free one of {@code <task id>-<n>-2.<extension>}, {@code -3}, ... is used. Returns the
   * paths written, in creation order. {@link #saveEach} does the same and reports each creation's
   * outcome as data.
   *
   * @throws UnsafeFileNameException if the task id is not a safe file name (nothing is downloaded)
   * @throws ViduException if the task has no creations, or any creation could not be saved (the
   *     others are saved all the same: a paid image is not lost to a neighbour's failure). The
   *     exception names the first creation not saved and its cause is that creation's own failure
   *     ({@link ViduLocalIOException}, {@link IncompleteDownloadException}, ...); the others are
   *     attached as suppressed exceptions.
   */
  public List<Path> toDirectory(TaskCreations task, Path directory) {
    Objects.requireNonNull(task, "task == null");
    Objects.requireNonNull(directory, "directory == null");
    return pathsOrFailure(task, saveEachNow(task, directory, saved -> {}));
  }

  /**
   * Saves every creation as {@link #toDirectory(TaskCreations, Path)} does, but reports each
   * creation's outcome instead of throwing for it: where it was saved (and whether under another
   * name than wanted), or its failure. Each outcome goes to {@code onEach} as soon as it is known,
   * for progress output; all are returned in creation order.
   *
   * @throws UnsafeFileNameException if the task id is not a safe file name (nothing is downloaded)
   * @throws ViduLocalIOException if {@code directory} cannot be created
   * @throws ViduException if the task has no creations
   */
  public List<CreationDownload> saveEach(
      TaskCreations task, Path directory, Consumer<CreationDownload> onEach) {
    Objects.requireNonNull(task, "task == null");
    Objects.requireNonNull(directory, "directory == null");
    Objects.requireNonNull(onEach, "onEach == null");
    return saveEachNow(task, directory, onEach);
  }

  private static String taskId(TaskCreations task) {
    return task.getId() != null ? task.getId() : RawJson.field(task, "id").orElse("task");
  }

  private List<CreationDownload> saveEachNow(
      TaskCreations task, Path directory, Consumer<CreationDownload> onEach) {
    List<Creation> creations = task.getCreations() == null ? List.of() : task.getCreations();
    String taskId = taskId(task);
    if (creations.isEmpty()) {
      throw new ViduException(
          "task "
              + SafeFileNames.escaped(taskId)
              + " has no creations to download (state "
              + task.getState()
              + ")");
    }
    String taskStem = SafeFileNames.stem(taskId);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new ViduLocalIOException(
          "cannot create directory " + directory + ": " + e.getMessage(), directory, e);
    }
    List<CreationDownload> results = new ArrayList<>();
    for (int i = 0; i < creations.size(); i++) {
      int index = i + 1;
      String stem = taskStem + "-" + index;
      String url = creations.get(i).getUrl();
      CreationDownload result;
      if (url == null || HttpUrl.parse(url) == null) {
        String problem =
            url == null
                ? "the task lists no url for it"
                : "its url is not an http(s) URL: " + SafeUrl.of(url);
        result =
            new CreationDownload(
                index, url == null ? "" : url, null, null, new ViduException(problem));
      } else {
        try {
          Saved saved = save(url, directory, stem);
          result = new CreationDownload(index, url, saved.preferredName(), saved.file(), null);
        } catch (ViduException e) {
          result = new CreationDownload(index, url, null, null, e);
        }
      }
      results.add(result);
      onEach.accept(result);
    }
    return List.copyOf(results);
  }

  private static List<Path> pathsOrFailure(TaskCreations task, List<CreationDownload> results) {
    ViduException failure = null;
    List<Path> written = new ArrayList<>();
    for (CreationDownload result : results) {
      result.file().ifPresent(written::add);
      if (result.error() != null) {
        ViduException named =
            new ViduException(
                "creation "
                    + result.index()
                    + " of task "
                    + taskId(task)
                    + " not saved: "
                    + result.error().getMessage(),
                result.error());
        if (failure == null) {
          failure = named;
        } else {
          failure.addSuppressed(named);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return List.copyOf(written);
  }

  private record Saved(Path file, String preferredName) {}

  /**
   * Downloads {@code url} whole under a hidden name in {@code directory} ({@link Downloads#toFile}
   * writes and checks it through a part file of its own), then gives it the first free name:
   * nothing is ever replaced. A process killed between the two steps leaves a hidden {@code
   * .<stem>.<random>.saving} file, a whole image under a name no reader picks up.
   */
  private Saved save(String url, Path directory, String stem) {
    Path whole =
        SafeFileNames.inside(
            directory,
            "." + stem + "." + UUID.randomUUID().toString().replace("-", "") + ".saving");
    downloads.toFile(url, whole);
    try {
      String extension;
      try {
        extension = ResultNames.extension(whole, url);
      } catch (IOException e) {
        throw new ViduLocalIOException("cannot read back " + whole + ": " + e, whole, e);
      }
      String preferred = stem + "." + extension;
      for (int n = 1; n <= MAX_NAME_SUFFIX; n++) {
        Path file =
            SafeFileNames.inside(directory, n == 1 ? preferred : stem + "-" + n + "." + extension);
        if (claim(whole, file)) {
          return new Saved(file, preferred);
        }
      }
      throw new ViduException(
          preferred + " and " + MAX_NAME_SUFFIX + " numbered variants exist in " + directory);
    } finally {
      try {
        Files.deleteIfExists(whole);
      } catch (IOException e) {
        // A whole image under a hidden name: harmless, and the caller's file is saved.
      }
    }
  }

  /**
   * Gives {@code whole}'s content the name {@code file} unless that exists. A hard link is made
   * atomically or not at all, so even a file appearing meanwhile is never replaced; where links are
   * unsupported, a copy that refuses an existing target.
   */
  private static boolean claim(Path whole, Path file) {
    try {
      Files.createLink(file, whole);
      return true;
    } catch (FileAlreadyExistsException taken) {
      return false;
    } catch (UnsupportedOperationException | IOException noLinks) {
      try {
        Files.copy(whole, file);
        return true;
      } catch (FileAlreadyExistsException taken) {
        return false;
      } catch (IOException e) {
        throw new ViduLocalIOException("cannot write " + file + ": " + e, file, e);
      }
    }
  }
}
