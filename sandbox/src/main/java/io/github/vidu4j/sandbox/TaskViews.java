package io.github.vidu4j.sandbox;

import io.github.vidu4j.model.Creation;
import io.github.vidu4j.model.CreditBalance;
import io.github.vidu4j.model.CreditPackage;
import io.github.vidu4j.model.Credits;
import io.github.vidu4j.model.TaskCreations;
import io.github.vidu4j.model.TaskSummary;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the API answers about tasks and credits, as the generated models: a task's creations, a task
 * in the list, the credit balance. Called under the engine's lock.
 */
final class TaskViews {
  private final SandboxOptions options;
  private final ResultUrls urls;

  TaskViews(SandboxOptions options, ResultUrls urls) {
    this.options = options;
    this.urls = urls;
  }

  /** A task as {@code GET /ent/v2/tasks/{id}/creations} and the callbacks give it. */
  TaskCreations creations(SandboxTask task) {
    TaskCreations view =
        new TaskCreations()
            .id(task.id)
            .state(task.state)
            .errCode(task.errCode)
            .credits(task.credits)
            .payload(task.textOrEmpty("payload"))
            .creations(creationList(task));
    if (task.isVideo()) {
      view.bgm(task.flag("bgm")).offPeak(task.flag("off_peak"));
    }
    return view;
  }

  /** A task as {@code GET /ent/v2/tasks} lists it. */
  TaskSummary summary(SandboxTask task) {
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
        .creations(creationList(task))
        .createdAt(task.createdAt.atOffset(ZoneOffset.UTC))
        .credits(task.credits);
  }

  /** The organisation's credits as {@code GET /ent/v2/credits} answers them. */
  Credits credits(long remaining, int processing, int queued, boolean detail) {
    CreditBalance balance =
        new CreditBalance()
            .type("test")
            .creditRemain(remaining)
            .concurrencyLimit(options.concurrencyLimit())
            .currentConcurrency(processing)
            .queueCount(queued);
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
                  .creditRemain(remaining)
                  .createdAt(start)
                  .purchaseAt(start)
                  .validFrom(start)
                  .validTo(start.plusYears(100))));
    }
    return credits;
  }

  private List<Creation> creationList(SandboxTask task) {
    List<Creation> list = new ArrayList<>();
    for (String creationId : task.creationIds) {
      Creation creation = new Creation().id(creationId).coverUrl(urls.of(creationId, "png"));
      if (task.isVideo()) {
        String mp4 = urls.of(creationId, "mp4");
        creation.url(mp4).video(VideoTasks.facts(task));
        if (task.flag("watermark")) {
          creation.watermarkedUrl(mp4);
        }
      } else {
        creation.url(creation.getCoverUrl());
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
      return "key-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
