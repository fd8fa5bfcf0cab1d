package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.CreationVideo;
import io.github.vidu4j.model.PixelSize;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What is particular to the tasks of video operations (and of any generation operation the spec
 * adds): Vidu's defaults from the spec's model rules, the clip's length and frame rate, the create
 * response and the rendered MP4.
 */
final class VideoTasks {
  /**
   * Seconds of a clip whose duration is absent or {@code 0} ("automatic") with no model default.
   */
  private static final int AUTOMATIC_SECONDS = 5;

  /** Frames per second when the spec names none for the model: the q-series' rate. */
  private static final int DEFAULT_FPS = 24;

  private VideoTasks() {}

  /**
   * Fills in, as Vidu does, what {@code body} leaves out and the model's rules give a default for.
   */
  static void withVidusDefaults(SpecOperation operation, JsonObject body) {
    JsonElement model = body.get("model");
    SpecModel rules =
        model == null || !model.isJsonPrimitive()
            ? null
            : operation.model(model.getAsString()).orElse(null);
    if (rules == null) {
      return;
    }
    Map<String, SpecOperation.Field> fields = operation.fields();
    if (fields.containsKey("duration")
        && !body.has("duration")
        && rules.defaultDuration() != null) {
      body.addProperty("duration", rules.defaultDuration());
    }
    Integer seconds = body.has("duration") ? body.get("duration").getAsInt() : null;
    String resolution = rules.defaultResolutionAt(seconds);
    if (fields.containsKey("resolution") && !body.has("resolution") && resolution != null) {
      body.addProperty("resolution", resolution);
    }
    if (fields.containsKey("aspect_ratio")
        && !body.has("aspect_ratio")
        && rules.defaultAspectRatio() != null) {
      body.addProperty("aspect_ratio", rules.defaultAspectRatio());
    }
    if (fields.containsKey("audio") && !body.has("audio") && rules.defaultAudio() != null) {
      body.addProperty("audio", rules.defaultAudio());
    }
  }

  /**
   * The clip's seconds and frames per second: {@code duration} (0: automatic) and the model's fps.
   */
  static int[] secondsAndFps(SpecOperation operation, JsonObject body) {
    JsonElement duration = body.get("duration");
    int seconds =
        duration == null || !duration.isJsonPrimitive() || duration.getAsInt() <= 0
            ? AUTOMATIC_SECONDS
            : duration.getAsInt();
    JsonElement model = body.get("model");
    Integer fps =
        model == null || !model.isJsonPrimitive()
            ? null
            : operation.model(model.getAsString()).map(SpecModel::fps).orElse(null);
    return new int[] {seconds, fps == null ? DEFAULT_FPS : fps};
  }

  /**
   * The create response: the id and state, the request as Vidu completed it (defaults, the seed it
   * chose), the credits and the time, and the operation as {@code type}, as real responses show.
   */
  static JsonObject createdView(SandboxTask task) {
    JsonObject view = new JsonObject();
    view.addProperty("task_id", task.id);
    view.addProperty("state", task.state.getValue());
    view.addProperty("type", task.operation.name());
    task.body.entrySet().forEach(e -> view.add(e.getKey(), e.getValue()));
    view.addProperty("seed", task.seed);
    view.addProperty("payload", task.textOrEmpty("payload"));
    view.addProperty("credits", task.credits);
    view.add(
        "created_at",
        JsonParser.parseString(ViduJson.write(task.createdAt.atOffset(ZoneOffset.UTC))));
    return view;
  }

  /** The creation's video facts, as the task list gives them. */
  static CreationVideo facts(SandboxTask task) {
    return new CreationVideo()
        .duration((float) task.seconds)
        .fps(task.fps)
        .resolution(new PixelSize().width(task.width).height(task.height));
  }

  /** The MP4: the task's picture held for its seconds at its frame rate. */
  static byte[] render(SandboxTask task, String prompt, String caption) {
    return Mp4File.of(
        H264Still.encode(
            ResultImages.picture(task.width, task.height, task.seed, prompt, caption),
            task.fps,
            task.seconds * task.fps),
        task.width,
        task.height,
        task.fps);
  }
}
