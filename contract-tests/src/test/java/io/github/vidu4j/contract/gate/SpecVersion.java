package io.github.vidu4j.contract.gate;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec's {@code info.version}, {@code MAJOR.MINOR.PATCH} and nothing else: the gate compares
 * majors, and a pre-release suffix would leave "is this a major bump?" open, so it is refused.
 */
record SpecVersion(int major, int minor, int patch) implements Comparable<SpecVersion> {
  private static final Pattern SEMVER =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)");
  private static final Comparator<SpecVersion> ORDER =
      Comparator.comparingInt(SpecVersion::major)
          .thenComparingInt(SpecVersion::minor)
          .thenComparingInt(SpecVersion::patch);

  static SpecVersion parse(String text) {
    Matcher m = SEMVER.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "info.version must be MAJOR.MINOR.PATCH, was '" + text + "'");
    }
    return new SpecVersion(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  SpecVersion nextMajor() {
    return new SpecVersion(major + 1, 0, 0);
  }

  @Override
  public int compareTo(SpecVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
