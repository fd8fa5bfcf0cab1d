package io.github.vidu4j.sandbox;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Faults on demand: scripted responses per operation, failing tasks and misdelivered callbacks.
 * Each scripted item is used once, in order. Thread-safe. Obtain from {@link ViduSandbox#faults()}.
 */
public final class Faults {
  private final Map<Operation, Queue<Fault>> scripted = new EnumMap<>(Operation.class);
  private final Queue<String> taskFailures = new ArrayDeque<>();
  private @Nullable Set<CallbackFault> callbackFaults;
  private @Nullable String firstPollState;
  private final Set<String> polledTasks = new HashSet<>();

  Faults() {}

  /**
   * The next requests to {@code operation} misbehave as {@code faults}, one request each, in order.
   */
  public synchronized Faults next(Operation operation, Fault... faults) {
    Objects.requireNonNull(operation, "operation == null");
    Queue<Fault> queue = scripted.computeIfAbsent(operation, o -> new ArrayDeque<>());
    for (Fault fault : faults) {
      queue.add(Objects.requireNonNull(fault, "fault == null"));
    }
    return this;
  }

  /**
   * The next task created ends {@code failed} with {@code errCode} (for example {@code
   * CreationPolicyViolation}) instead of succeeding; its credits are refunded.
   */
  public synchronized Faults failNextTask(String errCode) {
    taskFailures.add(Objects.requireNonNull(errCode, "errCode == null"));
    return this;
  }

  /**
   * The next task created with a {@code callback_url} has its callbacks delivered with {@code
   * faults}.
   */
  public synchronized Faults nextCallbacks(CallbackFault first, CallbackFault... more) {
    Set<CallbackFault> set = EnumSet.of(Objects.requireNonNull(first, "first == null"), more);
    callbackFaults = set;
    return this;
  }

  /**
   * From now on, every task answers its first Get Generation with {@code state} in place of its
   * real one, then with its real state: a state the spec does not list (Vidu has an internal {@code
   * scheduled}), which clients must survive and keep polling through. Scripted {@link #next} faults
   * on {@link Operation#GET_TASK} come first. Stays on until {@link #clear()}.
   *
   * @throws IllegalArgumentException if {@code state} is blank
   */
  public synchronized Faults unlistedStateOnFirstPoll(String state) {
    if (Objects.requireNonNull(state, "state == null").isBlank()) {
      throw new IllegalArgumentException("state must not be blank");
    }
    firstPollState = state;
    return this;
  }

  /** Forgets every scripted fault not yet used, and {@link #unlistedStateOnFirstPoll}. */
  public synchronized void clear() {
    scripted.clear();
    taskFailures.clear();
    callbackFaults = null;
    firstPollState = null;
    polledTasks.clear();
  }

  /** The fault for this request to {@code operation} about task {@code taskId} ("" when none). */
  synchronized @Nullable Fault take(Operation operation, String taskId) {
    Fault fault = take(operation);
    if (fault != null
        || operation != Operation.GET_TASK
        || firstPollState == null
        || !polledTasks.add(taskId)) {
      return fault;
    }
    return Fault.state(firstPollState);
  }

  synchronized @Nullable Fault take(Operation operation) {
    Queue<Fault> queue = scripted.get(operation);
    return queue == null ? null : queue.poll();
  }

  synchronized @Nullable String takeTaskFailure() {
    return taskFailures.poll();
  }

  synchronized Set<CallbackFault> takeCallbackFaults() {
    Set<CallbackFault> faults =
        callbackFaults == null ? EnumSet.noneOf(CallbackFault.class) : callbackFaults;
    callbackFaults = null;
    return faults;
  }

  @Override
  public synchronized String toString() {
    return "Faults{scripted="
        + scripted
        + ", taskFailures="
        + taskFailures
        + ", callbacks="
        + callbackFaults
        + (firstPollState == null ? "" : ", firstPollState=" + firstPollState)
        + "}";
  }
}
