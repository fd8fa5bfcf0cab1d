package io.github.vidu4j.sandbox;

import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A task's mutable state, guarded by the {@link TaskEngine}'s lock. */
final class SandboxTask {
  final String id;
  final String apiKey;
  final ReferenceToImageRequest request;
  final Instant createdAt;
  final int credits;
  final int seed;
  final int width;
  final int height;

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
      ReferenceToImageRequest request,
      Instant createdAt,
      int credits,
      int seed,
      int width,
      int height,
      boolean frozen,
      @Nullable String plannedFailure,
      Set<CallbackFault> callbackFaults) {
    this.id = id;
    this.apiKey = apiKey;
    this.request = request;
    this.createdAt = createdAt;
    this.credits = credits;
    this.seed = seed;
    this.width = width;
    this.height = height;
    this.frozen = frozen;
    this.plannedFailure = plannedFailure;
    this.callbackFaults = callbackFaults;
  }

  boolean isFinal() {
    return TaskState.SUCCESS.equals(state) || TaskState.FAILED.equals(state);
  }
}
