package io.github.vidu4j.cli;

import io.github.vidu4j.ExtraBodyFields;
import io.github.vidu4j.Images;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.core.RawJson;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.validation.ImageInput;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
    @Spec CommandSpec spec;

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

    @Option(
        names = "--seed",
        paramLabel = "N",
        description = "Random seed; 0 or absent means random.")
    @Nullable Integer seed;

    @Option(
        names = "--payload",
        paramLabel = "TEXT",
        descriptionKey = SpecHelp.PAYLOAD,
        description = "Your own data, returned with the task.")
    @Nullable String payload;

    @Option(
        names = "--callback-url",
        paramLabel = "URL",
        description = "Where Vidu POSTs signed state changes.")
    @Nullable String callbackUrl;

    @Option(
        names = "--field",
        paramLabel = "NAME=VALUE",
        description =
            "A body field the spec does not know yet, sent as is (not validated): NAME=TEXT sends a JSON string,"
                + " NAME:=JSON any JSON value (--field style_strength=high, --field n:=2, --field 'opts:={\"a\":1}'). Repeatable.")
    List<String> fields = new ArrayList<>();

    @Option(
        names = "--wait",
        description = "Wait for the task to finish, then download its images.")
    boolean await;

    @Mixin WaitOptions waiting;

    @Mixin UnknownModels unknownModels;

    @Override
    public Integer call() throws Exception {
      ViduCli root = image.root;
      // Without --wait nothing is saved and nothing waited for: an ignored --output would leave
      // the user looking for images that never come.
      List<String> waitOnly =
          List.of("--timeout", "--output").stream()
              .filter(spec.commandLine().getParseResult()::hasMatchedOption)
              .toList();
      if (!await && !waitOnly.isEmpty()) {
        throw new ViduCli.UsageException(
            String.join(" and ", waitOnly)
                + (waitOnly.size() == 1 ? " applies" : " apply")
                + " only with --wait: add --wait, or drop "
                + (waitOnly.size() == 1 ? "it" : "them")
                + " (nothing was sent)");
      }
      ReferenceToImageRequest request = new ReferenceToImageRequest().model(model).prompt(prompt);
      List<String> values = new ArrayList<>();
      Map<Integer, List<Violation>> imageProblems = new TreeMap<>();
      for (int i = 0; i < images.size(); i++) {
        try {
          values.add(imageValue(images.get(i)));
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
      if (seed != null) {
        request.seed(seed);
      }
      if (payload != null) {
        request.payload(payload);
      }
      if (callbackUrl != null) {
        request.callbackUrl(callbackUrl);
      }
      if (!imageProblems.isEmpty()) {
        throw allProblems(request, imageProblems);
      }
      ExtraBodyFields extraFields = extraFields(fields);
      if (await) {
        OutputDirectory.require(waiting.output, "no task was created");
      }
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
      try (Session session = root.openSession(unknownModels.allowed)) {
        ReferenceToImageTask task =
            session
                .client
                .images()
                .create(request, RequestOptions.defaults().withExtraFields(extraFields));
        String taskId = task.getTaskId();
        boolean followable = followable(taskId);
        if (!await) {
          if (root.json) {
            root.out.println(CliFormat.json(task));
          } else {
            root.out.println(
                "task "
                    + TerminalText.escape(taskId)
                    + " "
                    + TerminalText.escape(
                        RawJson.field(task, "state").orElse(String.valueOf(task.getState())))
                    + " ("
                    + task.getCredits()
                    + " credits)");
            root.err.println(
                root.sandbox
                    ? "the in-process sandbox (--sandbox) stops with this command, and this task with it; add --wait to get its images"
                    : followable
                        ? "follow it with: vidu task wait "
                            + TerminalText.escape(CliFormat.shellWord(taskId))
                        : "its task_id cannot be followed with vidu task wait; look for it with: vidu task list");
          }
          return ExitCode.OK;
        }
        if (!followable) {
          throw unfollowable(taskId);
        }
        root.err.println("task " + TerminalText.escape(taskId) + " created");
        return TaskWaiting.waitAndDownload(
            root,
            session,
            taskId,
            waiting.timeout,
            waiting.output,
            TaskWaiting.resumeOptions(spec, waiting.output));
      }
    }

    /**
     * Whether {@code vidu task wait} can take the id Vidu answered: the client refuses a blank one
     * or one with {@code /}. Other ids (spaces, quotes, {@code &&}) are shown quoted for the shell.
     */
    private static boolean followable(@Nullable String taskId) {
      return taskId != null && !taskId.isBlank() && !taskId.contains("/");
    }

    /**
     * The create succeeded (and may be charged) but its id cannot be awaited: said so, with exit
     * code 1 (other), not 2 (invalid input): the user's input was fine and a task exists.
     */
    private static ViduResponseException unfollowable(@Nullable String taskId) {
      return new ViduResponseException(
          "POST /ent/v2/reference2image",
          "Vidu created the task but answered with "
              + (taskId == null ? "no task_id" : "task_id \"" + taskId + "\"")
              + ", which vidu task wait cannot follow; the task exists and may be charged:"
              + " look for it with vidu task list, or in Vidu's console");
    }

    /**
     * {@code NAME=TEXT} as a JSON string, {@code NAME:=JSON} as the JSON value (the split is at the
     * first {@code =}).
     */
    static ExtraBodyFields extraFields(List<String> given) {
      ExtraBodyFields extraFields = ExtraBodyFields.none();
      for (String field : given) {
        int equals = field.indexOf('=');
        if (equals <= 0 || (equals == 1 && field.charAt(0) == ':')) {
          throw new ViduCli.UsageException(
              "--field needs NAME=TEXT or NAME:=JSON, got '" + field + "'");
        }
        boolean json = field.charAt(equals - 1) == ':';
        String name = field.substring(0, json ? equals - 1 : equals);
        String value = field.substring(equals + 1);
        extraFields = json ? extraFields.withJson(name, value) : extraFields.with(name, value);
      }
      return extraFields;
    }

    /**
     * Every problem at once, a bad image among the others: the validator's findings on the rest of
     * the request, each image's own problem where the validator would only see a path.
     */
    private ViduValidationException allProblems(
        ReferenceToImageRequest request, Map<Integer, List<Violation>> imageProblems) {
      List<Violation> found = new ArrayList<>();
      try {
        unknownModels.validator().validate(request);
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

    private static String imageValue(String image) {
      String lower = image.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        return ImageInput.fromUrl(image).value();
      }
      if (lower.startsWith("data:")) {
        return image;
      }
      return ImageInput.fromFile(Path.of(image)).value();
    }
  }
}
