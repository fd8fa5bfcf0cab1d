package io.github.vidu4j.cli;

import io.github.vidu4j.Images;
import io.github.vidu4j.Region;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.validation.OperationModel;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The values the completion script offers for an option ({@code completionCandidates}), from the
 * spec of this build as the CLI accepts them: the spec's models, aspect ratios and resolutions, the
 * task states it lists (not the generator's placeholder for unknown values) and the regions in
 * lower case, as help writes them. picocli's bash script names each option's list after the
 * option's {@code paramLabel}, so two options of a command with values need two labels.
 */
final class Completions {
  private Completions() {}

  /** The spec's models. */
  static final class Models implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Images.REFERENCE_TO_IMAGE.models().keySet().iterator();
    }
  }

  /** Every aspect ratio some model of the spec accepts, in the spec's order. */
  static final class AspectRatios implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return acrossModels(OperationModel::aspectRatios).iterator();
    }
  }

  /** Every resolution some model of the spec accepts, case as written. */
  static final class Resolutions implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return acrossModels(OperationModel::resolutions).iterator();
    }
  }

  /** The task states the spec lists, as Vidu writes them. */
  static final class States implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(TaskState.values()).map(TaskState::getValue).iterator();
    }
  }

  /** global, cn. */
  static final class Regions implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Region.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).iterator();
    }
  }

  private static Set<String> acrossModels(Function<OperationModel, List<String>> values) {
    Set<String> all = new LinkedHashSet<>();
    Images.REFERENCE_TO_IMAGE.models().values().forEach(m -> all.addAll(values.apply(m)));
    return all;
  }
}
