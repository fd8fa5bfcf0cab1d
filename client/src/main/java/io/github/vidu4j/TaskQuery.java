package io.github.vidu4j;

import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.validation.ViduRules;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for {@link Tasks#list(TaskQuery)}: the query parameters of {@code GET
 * /ent/v2/tasks}. Every filter is optional; when one is absent Vidu applies its default (the spec's
 * {@code listTasks} parameters say which; the page size bounds are {@link
 * ViduRules#defaultPageSize()} and {@link ViduRules#maxPageSize()}). Pages are chosen either by
 * number ({@link #page}) or by a previous page's token ({@link #pageToken}); setting one clears the
 * other. Immutable; every method returns a copy. Used by applications, {@code vidu4j-batch}'s
 * reconciler and the CLI's {@code task list}.
 */
public final class TaskQuery {
  private static final TaskQuery ALL = new Builder().build();

  final @Nullable OffsetDateTime createdFrom;
  final @Nullable OffsetDateTime createdTo;
  final List<String> taskIds;
  final List<String> templates;
  final List<String> modelVersions;
  final List<String> resolutions;
  final List<TaskState> states;
  final @Nullable Integer page;
  final @Nullable Integer pageSize;
  final @Nullable String pageToken;

  private TaskQuery(Builder b) {
    this.createdFrom = b.createdFrom;
    this.createdTo = b.createdTo;
    this.taskIds = List.copyOf(b.taskIds);
    this.templates = List.copyOf(b.templates);
    this.modelVersions = List.copyOf(b.modelVersions);
    this.resolutions = List.copyOf(b.resolutions);
    this.states = List.copyOf(b.states);
    this.page = b.page;
    this.pageSize = b.pageSize;
    this.pageToken = b.pageToken;
  }

  /** No filters: Vidu's defaults. */
  public static TaskQuery all() {
    return ALL;
  }

  private Builder edit() {
    return new Builder(this);
  }

  /** The query's fields while one is made; each check throws at once on a bad value. */
  private static final class Builder {
    private @Nullable OffsetDateTime createdFrom;
    private @Nullable OffsetDateTime createdTo;
    private List<String> taskIds = List.of();
    private List<String> templates = List.of();
    private List<String> modelVersions = List.of();
    private List<String> resolutions = List.of();
    private List<TaskState> states = List.of();
    private @Nullable Integer page;
    private @Nullable Integer pageSize;
    private @Nullable String pageToken;

    private Builder() {}

    private Builder(TaskQuery query) {
      this.createdFrom = query.createdFrom;
      this.createdTo = query.createdTo;
      this.taskIds = query.taskIds;
      this.templates = query.templates;
      this.modelVersions = query.modelVersions;
      this.resolutions = query.resolutions;
      this.states = query.states;
      this.page = query.page;
      this.pageSize = query.pageSize;
      this.pageToken = query.pageToken;
    }

    Builder createdFrom(OffsetDateTime from) {
      this.createdFrom = Objects.requireNonNull(from, "from == null");
      return this;
    }

    Builder createdTo(OffsetDateTime to) {
      this.createdTo = Objects.requireNonNull(to, "to == null");
      return this;
    }

    Builder taskIds(List<String> ids) {
      this.taskIds = List.copyOf(ids);
      return this;
    }

    Builder templates(List<String> names) {
      this.templates = List.copyOf(names);
      return this;
    }

    Builder modelVersions(List<String> versions) {
      this.modelVersions = List.copyOf(versions);
      return this;
    }

    Builder resolutions(List<String> values) {
      this.resolutions = List.copyOf(values);
      return this;
    }

    Builder states(List<TaskState> values) {
      this.states = List.copyOf(values);
      return this;
    }

    Builder page(int number) {
      if (number < 0) {
        throw new InvalidSettingException("page", "is zero-based, so 0 or more, got " + number);
      }
      this.page = number;
      this.pageToken = null;
      return this;
    }

    Builder pageSize(int size) {
      int max = ViduRules.spec().maxPageSize();
      if (size < 1 || size > max) {
        throw new InvalidSettingException("pageSize", "must be 1 to " + max + ", got " + size);
      }
      this.pageSize = size;
      return this;
    }

    Builder pageToken(String token) {
      this.pageToken = Objects.requireNonNull(token, "token == null");
      this.page = null;
      return this;
    }

    TaskQuery build() {
      return new TaskQuery(this);
    }
  }

  /** Tasks created at or after {@code from} ({@code created_at.from}). */
  public TaskQuery createdFrom(OffsetDateTime from) {
    return edit().createdFrom(from).build();
  }

  /** Tasks created before {@code to} ({@code created_at.to}). */
  public TaskQuery createdTo(OffsetDateTime to) {
    return edit().createdTo(to).build();
  }

  /** Only these task ids ({@code task_ids}). */
  public TaskQuery taskIds(List<String> ids) {
    return edit().taskIds(ids).build();
  }

  /**
   * Only tasks of these templates ({@code templates}). Vidu's templates are for video; image tasks
   * have none, so this is here for completeness.
   */
  public TaskQuery templates(List<String> names) {
    return edit().templates(names).build();
  }

  /** Only these model versions ({@code model_versions}, for example {@code q2}). */
  public TaskQuery modelVersions(List<String> versions) {
    return edit().modelVersions(versions).build();
  }

  /** Only these resolutions ({@code resolutions}). */
  public TaskQuery resolutions(List<String> values) {
    return edit().resolutions(values).build();
  }

  /** Only tasks in these states ({@code states}). */
  public TaskQuery states(List<TaskState> values) {
    return edit().states(values).build();
  }

  /**
   * The page to read by number ({@code pager.page}), zero-based; Vidu's default is 0. An
   * alternative to {@link #pageToken}, which it clears, as the two together are ambiguous.
   */
  public TaskQuery page(int number) {
    return edit().page(number).build();
  }

  /**
   * Tasks a page ({@code pager.pagesz}), 1 to {@link ViduRules#maxPageSize()}; absent, Vidu's
   * default {@link ViduRules#defaultPageSize()}.
   */
  public TaskQuery pageSize(int size) {
    return edit().pageSize(size).build();
  }

  /**
   * Continue from a previous page's {@code next_page_token} ({@code pager.page_token}). An
   * alternative to {@link #page}, which it clears.
   */
  public TaskQuery pageToken(String token) {
    return edit().pageToken(token).build();
  }

  @Override
  public String toString() {
    return "TaskQuery{createdFrom="
        + createdFrom
        + ", createdTo="
        + createdTo
        + ", taskIds="
        + taskIds
        + ", templates="
        + templates
        + ", modelVersions="
        + modelVersions
        + ", resolutions="
        + resolutions
        + ", states="
        + states
        + ", page="
        + page
        + ", pageSize="
        + pageSize
        + ", pageToken="
        + pageToken
        + "}";
  }
}
