package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.Credits;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskList;
import io.github.vidu4j.model.TaskState;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The emulated organisation: its tasks, their lifecycle and credits. One lock guards every task;
 * timers run on one scheduler thread. What the API shows of them is {@link TaskViews}'.
 */
final class TaskEngine {
  private final SandboxOptions options;
  private final Faults faults;
  private final ScheduledExecutorService timers;
  private final CallbackDelivery callbacks;
  private final AtomicLong ids;
  private final ResultUrls urls;
  private final TaskViews views;
  private final ResultSizes sizes = new ResultSizes();
  private final ResultFiles files;

  private final Map<String, SandboxTask> tasks = new LinkedHashMap<>();
  private final Map<String, SandboxTask> byCreation = new HashMap<>();
  private final Deque<SandboxTask> queue = new ArrayDeque<>();
  private int processing;
  private final Occupancy occupancy = new Occupancy();
  private long creditsRemain;

  TaskEngine(
      SandboxOptions options,
      Faults faults,
      ScheduledExecutorService timers,
      CallbackDelivery callbacks,
      String baseUrl) {
    this.options = options;
    this.files = new ResultFiles(options.maxResultSide());
    this.faults = faults;
    this.timers = timers;
    this.callbacks = callbacks;
    this.urls = new ResultUrls(options, baseUrl);
    this.views = new TaskViews(options, urls);
    // Vidu's ids are 18-digit numbers; start somewhere new each run so stored ids do not collide.
    this.ids =
        new AtomicLong(
            800_000_000_000_000_000L + (new SecureRandom().nextLong() & 0xFF_FFFF_FFFFL) * 1000);
    this.creditsRemain = options.credits();
  }

  /** A scripted failure first ({@link Faults#failNextTask}), else the options' for every task. */
  private @Nullable String plannedFailure() {
    String scripted = faults.takeTaskFailure();
    return scripted != null ? scripted : options.failTasks().orElse(null);
  }

  // ---- operations ------------------------------------------------------------------------

  /** An image task: {@code request} has passed {@link CreateRequests#parse}. */
  ReferenceToImageTask create(String apiKey, ReferenceToImageRequest request) {
    JsonObject body =
        JsonParser.parseString(ViduJson.write(ImageTasks.withVidusDefaults(request)))
            .getAsJsonObject();
    SandboxTask task =
        admit(apiKey, ImageTasks.OPERATION, body, Prices.of(request), sizes.of(body), false);
    synchronized (this) {
      return ImageTasks.createdView(task);
    }
  }

  /**
   * A task of a video operation (or any generation operation the spec adds): {@code body} has
   * passed {@link CreateRequests#parse}; Vidu's defaults are filled in here.
   */
  JsonObject createVideo(String apiKey, SpecOperation operation, JsonObject body) {
    VideoTasks.withVidusDefaults(operation, body);
    int[] size = sizes.of(body);
    int[] video = VideoTasks.secondsAndFps(operation, body);
    SandboxTask task =
        admit(
            apiKey,
            operation,
            body,
            Prices.ofVideo(body, video[0]),
            new int[] {size[0], size[1], video[0], video[1]},
            false);
    return VideoTasks.createdView(task);
  }

  private SandboxTask admit(
      String apiKey,
      SpecOperation operation,
      JsonObject body,
      int cost,
      int[] size,
      boolean frozen) {
    synchronized (this) {
      if (creditsRemain < cost) {
        throw new ApiError(
            400,
            "CreditInsufficient",
            "insufficient credits: " + creditsRemain + " left, the task costs " + cost);
      }
      String id = Long.toString(ids.incrementAndGet());
      JsonElement given = body.get("seed");
      int seed =
          given == null || !given.isJsonPrimitive() || given.getAsInt() == 0
              ? Math.floorMod(id.hashCode(), 1 << 30) + 1
              : given.getAsInt();
      Set<CallbackFault> callbackFaults =
          !body.has("callback_url")
              ? EnumSet.noneOf(CallbackFault.class)
              : faults.takeCallbackFaults();
      SandboxTask task =
          new SandboxTask(
              id,
              apiKey,
              operation,
              body,
              options.clock().instant(),
              cost,
              seed,
              size,
              frozen,
              plannedFailure(),
              callbackFaults);
      creditsRemain -= cost;
      tasks.put(id, task);
      occupancy.created();
      after(options.queueDelay().toMillis(), () -> queue(task));
      return task;
    }
  }

  synchronized TaskCreations get(String id) {
    return views.creations(find(id));
  }

  synchronized void cancel(String id) {
    SandboxTask task = find(id);
    if (task.isFinal()) {
      throw new ApiError(
          400, "BadRequest", "task state is " + task.state.getValue() + ", can not cancel");
    }
    if (TaskState.PROCESSING.equals(task.state) && !task.frozen) {
      processing--;
    }
    queue.remove(task);
    if (!task.frozen) {
      occupancy.ended();
    }
    task.state = TaskState.FAILED;
    task.errCode = "UserCancelled";
    refund(task);
    notifyCallback(task);
    startQueued();
  }

