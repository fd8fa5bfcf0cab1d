package io.github.vidu4j.cli;

import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.validation.ImageInput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vidu image ...}. */
@Command(name = "image", description = "Create images.", subcommands = {ImageCommand.Create.class, BatchCommand.class}, mixinStandardHelpOptions = true)
final class ImageCommand {
  @ParentCommand ViduCli root;

  /** {@code vidu image create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a reference-to-image task (text-to-image: viduq2 with no --image).",
        "The request is validated first; invalid input exits 2 and nothing is sent."
      })
  static final class Create implements Callable<Integer> {
    @ParentCommand ImageCommand image;
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "viduq1 or viduq2.")
    String model;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "What to draw; at most 2000 characters.")
    String prompt;

    @Option(
        names = "--image",
        paramLabel = "PATH_OR_URL",
        description = "A reference image: an http(s) URL (Vidu fetches it) or a local PNG/JPEG/WebP file (sent inline). Repeatable.")
    List<String> images = new ArrayList<>();

    @Option(names = "--aspect-ratio", paramLabel = "R", description = "For example 16:9, 1:1, auto (viduq2, follows the first image).")
    @Nullable String aspectRatio;

    @Option(names = "--resolution", paramLabel = "R", description = "1080p (both models), 2K or 4K (viduq2).")
    @Nullable String resolution;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; 0 or absent means random.")
    @Nullable Integer seed;

    @Option(names = "--payload", paramLabel = "TEXT", description = "Your own data, returned with the task (at most 1,048,576 characters).")
    @Nullable String payload;

    @Option(names = "--callback-url", paramLabel = "URL", description = "Where Vidu POSTs signed state changes.")
    @Nullable String callbackUrl;

    @Option(names = "--wait", description = "Wait for the task to finish, then download its images.")
    boolean await;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", description = "How long --wait waits: 90s, 5m, 1h, PT90S. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = ".", description = "Where --wait saves images, as <task id>-<n>.<ext>, checked before the task is created. Never overwrites: a taken name gets -2, -3, ... (<task id>-<n>-2.<ext>). Default: current directory.")
    Path output;

    @Option(
        names = "--allow-unknown-model",
        description = "Send a model name this vidu4j release does not know, skipping the model rules (other checks still apply).")
    boolean allowUnknownModel;

    @Override
    public Integer call() throws Exception {
      ViduCli root = image.root;
      // Without --wait nothing is saved and nothing waited for: an ignored --output would leave
      // the user looking for images that never come.
      List<String> waitOnly = List.of("--timeout", "--output").stream()
          .filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
      if (!await && !waitOnly.isEmpty()) {
        throw new ViduCli.UsageException(String.join(" and ", waitOnly) + (waitOnly.size() == 1 ? " applies" : " apply")
            + " only with --wait: add --wait, or drop " + (waitOnly.size() == 1 ? "it" : "them") + " (nothing was sent)");
      }
      ReferenceToImageRequest request = new ReferenceToImageRequest().model(model).prompt(prompt);
      List<String> values = new ArrayList<>();
      for (String image : images) {
        values.add(imageValue(image));
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
      if (await) {
        OutputDirectory.require(output, "no task was created");
      }
      try (Session session = root.openSession(allowUnknownModel)) {
        ReferenceToImageTask task = session.client.images().create(request);
        String taskId = task.getTaskId();
        if (!await) {
          if (root.json) {
            root.out.println(CliFormat.json(task));
          } else {
            root.out.println("task " + taskId + " " + task.getState() + " (" + task.getCredits() + " credits)");
            root.err.println("follow it with: vidu task wait " + taskId);
          }
          return ExitCode.OK;
        }
        root.err.println("task " + taskId + " created");
        return TaskCommand.waitAndDownload(root, session, taskId, timeout, output, TaskCommand.givenWaitOptions(spec, timeout, output));
      }
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
