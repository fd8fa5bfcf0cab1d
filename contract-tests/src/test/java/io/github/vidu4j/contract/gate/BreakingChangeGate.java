package io.github.vidu4j.contract.gate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The rule of {@code openapi/released/README.md}: the working spec may break compatibility with the
 * released one only with a higher major {@code info.version}, and its version never goes down.
 * Compatibility is openapi-diff's verdict on the operations plus {@link ReceiverSideCompatibility}
 * on the callbacks, which openapi-diff does not compare, and on the response bodies, where
 * openapi-diff lets an optional property be removed.
 */
final class BreakingChangeGate {
  private BreakingChangeGate() {}

  /** What the gate found, and why it rejects the working spec (nothing when it accepts). */
  record Verdict(
      SpecVersion released,
      SpecVersion working,
      ChangedOpenApi diff,
      List<String> callbackChanges,
      List<String> responseChanges,
      List<String> rejections) {

    boolean accepted() {
      return rejections.isEmpty();
    }

    boolean incompatible() {
      return diff.isIncompatible() || !callbackChanges.isEmpty() || !responseChanges.isEmpty();
    }

    /**
     * The comparison as CHANGELOG.md's API section has it: the versions, whether the change is
     * breaking, the receiver-side findings and openapi-diff's report, headings one level down.
     */
    String changelog() {
      StringBuilder text =
          new StringBuilder()
              .append("Spec `info.version` ")
              .append(working)
              .append(", compared with the released ")
              .append(released)
              .append(" (`openapi/released/vidu.yaml`): ")
              .append(incompatible() ? "**breaking**" : "compatible")
              .append(".\n");
      if (!callbackChanges.isEmpty()) {
        text.append("\nIncompatible callback changes:\n\n");
        callbackChanges.forEach(change -> text.append("- ").append(change).append('\n'));
      }
      if (!responseChanges.isEmpty()) {
        text.append("\nIncompatible response changes:\n\n");
        responseChanges.forEach(change -> text.append("- ").append(change).append('\n'));
      }
      String report = belowLevel3(markdown(diff).strip());
      text.append('\n')
          .append(report.isEmpty() ? "No change to the operations." : report)
          .append('\n');
      return text.toString().replaceAll("(?m)[ \t]+$", "");
    }

    /** The rejections, then each incompatible change: enough to fix the spec without a debugger. */
    String message() {
      if (accepted()) {
        return "accepted: info.version " + working + " against released " + released;
      }
      StringBuilder text = new StringBuilder(String.join("\n", rejections));
      if (!callbackChanges.isEmpty()) {
        text.append("\n\nIncompatible callback changes (openapi-diff does not compare callbacks):");
        callbackChanges.forEach(change -> text.append("\n- ").append(change));
      }
      if (!responseChanges.isEmpty()) {
        text.append(
            "\n\nIncompatible response changes (openapi-diff lets some pass, such as a removed property):");
        responseChanges.forEach(change -> text.append("\n- ").append(change));
      }
      if (diff.isIncompatible()) {
        text.append("\n\nopenapi-diff reports incompatible changes:\n\n").append(markdown(diff));
      }
      return text.toString();
    }
  }

  /**
   * Markdown headings moved down so that the highest is level 4 (under the changelog's "### API").
   */
  static String belowLevel3(String markdown) {
    java.util.regex.Matcher heading =
        java.util.regex.Pattern.compile("(?m)^(#+) ").matcher(markdown);
    int highest = Integer.MAX_VALUE;
    while (heading.find()) {
      highest = Math.min(highest, heading.group(1).length());
    }
    if (highest == Integer.MAX_VALUE) {
      return markdown;
    }
    int shift = 4 - highest;
    return java.util.regex.Pattern.compile("(?m)^(#+) ")
        .matcher(markdown)
        .replaceAll(
            match -> "#".repeat(Math.max(1, Math.min(6, match.group(1).length() + shift))) + " ");
  }

  /** openapi-diff's Markdown report (the deprecated {@code render(diff)} returns the same text). */
  static String markdown(ChangedOpenApi diff) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      new MarkdownRender().render(diff, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static Verdict check(String releasedYaml, String workingYaml) {
    ChangedOpenApi diff = OpenApiCompare.fromContents(releasedYaml, workingYaml);
    SpecVersion released = SpecVersion.parse(diff.getOldSpecOpenApi().getInfo().getVersion());
    SpecVersion working = SpecVersion.parse(diff.getNewSpecOpenApi().getInfo().getVersion());
    List<String> callbackChanges =
        ReceiverSideCompatibility.incompatibleChanges(releasedYaml, workingYaml);
    List<String> responseChanges =
        ReceiverSideCompatibility.responseChanges(releasedYaml, workingYaml);

    List<String> rejections = new ArrayList<>();
    if (working.compareTo(released) < 0) {
      rejections.add(
          "info.version "
              + working
              + " is lower than the released "
              + released
              + " (openapi/released/vidu.yaml): versions only go up.");
    }
    boolean incompatible =
        diff.isIncompatible() || !callbackChanges.isEmpty() || !responseChanges.isEmpty();
    if (incompatible && working.major() <= released.major()) {
      rejections.add(
          "The spec changed incompatibly since release "
              + released
              + " but info.version is "
              + working
              + ": raise info.version to "
              + released.nextMajor()
              + " or restore compatibility.");
    }
    return new Verdict(
        released, working, diff, callbackChanges, responseChanges, List.copyOf(rejections));
  }
}
