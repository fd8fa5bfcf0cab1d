package io.github.vidu4j.batch;

import io.github.vidu4j.core.SafeUrl;
import io.github.vidu4j.core.ViduException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What became of one creation of a task that {@link TaskFiles#saveEach} saved: where it was
 * written, or why not. Exactly one of {@link #file()} and {@link #failure()} is present.
 *
 * @param index the creation's position in the task, from 1
 * @param url the result URL downloaded (signed: {@link #toString()} hides its query values)
 * @param preferredName the file name wanted, {@code <task id>-<index>.<extension>}; null if the
 *     download failed before the extension was known
 * @param savedAs the file written, or null if it failed
 * @param error the failure, or null if it was saved
 */
public record CreationDownload(
    int index,
    String url,
    @Nullable String preferredName,
    @Nullable Path savedAs,
    @Nullable ViduException error) {
  /** Checks that exactly one of {@code savedAs} and {@code error} is given. */
  public CreationDownload {
    Objects.requireNonNull(url, "url == null");
    if ((savedAs == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of savedAs and error must be given");
    }
  }

  /** The file written, if the creation was saved. */
  public Optional<Path> file() {
    return Optional.ofNullable(savedAs);
  }

  /** Why it was not saved, if it was not. */
  public Optional<ViduException> failure() {
    return Optional.ofNullable(error);
  }

  /**
   * Whether the file was saved under another name than {@link #preferredName()} because that name
   * was taken ({@code <task id>-<index>-2.<extension>}, ...).
   */
  public boolean renamed() {
    return savedAs != null && !savedAs.getFileName().toString().equals(preferredName);
  }

  @Override
  public String toString() {
    return "CreationDownload[index="
        + index
        + ", url="
        + SafeUrl.of(url)
        + (savedAs != null ? ", savedAs=" + savedAs : ", failure=" + error)
        + "]";
  }
}
