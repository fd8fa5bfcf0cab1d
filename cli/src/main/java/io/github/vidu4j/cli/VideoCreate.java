package io.github.vidu4j.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.ImageInput;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Creating a task of one video operation (any generation operation of the spec): the options of
 * {@code image create} that apply plus the video ones, put in the body only when given, validated
 * by the operation's rules before anything is sent; with {@code --wait}, the MP4s are saved as
 * {@code <task id>-<n>.mp4}.
 */
abstract class VideoCreate implements Callable<Integer> {
  private final GenerationOperation operation;

  @ParentCommand VideoCommand video;
  CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL",
      description = "The model (see the list above).")
  String model;

  @Option(names = "--prompt", paramLabel = "TEXT", description = "What the video shows.")
  @Nullable String prompt;

  @Option(
      names = "--image",
      paramLabel = "PATH_OR_URL",
      description =
          "An image: an http(s) URL, a data: URI or a local PNG/JPEG/WebP file (sent inline)."
              + " Repeatable; start-end2video takes two, start then end.")
  List<String> images = new ArrayList<>();

  @Option(names = "--duration", paramLabel = "SECONDS", description = "Length in seconds.")
  @Nullable Integer duration;

  @Option(
      names = "--resolution",
      paramLabel = "R",
      description = "360p, 540p, 720p or 1080p, per model.")
  @Nullable String resolution;

  @Option(
      names = "--aspect-ratio",
      paramLabel = "R",
      description = "16:9, 9:16, 1:1, ... (text2video and reference2video only).")
  @Nullable String aspectRatio;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Random seed; 0 or absent means random.")
  @Nullable Integer seed;

  @Option(
      names = "--audio",
      negatable = true,
      description = "With dialogue and sound effects, or silent (--no-audio). Default: per model.")
  @Nullable Boolean audio;

  @Option(names = "--bgm", description = "Add background music.")
  @Nullable Boolean bgm;

  @Option(names = "--off-peak", description = "Off-peak: fewer credits, done within 48 hours.")
  @Nullable Boolean offPeak;

  @Option(
      names = "--movement-amplitude",
      paramLabel = "A",
      description = "auto, small, medium or large.")
  @Nullable String movementAmplitude;

  @Option(
      names = "--watermark",
      description = "Add Vidu's AI-generated watermark (watermarked_url).")
  @Nullable Boolean watermark;

  @Option(
      names = "--payload",
      paramLabel = "TEXT",
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
          "A body field the spec does not know yet, sent as is (not validated): NAME=TEXT, NAME:=JSON. Repeatable.")
  List<String> fields = new ArrayList<>();

  @Option(names = "--wait", description = "Wait for the task to finish, then download its videos.")
  boolean await;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description = "How long --wait waits: 90s, 5m, 1h. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "Where --wait saves videos, as <task id>-<n>.mp4; never overwrites. Default: current directory.")
  Path output;

  @Option(
      names = "--allow-unknown-model",
      description = "Send a model name this release does not know, skipping the model rules.")
  boolean allowUnknownModel;

  VideoCreate(GenerationOperation operation) {
    this.operation = operation;
  }

  /**
   * picocli hands the command's model over here, when it builds it: the help comes from the spec.
   */
  @Spec
  void describe(CommandSpec commandSpec) {
    this.spec = commandSpec;
    commandSpec.usageMessage().description(VideoCommand.description(operation));
  }

  @Override
  public Integer call() throws Exception {
    ViduCli root = video.root;
    List<String> waitOnly =
        List.of("--timeout", "--output").stream()
            .filter(spec.commandLine().getParseResult()::hasMatchedOption)
            .toList();
    if (!await && !waitOnly.isEmpty()) {
      throw new ViduCli.UsageException(
          String.join(" and ", waitOnly) + " only with --wait: add --wait (nothing was sent)");
    }
    JsonObject body = body();
    RequestOptions options =
        RequestOptions.defaults().withExtraFields(ImageCommand.Create.extraFields(fields));
    if (await) {
      OutputDirectory.require(output, "no task was created");
    }
    try (Session session = root.openSession(allowUnknownModel)) {
      JsonObject task = session.client.generations().create(operation, body, options);
      String taskId = task.has("task_id") ? task.get("task_id").getAsString() : "";
      if (!await) {
        if (root.json) {
          root.out.println(ViduJson.write(task));
        } else {
          root.out.println(
              "task "
                  + taskId
                  + " "
                  + (task.has("state") ? task.get("state").getAsString() : "")
                  + (task.has("credits") ? " (" + task.get("credits") + " credits)" : ""));
          root.err.println(
              root.sandbox
                  ? "the in-process sandbox (--sandbox) stops with this command, and this task with it; add --wait to get its video"
                  : "follow it with: vidu task wait " + taskId);
        }
        return ExitCode.OK;
      }
      root.err.println("task " + taskId + " created");
      return TaskWaiting.waitAndDownload(
          root, session, taskId, timeout, output, TaskWaiting.resumeOptions(spec, output));
    }
  }

  /** The JSON body: each option given, under its field's name; images read into data URIs. */
  private JsonObject body() {
    JsonObject body = new JsonObject();
    body.addProperty("model", model);
    put(body, "prompt", prompt);
    if (!images.isEmpty()) {
      JsonArray values = new JsonArray();
      List<Violation> problems = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        try {
          values.add(imageValue(images.get(i)));
        } catch (ViduValidationException e) {
          String field = "images[" + i + "]";
          e.violations().forEach(v -> problems.add(v.atField(field)));
        }
      }
      if (!problems.isEmpty()) {
        throw new ViduValidationException(problems);
      }
      body.add("images", values);
    }
    put(body, "duration", duration);
    put(body, "resolution", resolution);
    put(body, "aspect_ratio", aspectRatio);
    put(body, "seed", seed);
    put(body, "audio", audio);
    put(body, "bgm", bgm);
    put(body, "off_peak", offPeak);
    put(body, "movement_amplitude", movementAmplitude);
    put(body, "watermark", watermark);
    put(body, "payload", payload);
    put(body, "callback_url", callbackUrl);
    return body;
  }

  private static void put(JsonObject body, String name, @Nullable Object value) {
    if (value instanceof String text) {
      body.addProperty(name, text);
    } else if (value instanceof Number number) {
      body.addProperty(name, number);
    } else if (value instanceof Boolean flag) {
      body.addProperty(name, flag);
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
