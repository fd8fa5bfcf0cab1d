package io.github.vidu4j.callback;

import io.github.vidu4j.core.InvalidSignatureException;
import io.github.vidu4j.core.InvalidSignatureException.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The six headers every Vidu callback carries, read in one pass over the request's headers, names
 * in any case. A lookup per header would scan the headers six times, or hash a lower-cased copy of
 * each name into a map first; the verifier's time went mostly to that.
 */
final class RequiredHeaders {
  static final int DATE = 0;
  static final int NONCE = 1;
  static final int SIGNED_HEADERS = 2;
  static final int SIGNATURE = 3;
  static final int ALGORITHM = 4;
  static final int ACCESS_KEY = 5;

  /** The names, indexed as above: the order in which missing ones are reported. */
  private static final String[] NAMES = {
    "Date",
    "x-request-nonce",
    "X-HMAC-SIGNED-HEADERS",
    "X-HMAC-SIGNATURE",
    "X-HMAC-ALGORITHM",
    "X-HMAC-ACCESS-KEY"
  };

  private final List<String>[] values;

  @SuppressWarnings({
    "unchecked",
    "rawtypes"
  }) // a generic array of List<String>, filled only with those
  private RequiredHeaders() {
    this.values = new List[NAMES.length];
  }

  /**
   * The six headers of {@code request}.
   *
   * @throws InvalidSignatureException {@code MALFORMED_HEADER} if one had a {@code null} value,
   *     {@code MISSING_HEADER} if one is absent or empty; checked in the order of {@link #NAMES}
   */
  static RequiredHeaders of(CallbackRequest request) {
    RequiredHeaders found = new RequiredHeaders();
    HeaderEntries entries = request.entries();
    boolean[] hadNull = null;
    for (int i = 0, n = entries.count(); i < n; i++) {
      int slot = slotOf(entries.nameAt(i));
      if (slot < 0) {
        continue;
      }
      if (entries.hadNullAt(i)) {
        if (hadNull == null) {
          hadNull = new boolean[NAMES.length];
        }
        hadNull[slot] = true;
      }
      List<String> before = found.values[slot];
      List<String> more = entries.valuesAt(i);
      if (before == null || before.isEmpty()) {
        found.values[slot] = more;
      } else if (!more.isEmpty()) {
        // The same name in another case: one header, values in order.
        List<String> merged = new ArrayList<>(before);
        merged.addAll(more);
        found.values[slot] = merged;
      }
    }
    for (int slot = 0; slot < NAMES.length; slot++) {
      if (hadNull != null && hadNull[slot]) {
        throw new InvalidSignatureException(
            Reason.MALFORMED_HEADER, NAMES[slot] + " has a null value");
      }
      if (found.values[slot] == null || found.values[slot].isEmpty()) {
        throw new InvalidSignatureException(Reason.MISSING_HEADER, "missing header " + NAMES[slot]);
      }
    }
    return found;
  }

  /**
   * Which of the six {@code name} is (any case), or -1. Compares only names of the right length.
   */
  static int slotOf(String name) {
    switch (name.length()) {
      case 4:
        return name.equalsIgnoreCase(NAMES[DATE]) ? DATE : -1;
      case 15:
        return name.equalsIgnoreCase(NAMES[NONCE]) ? NONCE : -1;
      case 21:
        return name.equalsIgnoreCase(NAMES[SIGNED_HEADERS]) ? SIGNED_HEADERS : -1;
      case 16:
        return name.equalsIgnoreCase(NAMES[SIGNATURE])
            ? SIGNATURE
            : name.equalsIgnoreCase(NAMES[ALGORITHM]) ? ALGORITHM : -1;
      case 17:
        return name.equalsIgnoreCase(NAMES[ACCESS_KEY]) ? ACCESS_KEY : -1;
      default:
        return -1;
    }
  }

  /** Every value of header {@code slot}, in order; never empty. */
  List<String> values(int slot) {
    return values[slot];
  }

  /**
   * The one value of header {@code slot}, trimmed.
   *
   * @throws InvalidSignatureException {@code MALFORMED_HEADER} if it appears more than once
   */
  String single(int slot) {
    List<String> all = values[slot];
    if (all.size() != 1) {
      throw new InvalidSignatureException(
          Reason.MALFORMED_HEADER, NAMES[slot] + " appears " + all.size() + " times");
    }
    return all.get(0).trim();
  }
}
