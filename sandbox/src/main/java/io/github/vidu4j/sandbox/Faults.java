package io.github.vidu4j.sandbox;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.EnumSet;
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

  Faults() {}

  /** The next requests to {@code operation} misbehave as {@code faults}, one request each, in order. */
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

  /** The next task created with a {@code callback_url} has its callbacks delivered with {@code faults}. */
  public synchronized Faults nextCallbacks(CallbackFault first, CallbackFault... more) {
    Set<CallbackFault> set = EnumSet.of(Objects.requireNonNull(first, "first == null"), more);
    callbackFaults = set;
    return this;
  }

  /** Forgets every scripted fault not yet used. */
  public synchronized void clear() {
    scripted.clear();
    taskFailures.clear();
    callbackFaults = null;
  }

  synchronized @Nullable Fault take(Operation operation) {
    Queue<Fault> queue = scripted.get(operation);
    return queue == null ? null : queue.poll();
  }

  synchronized @Nullable String takeTaskFailure() {
    return taskFailures.poll();
  }

  synchronized Set<CallbackFault> takeCallbackFaults() {
    Set<CallbackFault> faults = callbackFaults == null ? EnumSet.noneOf(CallbackFault.class) : callbackFaults;
    callbackFaults = null;
    return faults;
  }

  @Override
  public synchronized String toString() {
    return "Faults{scripted=" + scripted + ", taskFailures=" + taskFailures + ", callbacks=" + callbackFaults + "}";
  }
}
