package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.vidu4j.model.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A task's mutable state, guarded by the {@link TaskEngine}'s lock. Its request is kept as the JSON
 * body the operation received, with Vidu's defaults filled in, whatever the operation.
 */
final class SandboxTask {
  final String id;
  final String apiKey;
  final SpecOperation operation;
  final JsonObject body;
  final Instant createdAt;
  final int credits;
  final int seed;
  final int width;
  final int height;

  /** Seconds of video (videos only). */
  final int seconds;

  /** Frames per second (videos only). */
  final int fps;

  /** Seeded tasks (provider states) keep their state: the lifecycle does not move them. */
  final boolean frozen;

  final @Nullable String plannedFailure;
  final Set<CallbackFault> callbackFaults;
  final List<String> creationIds = new ArrayList<>();
  TaskState state = TaskState.CREATED;
  String errCode = "";
  boolean refunded;

  SandboxTask(
      String id,
      String apiKey,
      SpecOperation operation,
      JsonObject body,
      Instant createdAt,
      int credits,
      int seed,
      int[] size,
      boolean frozen,
      @Nullable String plannedFailure,
      Set<CallbackFault> callbackFaults) {
    this.id = id;
    this.apiKey = apiKey;
    this.operation = operation;
    this.body = body;
    this.createdAt = createdAt;
    this.credits = credits;
    this.seed = seed;
    this.width = size[0];
    this.height = size[1];
    this.seconds = size.length > 2 ? size[2] : 0;
    this.fps = size.length > 3 ? size[3] : 0;
    this.frozen = frozen;
    this.plannedFailure = plannedFailure;
    this.callbackFaults = callbackFaults;
  }

  boolean isFinal() {
    return TaskState.SUCCESS.equals(state) || TaskState.FAILED.equals(state);
  }

  boolean isVideo() {
    return operation.producesVideo();
  }

  /** A string field of the request, or null. */
  @Nullable String text(String name) {
    JsonElement value = body.get(name);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
  }

  /** A string field of the request, or "". */
  String textOrEmpty(String name) {
    String value = text(name);
    return value == null ? "" : value;
  }

  List<String> images() {
    List<String> images = new ArrayList<>();
    JsonElement value = body.get("images");
    if (value != null && value.isJsonArray()) {
      value.getAsJsonArray().forEach(i -> images.add(i.isJsonPrimitive() ? i.getAsString() : ""));
    }
    return images;
  }

  boolean flag(String name) {
    JsonElement value = body.get(name);
    return value != null
        && value.isJsonPrimitive()
        && value.getAsJsonPrimitive().isBoolean()
        && value.getAsBoolean();
  }
}
