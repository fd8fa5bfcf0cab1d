package io.github.vidu4j.cli;

import io.github.vidu4j.Images;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vidu image ...}. */
@Command(
    name = "image",
    description = "Create images.",
    subcommands = {ImageCommand.Create.class, BatchCommand.class},
    mixinStandardHelpOptions = true)
final class ImageCommand {
  @ParentCommand ViduCli root;

  /** {@code vidu image create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a reference-to-image task (text-to-image: a model that takes no images, with no --image).",
        "The request is validated first; invalid input exits 2 and nothing is sent."
      })
  static final class Create implements Callable<Integer> {
    @ParentCommand ImageCommand image;

    @Option(
        names = "--model",
        required = true,
        paramLabel = "MODEL",
        completionCandidates = Completions.Models.class,
        descriptionKey = SpecHelp.MODEL,
        description = "The model.")
    String model;

    @Option(
        names = "--prompt",
        required = true,
        paramLabel = "TEXT",
        descriptionKey = SpecHelp.PROMPT,
        description = "What to draw.")
    String prompt;

    @Option(
        names = "--image",
        paramLabel = "PATH_OR_URL",
        descriptionKey = SpecHelp.IMAGE,
        description = "A reference image: an http(s) URL or a local file. Repeatable.")
    List<String> images = new ArrayList<>();

    @Option(
        names = "--aspect-ratio",
        paramLabel = "RATIO",
        completionCandidates = Completions.AspectRatios.class,
        descriptionKey = SpecHelp.ASPECT_RATIO,
        description = "The aspect ratio.")
    @Nullable String aspectRatio;

    @Option(
        names = "--resolution",
        paramLabel = "RES",
        completionCandidates = Completions.Resolutions.class,
        descriptionKey = SpecHelp.RESOLUTION,
        description = "The resolution.")
    @Nullable String resolution;

    @Mixin CreateOptions create;

    @Override
    public Integer call() throws Exception {
      ViduCli root = image.root;
      create.refuseWaitOptionsWithoutWait();
      ReferenceToImageRequest request = new ReferenceToImageRequest().model(model).prompt(prompt);
      List<String> values = new ArrayList<>();
      Map<Integer, List<Violation>> imageProblems = new TreeMap<>();
      for (int i = 0; i < images.size(); i++) {
        try {
          values.add(ImageArgument.value(images.get(i)));
        } catch (ViduValidationException e) {
          // Kept as given, so the image still counts; its own problem replaces what the validator
          // says of it.
          values.add(images.get(i));
          String field = "images[" + i + "]";
          imageProblems.put(i, e.violations().stream().map(v -> v.atField(field)).toList());
        }
      }
      if (!values.isEmpty()) {
        request.images(values);
      }
      if (aspectRatio != null) {
        request.aspectRatio(aspectRatio);
      }
      if (resolution != null) {
        request.resolution(resolution);
      }
      if (create.seed != null) {
        request.seed(create.seed);
      }
      if (create.payload != null) {
        request.payload(create.payload);
      }
      if (create.callbackUrl != null) {
        request.callbackUrl(create.callbackUrl);
      }
      if (!imageProblems.isEmpty()) {
        throw allProblems(request, imageProblems);
      }
      RequestOptions options = create.requestOptions();
      if ("auto".equals(aspectRatio)
          && model != null
          && images.isEmpty()
          && Images.REFERENCE_TO_IMAGE
              .model(model)
              .map(rules -> rules.aspectRatios().contains("auto"))
              .orElse(false)) {
        root.err.println(
            "warning: --aspect-ratio auto follows the first --image, and none was given;"
                + " Vidu documents no error for that, so the request is sent as is");
      }
      return TaskCreation.createAndFollow(
          root,
          create,
          "POST /ent/v2/reference2image",
          "images",
          session -> {
            ReferenceToImageTask task = session.client.images().create(request, options);
            return new TaskCreation.Created(
                task.getTaskId(),
                RawJson.field(task, "state").orElse(String.valueOf(task.getState())),
                task.getCredits() == null ? null : String.valueOf(task.getCredits()),
                CliFormat.json(task));
          });
    }

    /**
     * Every problem at once, a bad image among the others: the validator's findings on the rest of
     * the request, each image's own problem where the validator would only see a path.
     */
    private ViduValidationException allProblems(
        ReferenceToImageRequest request, Map<Integer, List<Violation>> imageProblems) {
      List<Violation> found = new ArrayList<>();
      try {
        create.unknownModels.validator().validate(request);
      } catch (ViduValidationException e) {
        found.addAll(e.violations());
      }
      found.removeIf(
          v ->
              imageProblems.keySet().stream().anyMatch(i -> v.field().equals("images[" + i + "]")));
      int at = 0;
      while (at < found.size()
          && List.of("model", "prompt", "images").contains(withoutIndex(found.get(at).field()))) {
        at++;
      }
      List<Violation> all = new ArrayList<>(found.subList(0, at));
      imageProblems.values().forEach(all::addAll);
      all.addAll(found.subList(at, found.size()));
      return new ViduValidationException(all);
    }

    /** {@code images[2]} as {@code images}. */
    private static String withoutIndex(String field) {
      int bracket = field.indexOf('[');
      return bracket < 0 ? field : field.substring(0, bracket);
    }
  }
}
