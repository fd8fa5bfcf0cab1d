package flow;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.openapitools.client.ApiClient;
import org.openapitools.client.ApiException;
import org.openapitools.client.api.AccountApi;
import org.openapitools.client.api.GenerationApi;
import org.openapitools.client.api.TasksApi;
import org.openapitools.client.model.CancelTaskRequest;
import org.openapitools.client.model.Credits;
import org.openapitools.client.model.ErrorResponse;
import org.openapitools.client.model.ReferenceToImageRequest;
import org.openapitools.client.model.ReferenceToImageTask;
import org.openapitools.client.model.TaskCreations;
import org.openapitools.client.model.TaskList;

/**
 * The whole flow with the stock Java (okhttp-gson) client generated from openapi/vidu.yaml alone,
 * against `vidu sandbox serve --unlisted-state scheduled --extra-field ...`. Prints one line per
 * step and exits non-zero on the first failure.
 */
public final class Flow {
  static final String UNLISTED = System.getenv("FLOW_UNLISTED_STATE");
  static final String EXTRA = System.getenv("FLOW_EXTRA_FIELD");

  static void step(String name, boolean ok, Object detail) {
    System.out.println((ok ? "PASS " : "FAIL ") + name + ": " + detail);
    if (!ok) {
      System.exit(1);
    }
  }

  public static void main(String[] args) throws Exception {
    ApiClient api = new ApiClient();
    api.setBasePath(System.getenv("VIDU_BASE_URL"));
    api.setApiKey(System.getenv("VIDU_API_KEY"));
    api.setApiKeyPrefix("Token");
    GenerationApi generation = new GenerationApi(api);
    TasksApi tasks = new TasksApi(api);
    AccountApi account = new AccountApi(api);
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);

    ReferenceToImageTask text =
        generation.createReferenceToImage(
            new ReferenceToImageRequest().model("viduq2").prompt("a red fox").resolution("2K"));
    step("create text-to-image", "created".equals(text.getState()), text.getTaskId());
    step(
        "unknown field kept",
        text.getAdditionalProperty(EXTRA) != null,
        EXTRA + "=" + text.getAdditionalProperty(EXTRA));

    String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(160, 128));
    ReferenceToImageTask withImage =
        generation.createReferenceToImage(
            new ReferenceToImageRequest().model("viduq1").prompt("watercolour").addImagesItem(image));
    step("create with an image", withImage.getTaskId() != null, withImage.getTaskId());

    for (ReferenceToImageTask created : List.of(text, withImage)) {
      List<String> seen = new ArrayList<>();
      TaskCreations task = poll(tasks, created.getTaskId(), seen);
      step(
          "poll through the unlisted state",
          seen.get(0).equals(UNLISTED) && "success".equals(task.getState()),
          seen);
      byte[] png = download(task.getCreations().get(0).getUrl());
      ByteBuffer header = ByteBuffer.wrap(png);
      step(
          "download a PNG",
          header.getLong(0) == 0x89504E470D0A1A0AL && header.getInt(16) > 0,
          header.getInt(16) + "x" + header.getInt(20));
    }

    TaskList listed =
        tasks.listTasks(before, null, null, null, null, null, null, null, 100, null);
    step(
        "list with created_at.from",
        listed.getTasks().stream().anyMatch(t -> text.getTaskId().equals(t.getId())),
        listed.getTasks().size() + " tasks");

    Credits credits = account.getCredits(true);
    step("credits", credits.getRemains() != null || credits.getRemainingCredits() != null, "ok");

    ReferenceToImageTask toCancel =
        generation.createReferenceToImage(
            new ReferenceToImageRequest().model("viduq2").prompt("cancel me"));
    tasks.cancelTask(toCancel.getTaskId(), new CancelTaskRequest().id(toCancel.getTaskId()));
    TaskCreations cancelled = poll(tasks, toCancel.getTaskId(), new ArrayList<>());
    step(
        "cancel",
        "failed".equals(cancelled.getState()) && "UserCancelled".equals(cancelled.getErrCode()),
        cancelled.getState() + "/" + cancelled.getErrCode());

    try {
      tasks.getTaskCreations("1");
      step("typed 404", false, "no error");
    } catch (ApiException e) {
      ErrorResponse error = ErrorResponse.fromJson(e.getResponseBody());
      step(
          "typed 404",
          e.getCode() == 404 && "TaskNotFound".equals(error.getReason()),
          e.getCode() + " " + error.getReason());
    }
  }

  static TaskCreations poll(TasksApi tasks, String id, List<String> seen) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      TaskCreations task = tasks.getTaskCreations(id);
      seen.add(task.getState());
      if ("success".equals(task.getState()) || "failed".equals(task.getState())) {
        return task;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("task " + id + " not final: " + seen);
  }

  static byte[] download(String url) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofByteArray())
        .body();
  }

  static byte[] png(int width, int height) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
    byte[] rows = new byte[height * (1 + width * 3)];
    Deflater deflater = new Deflater();
    deflater.setInput(rows);
    deflater.finish();
    byte[] buffer = new byte[rows.length + 64];
    int n = deflater.deflate(buffer);
    chunk(out, "IDAT", java.util.Arrays.copyOf(buffer, n));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] kind = type.getBytes("US-ASCII");
    out.write(kind);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(kind);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
