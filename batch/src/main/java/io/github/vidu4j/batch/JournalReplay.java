package io.github.vidu4j.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Replays a journal's records onto the lines of a run. A journal is a file a person can edit: every
 * value is checked for its type and meaning, and one that is wrong stops the run with the journal
 * and the line of it named ({@link BatchRefusedException}); nothing is sent.
 */
final class JournalReplay {
  private final Path journal;

  private final Map<Integer, RunLine> lines;

  private JournalReplay(Path journal, Map<Integer, RunLine> lines) {
    this.journal = journal;
    this.lines = lines;
  }

  static void apply(Path journal, List<Journal.Entry> entries, Map<Integer, RunLine> lines) {
    JournalReplay replay = new JournalReplay(journal, lines);
    for (Journal.Entry entry : entries) {
      replay.apply(entry);
    }
  }

  private void apply(Journal.Entry entry) {
    JsonObject event = entry.event();
    String kind = string(entry, "event", true);
    if (!List.of("creating", "unanswered", "created", "not_created", "succeeded", "failed", "saved")
        .contains(kind)) {
      return; // a kind a later release writes: it carries nothing this one acts on
    }
    int number = integer(entry, "line", 1);
    RunLine line = lines.get(number);
    if (line == null) {
      throw bad(entry, "\"line\": " + number + " is not a line of this batch");
    }
    switch (kind) {
      case "creating" -> {
        line.status = RunLine.Status.CREATING;
        line.attempt = integer(entry, "attempt", 1);
        line.tag = string(entry, "tag", true);
        line.creatingAt = instant(entry, "at");
        line.uncertainSince = line.creatingAt;
        line.taskId = null;
        line.committedCredits = null;
      }
      case "created" -> {
        @Nullable String task = string(entry, "task", false);
        if (task == null) {
          // Written without its id (it contained the API key): found again by its tag.
          line.status = RunLine.Status.CREATING;
          line.uncertainSince = instant(entry, "at");
        } else {
          line.status = RunLine.Status.CREATED;
          line.taskId = taskId(entry, task);
          line.uncertainSince = null;
        }
        Integer credits = integerOrNull(entry, "credits");
        line.committedCredits = credits;
      }
      case "unanswered" -> {
        // The create had no usable answer; the line stays CREATING until found or given up.
      }
      case "not_created" -> {
        line.status = RunLine.Status.NOT_CREATED;
        if (!(event.get("uncertain") instanceof JsonPrimitive p
            && p.isBoolean()
            && p.getAsBoolean())) {
          line.uncertainSince = null;
        }
      }
      case "succeeded" -> {
        // Without a recorded id (it held the key) the task is found again by its tag.
        line.status = line.taskId == null ? RunLine.Status.CREATING : RunLine.Status.SUCCEEDED;
        line.credits = integerOrNull(entry, "credits");
        line.committedCredits = null;
      }
      case "failed" -> {
        line.status = RunLine.Status.FAILED;
        line.errCode = string(entry, "err_code", false);
        line.credits = integerOrNull(entry, "credits");
        line.error = string(entry, "error", false);
        line.committedCredits = null;
      }
      case "saved" -> {
        line.status = RunLine.Status.SAVED;
        line.files = files(entry, line);
        line.committedCredits = null;
      }
      default -> throw new IllegalStateException(kind);
    }
  }

  /** The names the batch writes for this line, {@code <stem>-<n>.<ext>}, and nothing else. */
  private List<String> files(Journal.Entry entry, RunLine line) {
    JsonElement value = entry.event().get("files");
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw bad(entry, "\"files\" must be a list of file names, got " + shown(value));
    }
    Pattern ours = ResultFiles.namePattern(line.line.fileStem());
    List<String> files = new ArrayList<>();
    for (JsonElement file : array) {
      if (!(file instanceof JsonPrimitive p
          && p.isString()
          && ours.matcher(p.getAsString()).matches())) {
        throw bad(
            entry,
            "\"files\" holds "
                + shown(file)
                + ", not a name this batch writes for line "
                + line.line.number()
                + " ("
                + line.line.fileStem()
                + "-<n>.<png|jpg|webp|bin>)");
      }
      files.add(p.getAsString());
    }
    return List.copyOf(files);
  }

  /**
   * The recorded task id, held to the rule the client holds a created task's id to (not blank, no
   * {@code /}, not {@code .} or {@code ..}): the run records whatever id Vidu gave, control
   * characters included, and a resume that refused what the run wrote would call its own journal
   * damaged.
   */
  private String taskId(Journal.Entry entry, String task) {
    if (task.isBlank() || task.contains("/") || task.equals(".") || task.equals("..")) {
      throw bad(entry, "\"task\" is not a task id: " + shown(entry.event().get("task")));
    }
    return task;
  }

  private @Nullable String string(Journal.Entry entry, String name, boolean required) {
    JsonElement value = entry.event().get(name);
    if (value == null || value.isJsonNull()) {
      if (required) {
        throw bad(entry, "\"" + name + "\" is missing");
      }
      return null;
    }
    if (!(value instanceof JsonPrimitive p && p.isString())) {
      throw bad(entry, "\"" + name + "\" must be a string, got " + shown(value));
    }
    return p.getAsString();
  }

  private int integer(Journal.Entry entry, String name, int least) {
    Integer value = integerOrNull(entry, name);
    if (value == null) {
      throw bad(entry, "\"" + name + "\" is missing");
    }
    if (value < least) {
      throw bad(entry, "\"" + name + "\" must be at least " + least + ", got " + value);
    }
    return value;
  }

  private @Nullable Integer integerOrNull(Journal.Entry entry, String name) {
    JsonElement value = entry.event().get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (value instanceof JsonPrimitive p && p.isNumber()) {
      try {
        return p.getAsBigDecimal().intValueExact();
      } catch (ArithmeticException e) {
        // fall through
      }
    }
    throw bad(entry, "\"" + name + "\" must be a whole number, got " + shown(value));
  }

  private Instant instant(Journal.Entry entry, String name) {
    String text = string(entry, name, true);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw bad(
          entry,
          "\""
              + name
              + "\" must be a UTC time such as 2026-01-31T12:00:00Z, got "
              + shown(entry.event().get(name)));
    }
  }

  private BatchRefusedException bad(Journal.Entry entry, String problem) {
    return new BatchRefusedException(
        "the journal "
            + journal
            + " line "
            + entry.fileLine()
            + ": "
            + problem
            + ". It was edited or damaged, so it cannot be resumed safely: restore it, or use"
            + " another output directory and accept that lines may be created again");
  }

  /** A value as JSON, cut short: journal text is shown, never trusted. */
  private static String shown(@Nullable JsonElement value) {
    String text = value == null ? "nothing" : value.toString();
    StringBuilder safe = new StringBuilder();
    for (int i = 0; i < text.length() && i < 80; i++) {
      char c = text.charAt(i);
      safe.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return text.length() > 80 ? safe + "... (" + text.length() + " characters)" : safe.toString();
  }
}
