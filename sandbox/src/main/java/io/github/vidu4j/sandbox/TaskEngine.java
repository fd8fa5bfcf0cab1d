package io.github.vidu4j.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduJson;
import io.github.vidu4j.model.Creation;
import io.github.vidu4j.model.CreditBalance;
import io.github.vidu4j.model.CreditPackage;
import io.github.vidu4j.model.Credits;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskList;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.model.TaskSummary;
import io.github.vidu4j.validation.GenerationOperation;
import io.github.vidu4j.validation.ImageInfo;
import io.github.vidu4j.validation.ImageInput;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The emulated organisation: its tasks, their lifecycle, credits and results. One lock guards every
 * task; timers run on one scheduler thread.
 */
final class TaskEngine {
  private static final int RESULT_CACHE_SIZE = 8;
  private static final GenerationOperation IMAGE_OPERATION =
      GenerationOperation.named("reference2image").orElseThrow();
  private static final Pattern IP_LITERAL =
      Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final Pattern PAGE_TOKEN =
      Pattern.compile("\\{\\s*\"page\"\\s*:\\s*(\\d{1,9})\\s*}");

  private final SandboxOptions options;

  private final Faults faults;
  private final ScheduledExecutorService timers;
  private final CallbackDelivery callbacks;
  private final String baseUrl;
  private final byte[] urlKey = new byte[32];
  private final AtomicLong ids;
  private final OkHttpClient imageFetcher;

  private final Map<String, SandboxTask> tasks = new LinkedHashMap<>();
  private final Map<String, SandboxTask> byCreation = new HashMap<>();
  private final Deque<SandboxTask> queue = new ArrayDeque<>();
  private final Map<String, byte[]> rendered = new LinkedHashMap<>(16, 0.75f, true);
  private int processing;
  private final Occupancy occupancy = new Occupancy();
  private long creditsRemain;

  /** A scripted failure first ({@link Faults#failNextTask}), else the options' for every task. */
  private @Nullable String plannedFailure() {
    String scripted = faults.takeTaskFailure();
    return scripted != null ? scripted : options.failTasks().orElse(null);
  }

  TaskEngine(
      SandboxOptions options,
      Faults faults,
      ScheduledExecutorService timers,
      CallbackDelivery callbacks,
      String baseUrl) {
    this.options = options;
    this.faults = faults;
    this.timers = timers;
    this.callbacks = callbacks;
    this.baseUrl = baseUrl;
    SecureRandom random = new SecureRandom();
    random.nextBytes(urlKey);
    // Vidu's ids are 18-digit numbers; start somewhere new each run so stored ids do not collide.
    this.ids =
        new AtomicLong(800_000_000_000_000_000L + (random.nextLong() & 0xFF_FFFF_FFFFL) * 1000);
    this.creditsRemain = options.credits();
    this.imageFetcher =
        new OkHttpClient.Builder().callTimeout(java.time.Duration.ofSeconds(3)).build();
  }

  // ---- operations ------------------------------------------------------------------------

  ReferenceToImageTask create(String apiKey, ReferenceToImageRequest request) {
    JsonObject body = JsonParser.parseString(ViduJson.write(request)).getAsJsonObject();
    return createdView(
        admit(apiKey, IMAGE_OPERATION, body, Prices.of(request), resultSize(body), false));
  }