  synchronized TaskList list(Predicate<SandboxTask> filter, int offset, int pageSize) {
    List<SandboxTask> matching = new ArrayList<>();
    tasks
        .values()
        .forEach(
            t -> {
              if (filter.test(t)) {
                matching.add(0, t); // newest first
              }
            });
    TaskList list = new TaskList();
    list.setTasks(new ArrayList<>());
    for (int i = offset; i < Math.min(matching.size(), offset + pageSize); i++) {
      list.getTasks().add(views.summary(matching.get(i)));
    }
    list.setNextPageToken(
        offset + pageSize < matching.size() ? PageTokens.of(offset / pageSize + 1) : "");
    return list;
  }

  synchronized Credits credits(boolean detail) {
    return views.credits(creditsRemain, processing, queue.size(), detail);
  }

  /**
   * A creation's file ({@code png}: the image, or a video's cover; {@code mp4}: the video), if
   * {@code expires} and {@code signature} are the ones this sandbox issued and not past.
   */
  byte[] result(String creationId, String extension, String expires, String signature) {
    urls.verify(creationId, expires, signature);
    SandboxTask task;
    synchronized (this) {
      task = byCreation.get(creationId);
    }
    return files.of(task, creationId, extension);
  }

  // ---- provider states and control --------------------------------------------------------

  synchronized void seed(
      String id, TaskState state, String errCode, String apiKey, ReferenceToImageRequest given) {
    // A copy with Vidu's defaults filled in, as a created task would have them.
    ReferenceToImageRequest request =
        ImageTasks.withVidusDefaults(
            ViduJson.read(ViduJson.write(given), ReferenceToImageRequest.class));
    JsonObject body = JsonParser.parseString(ViduJson.write(request)).getAsJsonObject();
    SandboxTask old = tasks.remove(id);
    if (old != null) {
      old.creationIds.forEach(byCreation::remove);
      queue.remove(old);
    }
    SandboxTask task =
        new SandboxTask(
            id,
            apiKey,
            ImageTasks.OPERATION,
            body,
            options.clock().instant(),
            Prices.of(request),
            request.getSeed() == null || request.getSeed() == 0 ? 42 : request.getSeed(),
            sizes.of(body),
            true,
            null,
            EnumSet.noneOf(CallbackFault.class));
    task.state = state;
    task.errCode = TaskState.FAILED.equals(state) ? errCode : "";
    if (TaskState.SUCCESS.equals(state)) {
      addCreation(task);
    }
    tasks.put(id, task);
  }

  synchronized void setCredits(long credits) {
    creditsRemain = credits;
  }

  synchronized Optional<TaskState> stateOf(String id) {
    SandboxTask task = tasks.get(id);
    return task == null ? Optional.empty() : Optional.of(task.state);
  }

  synchronized int taskCount() {
    return tasks.size();
  }

  synchronized int peakProcessing() {
    return occupancy.peakProcessing();
  }

  synchronized int peakUnfinished() {
    return occupancy.peakUnfinished();
  }

  void close() {
    sizes.close();
  }

  // ---- the lifecycle ----------------------------------------------------------------------

  private synchronized void queue(SandboxTask task) {
    if (!TaskState.CREATED.equals(task.state)) {
      return; // cancelled meanwhile
    }
    task.state = TaskState.QUEUEING;
    queue.add(task);
    startQueued();
  }

  private void startQueued() {
    while (processing < options.concurrencyLimit() && !queue.isEmpty()) {
      SandboxTask task = queue.poll();
      task.state = TaskState.PROCESSING;
      processing++;
      occupancy.processing(processing);
      notifyCallback(task);
      after(options.processingTime().toMillis(), () -> finish(task));
    }
  }

  private synchronized void finish(SandboxTask task) {
    if (!TaskState.PROCESSING.equals(task.state)) {
      return;
    }
    processing--;
    occupancy.ended();
    if (task.plannedFailure != null) {
      task.state = TaskState.FAILED;
      task.errCode = task.plannedFailure;
      refund(task);
    } else {
      task.state = TaskState.SUCCESS;
      addCreation(task);
    }
    notifyCallback(task);
    startQueued();
  }

  private void refund(SandboxTask task) {
    if (!task.refunded && !task.frozen) {
      task.refunded = true;
      creditsRemain += task.credits;
    }
  }

  private void addCreation(SandboxTask task) {
    String creationId = Long.toString(ids.incrementAndGet());
    task.creationIds.add(creationId);
    byCreation.put(creationId, task);
  }

  private void notifyCallback(SandboxTask task) {
    String url = task.text("callback_url");
    if (url == null || url.isEmpty()) {
      return;
    }
    String body = ExtraFields.addTo(ViduJson.write(views.creations(task)), options.extraFields());
    callbacks.send(
        task.id,
        url,
        task.apiKey,
        task.state.getValue(),
        body,
        task.isFinal(),
        task.callbackFaults);
  }

  private void after(long millis, Runnable action) {
    try {
      var unused = timers.schedule(action, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // The sandbox is closing: its tasks stop where they are.
    }
  }

  private SandboxTask find(String id) {
    SandboxTask task = tasks.get(id);
    if (task == null) {
      throw ApiError.taskNotFound(id);
    }
    return task;
  }
}
