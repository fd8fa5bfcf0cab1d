package io.github.vidu4j.benchmarks;

import java.util.List;

/**
 * What someone without a generated model would write for a task-list page: plain classes with
 * public fields, {@code created_at} kept as the string it was sent as. The baseline for the list
 * row against which the generated model's own share shows.
 */
final class PlainTasks {
  private PlainTasks() {}

  /** A page of tasks. */
  static final class Page {
    String next_page_token;
    List<Task> tasks;
  }

  /** One task of a page. */
  static final class Task {
    String id;
    String key_id;
    String type;
    String template;
    String model;
    String prompt;
    List<String> images;
    int duration;
    String resolution;
    String aspect_ratio;
    String state;
    List<Creation> creations;
    String created_at;
    int credits;
  }

  /** One generated image. */
  static final class Creation {
    String id;
    String url;
    String cover_url;
    String watermarked_url;
  }
}
