package io.github.vidu4j.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.ViduValidationException;
import io.github.vidu4j.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
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

  @Mixin CreateOptions create;

  VideoCreate(GenerationOperation operation) {
    this.operation = operation;
  }

  /**
   * picocli hands the command's model over here, when it builds it: the help comes from the spec.
   */
  @Spec
  void describe(CommandSpec commandSpec) {
    commandSpec.usageMessage().description(VideoCommand.description(operation));
  }

  @Override
  public Integer call() throws Exception {
    create.refuseWaitOptionsWithoutWait();
    JsonObject body = body();
    RequestOptions options = create.requestOptions();
    return TaskCreation.createAndFollow(
        video.root,
        create,
        "POST " + operation.path(),
        "video",
        session -> {
          JsonObject task = session.client.generations().create(operation, body, options);
          return new TaskCreation.Created(
              text(task, "task_id"),
              text(task, "state"),
              text(task, "credits"),
              ViduJson.write(task));
        });
  }

  /** A field of Vidu's answer as text, or null when it is missing or not a plain value. */
  private static @Nullable String text(JsonObject task, String name) {
    JsonElement value = task.get(name);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
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
          values.add(ImageArgument.value(images.get(i)));
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
    put(body, "seed", create.seed);
    put(body, "audio", audio);
    put(body, "bgm", bgm);
    put(body, "off_peak", offPeak);
    put(body, "movement_amplitude", movementAmplitude);
    put(body, "watermark", watermark);
    put(body, "payload", create.payload);
    put(body, "callback_url", create.callbackUrl);
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
}
