package io.github.vidu4j.callback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CallbackRequest}'s headers: the entries as given, not a case-insensitive map. The
 * verifier reads its six headers in one pass over these ({@link RequiredHeaders}), and a map would
 * hash or compare every name on insert and again on lookup. Immutable.
 */
final class HeaderEntries {
  /**
   * Above this many headers, lookups go through an index built on first use instead of a scan: a
   * receiver's request has a dozen headers, and a scan of those is cheaper than hashing a
   * lower-cased copy of each name.
   */
  private static final int SCAN_LIMIT = 16;

  /** Duplicates in other cases are kept apart. */
  private final String[] names;

  /** The caller's own list when it is immutable. */
  private final List<String>[] values;

  /** {@code null} if no list held a {@code null}: no HTTP stack sends one. */
  private final boolean @Nullable [] hadNull;

  private volatile @Nullable Index index;

  /** Keyed by the lower-cased name. */
  private record Index(Map<String, List<String>> values, Set<String> withNull) {}

  private HeaderEntries(String[] names, List<String>[] values, boolean @Nullable [] hadNull) {
    this.names = names;
    this.values = values;
    this.hadNull = hadNull;
  }

  /** The entries of {@code headers}; a {@code null} name or value list is left out. */
  @SuppressWarnings({
    "unchecked",
    "rawtypes"
  }) // a generic array of List<String>, filled only with those
  static HeaderEntries of(Map<String, List<String>> headers) {
    int size = headers.size();
    String[] names = new String[size];
    List<String>[] values = new List[size];
    boolean[] hadNull = null;
    int n = 0;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      List<String> given = header.getValue();
      if (name == null || given == null || n == size) {
        continue; // n == size: a map that grew while it was read; its extra entries are left out
      }
      boolean withNull = false;
      for (String value : given) {
        withNull |= value == null;
      }
      if (withNull) {
        if (hadNull == null) {
          hadNull = new boolean[size];
        }
        hadNull[n] = true;
        List<String> present = new ArrayList<>(given.size());
        for (String value : given) {
          if (value != null) {
            present.add(value);
          }
        }
        values[n] = List.copyOf(present);
      } else {
        // Free for the immutable lists servers and List.of hand over; a copy of any other.
        values[n] = List.copyOf(given);
      }
      names[n++] = name;
    }
    if (n < size) {
      names = Arrays.copyOf(names, n);
      values = Arrays.copyOf(values, n);
      hadNull = hadNull == null ? null : Arrays.copyOf(hadNull, n);
    }
    return new HeaderEntries(names, values, hadNull);
  }

  /** Names differing only in case counted apart. */
  int count() {
    return names.length;
  }

  String nameAt(int i) {
    return names[i];
  }

  /** Without {@code null}s. */
  List<String> valuesAt(int i) {
    return values[i];
  }

  boolean hadNullAt(int i) {
    return hadNull != null && hadNull[i];
  }

  /** Every value of {@code name} (any case), in order; empty if absent. */
  List<String> values(String name) {
    if (names.length > SCAN_LIMIT) {
      return index().values().getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
    List<String> found = List.of();
    boolean merged = false;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        if (found.isEmpty()) {
          found = values[i];
        } else {
          // The same name in another case: one header, values in order.
          List<String> all = merged ? found : new ArrayList<>(found);
          all.addAll(values[i]);
          found = all;
          merged = true;
        }
      }
    }
    return merged ? List.copyOf(found) : found;
  }

  /** Whether {@code name} (any case) had a {@code null} among its values. */
  boolean hasNull(String name) {
    if (hadNull == null) {
      return false;
    }
    if (names.length > SCAN_LIMIT) {
      return index().withNull().contains(name.toLowerCase(Locale.ROOT));
    }
    for (int i = 0; i < names.length; i++) {
      if (hadNull[i] && names[i].equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** A new map; names lower-cased, those differing only in case merged. */
  Map<String, List<String>> all() {
    TreeMap<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < names.length; i++) {
      all.merge(names[i].toLowerCase(Locale.ROOT), values[i], HeaderEntries::concat);
    }
    return Collections.unmodifiableMap(all);
  }

  private Index index() {
    Index built = index;
    if (built == null) {
      Map<String, List<String>> byName = new HashMap<>(names.length * 2);
      Set<String> withNull = new HashSet<>();
      for (int i = 0; i < names.length; i++) {
        String key = names[i].toLowerCase(Locale.ROOT);
        if (hadNullAt(i)) {
          withNull.add(key);
        }
        byName.merge(key, values[i], HeaderEntries::concat);
      }
      built = new Index(byName, withNull);
      // Two threads may both build it; the maps are equal and either may be kept.
      index = built;
    }
    return built;
  }

  private static List<String> concat(List<String> before, List<String> more) {
    List<String> merged = new ArrayList<>(before);
    merged.addAll(more);
    return List.copyOf(merged);
  }
}
