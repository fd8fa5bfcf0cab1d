package io.github.vidu4j.benchmarks;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notes as a template: each {@code {{key}}} is replaced by that figure of the run being
 * reported ({@code ratio.HttpBenchmark.Get}, {@code scale.awaits.endP99Millis}, ...). A key the run
 * did not produce (a row left out, a QUICK run) reads "n/m" (not measured in this run), never a
 * figure from another run; the keys are listed on standard error so a misspelt one is noticed.
 */
final class NotesTemplate {
  private static final Pattern KEY = Pattern.compile("\\{\\{([A-Za-z0-9_. -]+)}}");

  static final String NOT_MEASURED = "n/m";

  private NotesTemplate() {}

  static String fill(String template, Map<String, String> figures) {
    TreeSet<String> missing = new TreeSet<>();
    Matcher m = KEY.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = figures.get(m.group(1));
      if (value == null) {
        missing.add(m.group(1));
        value = NOT_MEASURED;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    if (!missing.isEmpty()) {
      System.err.println("notes: not measured in this run: " + String.join(", ", missing));
    }
    return out.toString();
  }
}
