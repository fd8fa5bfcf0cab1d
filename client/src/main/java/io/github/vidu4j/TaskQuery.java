package io.github.vidu4j;

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
 * other. Immutable; every method returns a copy.
 */
public final class TaskQuery {
  private static final TaskQuery ALL =
      new TaskQuery(
          null, null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null);

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

  private TaskQuery(
      @Nullable OffsetDateTime createdFrom,
      @Nullable OffsetDateTime createdTo,
      List<String> taskIds,
      List<String> templates,
      List<String> modelVersions,
      List<String> resolutions,
      List<TaskState> states,
      @Nullable Integer page,
      @Nullable Integer pageSize,
      @Nullable String pageToken) {
    this.createdFrom = createdFrom;
    this.createdTo = createdTo;
    this.taskIds = List.copyOf(taskIds);
    this.templates = List.copyOf(templates);
    this.modelVersions = List.copyOf(modelVersions);
    this.resolutions = List.copyOf(resolutions);
    this.states = List.copyOf(states);
    this.page = page;
    this.pageSize = pageSize;
    this.pageToken = pageToken;
  }

  /** No filters: Vidu's defaults. */
  public static TaskQuery all() {
    return ALL;
  }

  /**
   * A builder starting from {@link #all()}: {@code
   * TaskQuery.builder().states(List.of(TaskState.SUCCESS)).pageSize(50).build()}.
   */
  public static Builder builder() {
    return new Builder(ALL);
  }

  /** A builder starting from this query. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Builds a {@link TaskQuery}; each method checks its value as the query's method of the same name
   * does, and throws at once on a bad one. Not thread-safe.
   */
  public static final class Builder {
    private TaskQuery query;

    private Builder(TaskQuery query) {
      this.query = query;
    }

    /** See {@link TaskQuery#createdFrom}. */
    public Builder createdFrom(OffsetDateTime from) {
      query = query.createdFrom(from);
      return this;
    }

    /** See {@link TaskQuery#createdTo}. */
    public Builder createdTo(OffsetDateTime to) {
      query = query.createdTo(to);
      return this;
    }

    /** See {@link TaskQuery#taskIds}. */
    public Builder taskIds(List<String> ids) {
      query = query.taskIds(ids);
      return this;
    }

    /** See {@link TaskQuery#templates}. */
    public Builder templates(List<String> names) {
      query = query.templates(names);
      return this;
    }

    /** See {@link TaskQuery#modelVersions}. */
    public Builder modelVersions(List<String> versions) {
      query = query.modelVersions(versions);
      return this;
    }

    /** See {@link TaskQuery#resolutions}. */
    public Builder resolutions(List<String> values) {
      query = query.resolutions(values);
      return this;
    }

    /** See {@link TaskQuery#states}. */
    public Builder states(List<TaskState> values) {
      query = query.states(values);
      return this;
    }

    /** See {@link TaskQuery#page}; clears a page token. */
    public Builder page(int number) {
      query = query.page(number);
      return this;
    }

    /** See {@link TaskQuery#pageSize}. */
    public Builder pageSize(int size) {
      query = query.pageSize(size);
      return this;
    }

    /** See {@link TaskQuery#pageToken}; clears a page number. */
    public Builder pageToken(String token) {
      query = query.pageToken(token);
      return this;
    }

    /** The query. */
    public TaskQuery build() {
      return query;
    }
  }

  /** Tasks created at or after {@code from} ({@code created_at.from}). */
  public TaskQuery createdFrom(OffsetDateTime from) {
    return new TaskQuery(
        Objects.requireNonNull(from, "from == null"),
        createdTo,
        taskIds,
        templates,
        modelVersions,
        resolutions,
        states,
        page,
        pageSize,
        pageToken);
  }

  /** Tasks created before {@code to} ({@code created_at.to}). */
  public TaskQuery createdTo(OffsetDateTime to) {
    return new TaskQuery(
        createdFrom,
        Objects.requireNonNull(to, "to == null"),
        taskIds,
        templates,
        modelVersions,
        resolutions,
        states,
        page,
        pageSize,
        pageToken);
  }

  /** Only these task ids ({@code task_ids}). */
  public TaskQuery taskIds(List<String> ids) {
    return new TaskQuery(
        createdFrom,
        createdTo,
        ids,
        templates,
        modelVersions,
        resolutions,
        states,
        page,
        pageSize,
        pageToken);
  }

  /**
   * Only tasks of these templates ({@code templates}). Vidu's templates are for video; image tasks
   * have none, so this is here for completeness.
   */
  public TaskQuery templates(List<String> names) {
    return new TaskQuery(
        createdFrom,
        createdTo,
        taskIds,
        names,
        modelVersions,
        resolutions,
        states,
        page,
        pageSize,
        pageToken);
  }

  /** Only these model versions ({@code model_versions}, for example {@code q2}). */
  public TaskQuery modelVersions(List<String> versions) {
    return new TaskQuery(
        createdFrom,
        createdTo,
        taskIds,
        templates,
        versions,
        resolutions,
        states,
        page,
        pageSize,
        pageToken);
  }

  /** Only these resolutions ({@code resolutions}). */
  public TaskQuery resolutions(List<String> values) {
    return new TaskQuery(
        createdFrom,
        createdTo,
        taskIds,
        templates,
        modelVersions,
        values,
        states,
        page,
        pageSize,
        pageToken);
  }

  /** Only tasks in these states ({@code states}). */
  public TaskQuery states(List<TaskState> values) {
    return new TaskQuery(
        createdFrom,
        createdTo,
        taskIds,
        templates,
        modelVersions,
        resolutions,
        values,
        page,
        pageSize,
        pageToken);
  }

  /**
   * The page to read by number ({@code pager.page}), zero-based; Vidu's default is 0. An
   * alternative to {@link #pageToken}, which it clears, as the two together are ambiguous.
   */
  public TaskQuery page(int number) {
    if (number < 0) {
      throw new IllegalArgumentException("page is zero-based, so 0 or more, got " + number);
    }
    return new TaskQuery(
        createdFrom,
        createdTo,
        taskIds,
        templates,
        modelVersions,
        resolutions,
        states,
        number,
        pageSize,
        null);
  }

  /**
   * Tasks a page ({@code pager.pagesz}), 1 to {@link ViduRules#maxPageSize()}; absent, Vidu's
   * default {@link ViduRules#defaultPageSize()}.
   */
  public TaskQuery pageSize(int size) {
    int max = ViduRules.spec().maxPageSize();
    if (size < 1 || size > max) {
      throw new IllegalArgumentException("pageSize must be 1 to " + max + ", got " + size);
    }
    return new TaskQuery(
        createdFrom,
        createdTo,
        taskIds,
        templates,
        modelVersions,
        resolutions,
        states,
        page,
        size,
        pageToken);
  }

  /**
   * Continue from a previous page's {@code next_page_token} ({@code pager.page_token}). An
   * alternative to {@link #page}, which it clears.
   */
  public TaskQuery pageToken(String token) {
    return new TaskQuery(
        createdFrom,
        createdTo,
        taskIds,
        templates,
        modelVersions,
        resolutions,
        states,
        null,
        pageSize,
        Objects.requireNonNull(token, "token == null"));
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