  /**
   * A task of a video operation (or any generation operation the spec adds): {@code body} has
   * passed {@link VideoRequests#parse}; Vidu's defaults are filled in here.
   */
  JsonObject createVideo(String apiKey, GenerationOperation operation, JsonObject body) {
    VideoTasks.withVidusDefaults(operation, body);
    int[] size = resultSize(body);
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
      GenerationOperation operation,
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
    return creationsView(find(id));
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
      list.getTasks().add(summaryView(matching.get(i)));
    }
    list.setNextPageToken(
        offset + pageSize < matching.size() ? pageToken(offset / pageSize + 1) : "");
    return list;
  }

  synchronized Credits credits(boolean detail) {
    CreditBalance balance =
        new CreditBalance()
            .type("test")
            .creditRemain(creditsRemain)
            .concurrencyLimit(options.concurrencyLimit())
            .currentConcurrency(processing)
            .queueCount(queue.size());
    Credits credits = new Credits().remains(List.of(balance));
    if (detail) {
      OffsetDateTime start = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
      credits.packages(
          List.of(
              new CreditPackage()
                  .id("sandbox-package")
                  .name("Sandbox credits")
                  .type("test")
                  .concurrency(options.concurrencyLimit())
                  .creditAmount(options.credits())
                  .creditRemain(creditsRemain)
                  .createdAt(start)
                  .purchaseAt(start)
                  .validFrom(start)
                  .validTo(start.plusYears(100))));
    }
    return credits;
  }

  /**
   * A creation's file ({@code png}: the image, or a video's cover; {@code mp4}: the video), if
   * {@code expires} and {@code signature} are the ones this sandbox issued and not past.
   */
  byte[] result(String creationId, String extension, String expires, String signature) {
    long expiresAt;
    try {
      expiresAt = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      throw new ApiError(403, "AccessDenied", "the URL is not a presigned result URL");
    }
    if (!MessageDigest.isEqual(
        sign(creationId, expiresAt).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      throw new ApiError(403, "SignatureDoesNotMatch", "the URL's signature does not match");
    }
    if (options.clock().instant().getEpochSecond() > expiresAt) {
      throw new ApiError(403, "AccessDenied", "Request has expired");
    }
    String key = creationId + "." + extension;
    SandboxTask task;
    synchronized (this) {
      task = byCreation.get(creationId);
      byte[] cached = rendered.get(key);
      if (cached != null) {
        return cached;
      }
    }
    if (task == null || (extension.equals("mp4") && !task.isVideo())) {
      throw new ApiError(404, "NoSuchKey", "no such result");
    }
    String caption =
        "vidu4j sandbox · "
            + task.textOrEmpty("model")
            + " · "
            + task.width
            + "x"
            + task.height
            + (task.isVideo() ? " · " + task.seconds + " s at " + task.fps + " fps" : "")
            + " · seed "
            + task.seed;
    String prompt =
        task.textOrEmpty("prompt").isBlank() ? task.operation.name() : task.textOrEmpty("prompt");
    byte[] file =
        extension.equals("mp4")
            ? VideoTasks.render(task, prompt, caption)
            : renderImage(task, prompt, caption);
    synchronized (this) {
      rendered.put(key, file);
      if (rendered.size() > RESULT_CACHE_SIZE) {
        rendered.remove(rendered.keySet().iterator().next());
      }
    }
    return file;
  }

  // ---- provider states and control --------------------------------------------------------

  /**
   * {@code request} with its model's defaults (the spec's {@code x-vidu-model-rules}) for what it
   * leaves out, so a task shows them as Vidu's do; every task's request has been through this.
   */
  static ReferenceToImageRequest withVidusDefaults(ReferenceToImageRequest request) {
    SpecRules.Model rules = SpecRules.spec().models.get(request.getModel());
    if (rules != null) {
      if (request.getAspectRatio() == null) {
        request.setAspectRatio(rules.defaultAspectRatio());
      }
      if (request.getResolution() == null) {
        request.setResolution(rules.defaultResolution());
      }
    }
    return request;
  }

  synchronized void seed(
      String id, TaskState state, String errCode, String apiKey, ReferenceToImageRequest given) {
    // A copy with Vidu's defaults filled in, as a created task would have them.
    ReferenceToImageRequest request =
        withVidusDefaults(ViduJson.read(ViduJson.write(given), ReferenceToImageRequest.class));
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
            IMAGE_OPERATION,
            body,
            options.clock().instant(),
            Prices.of(request),
            request.getSeed() == null || request.getSeed() == 0 ? 42 : request.getSeed(),
            resultSize(body),
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
    imageFetcher.dispatcher().executorService().shutdown();
    imageFetcher.connectionPool().evictAll();
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
    String body = ExtraFields.addTo(ViduJson.write(creationsView(task)), options.extraFields());
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

  // ---- views: the generated models -----------------------------------------------------------

  private ReferenceToImageTask createdView(SandboxTask task) {
    return new ReferenceToImageTask()
        .taskId(task.id)
        .state(task.state)
        .model(task.text("model"))
        .prompt(task.text("prompt"))
        .images(task.images())
        .seed(task.body.has("seed") ? task.body.get("seed").getAsInt() : 0)
        .aspectRatio(task.text("aspect_ratio"))
        .resolution(task.text("resolution"))
        .callbackUrl(task.text("callback_url"))
        .payload(task.textOrEmpty("payload"))
        .credits(task.credits)
        .createdAt(task.createdAt.atOffset(ZoneOffset.UTC));
  }

  private TaskCreations creationsView(SandboxTask task) {
    TaskCreations view =
        new TaskCreations()
            .id(task.id)
            .state(task.state)
            .errCode(task.errCode)
            .credits(task.credits)
            .payload(task.textOrEmpty("payload"))
            .creations(creations(task));
    if (task.isVideo()) {
      view.bgm(task.flag("bgm")).offPeak(task.flag("off_peak"));
    }
    return view;
  }

  private TaskSummary summaryView(SandboxTask task) {
    return new TaskSummary()
        .id(task.id)
        .keyId(keyId(task.apiKey))
        .type(task.operation.name())
        .model(task.text("model"))
        .prompt(task.text("prompt"))
        .images(task.images())
        .duration(task.isVideo() ? task.seconds : null)
        .resolution(task.text("resolution"))
        .aspectRatio(task.text("aspect_ratio"))
        .state(task.state)
        .creations(creations(task))
        .createdAt(task.createdAt.atOffset(ZoneOffset.UTC))
        .credits(task.credits);
  }

  private List<Creation> creations(SandboxTask task) {
    long expires = options.clock().instant().plus(options.resultUrlTtl()).getEpochSecond();
    List<Creation> list = new ArrayList<>();
    for (String creationId : task.creationIds) {
      String query = "?expires=" + expires + "&sig=" + sign(creationId, expires);
      String png = baseUrl + "results/" + creationId + ".png" + query;
      Creation creation = new Creation().id(creationId).coverUrl(png);
      if (task.isVideo()) {
        String mp4 = baseUrl + "results/" + creationId + ".mp4" + query;
        creation.url(mp4).video(VideoTasks.facts(task));
        if (task.flag("watermark")) {
          creation.watermarkedUrl(mp4);
        }
      } else {
        creation.url(png);
      }
      list.add(creation);
    }
    return list;
  }

  /** A stable, non-secret id for a key: never the key itself. */
  static String keyId(String apiKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return "key-" + java.util.HexFormat.of().formatHex(digest, 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String sign(String creationId, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(urlKey, "HmacSHA256"));
      byte[] digest = mac.doFinal((creationId + ":" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Vidu's tokens look like base64url of {@code {"page":1}} (the docs' example); ours are the same.
   */
  static String pageToken(int page) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("{\"page\":" + page + "}").getBytes(StandardCharsets.UTF_8));
  }

  /** The zero-based page a {@link #pageToken} names. */
  static int pageOf(String pageToken) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
      Matcher matcher = PAGE_TOKEN.matcher(text);
      if (matcher.matches()) {
        return Integer.parseInt(matcher.group(1));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error
    }
    throw new ApiError(400, "FieldInvalid", "invalid field: pager.page_token");
  }

  /** The task's picture, at most {@link SandboxOptions#maxResultSide()} on its longer side. */
  private byte[] renderImage(SandboxTask task, String prompt, String caption) {
    int width = task.width;
    int height = task.height;
    int cap = options.maxResultSide();
    if (cap > 0 && Math.max(width, height) > cap) {
      double scale = (double) cap / Math.max(width, height);
      width = Math.max(1, (int) Math.round(width * scale));
      height = Math.max(1, (int) Math.round(height * scale));
    }
    return ResultImages.render(width, height, task.seed, prompt, caption);
  }

  // ---- result sizes -------------------------------------------------------------------------

  /**
   * Width and height of the result: the aspect ratio at the resolution; {@code auto} follows the
   * first image.
   */
  private int[] resultSize(JsonObject body) {
    JsonElement resolution = body.get("resolution");
    JsonElement aspectRatio = body.get("aspect_ratio");
    double[] ratio =
        aspectRatio == null || !aspectRatio.isJsonPrimitive()
            ? null
            : ResultImages.ratio(aspectRatio.getAsString());
    if (ratio == null) {
      JsonElement images = body.get("images");
      ImageInfo first =
          images == null || !images.isJsonArray() || images.getAsJsonArray().isEmpty()
              ? null
              : firstImage(images.getAsJsonArray().get(0).getAsString());
      ratio = first == null ? new double[] {16, 9} : new double[] {first.width(), first.height()};
    }
    return ResultImages.size(
        ratio[0],
        ratio[1],
        resolution == null || !resolution.isJsonPrimitive() ? "1080p" : resolution.getAsString());
  }

  /** Loopback by name or by literal address; never a DNS lookup, which would leave the machine. */
  static boolean isLoopback(@Nullable String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!IP_LITERAL.matcher(literal).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress(); // a literal: parsed, not looked up
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The first image's size: decoded from a data URI, fetched for a loopback URL (this sandbox's own
   * results among them, over HTTP like any other). The sandbox stays offline, so other hosts are
   * not fetched: {@code null}, and {@code auto} then falls back to 16:9.
   */
  private @Nullable ImageInfo firstImage(String image) {
    try {
      if (image.regionMatches(true, 0, "data:", 0, 5)) {
        byte[] bytes = Base64.getMimeDecoder().decode(image.substring(image.indexOf(',') + 1));
        return ImageInput.fromBytes(bytes, "images[0]").info().orElse(null);
      }
      URI uri = URI.create(image);
      if (!isLoopback(uri.getHost())) {
        return null;
      }
      try (Response response =
          imageFetcher.newCall(new Request.Builder().url(image).build()).execute()) {
        ResponseBody body = response.body();
        if (!response.isSuccessful()) {
          throw new ApiError(
              400,
              "ImageDownloadFailure",
              "image download failure: images[0] answered " + response.code());
        }
        return ImageInput.fromBytes(body.bytes(), "images[0]").info().orElse(null);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new ApiError(
          400,
          "ImageDownloadFailure",
          "image download failure: images[0] (" + e.getMessage() + ")");
    } catch (ViduException e) {
      throw new ApiError(
          400, "ImageFormatInvalid", "invalid image format: images[0] (" + e.getMessage() + ")");
    }
  }
}
