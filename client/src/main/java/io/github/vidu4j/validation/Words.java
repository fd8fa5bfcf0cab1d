package io.github.vidu4j.validation;

import java.util.List;

/** Lists in messages and help texts. */
final class Words {
  private Words() {}

  /** {@code a}, {@code a or b}, {@code a, b or c}. */
  static String or(List<String> items) {
    return items.size() < 2
        ? String.join("", items)
        : String.join(", ", items.subList(0, items.size() - 1))
            + " or "
            + items.get(items.size() - 1);
  }
}
