package io.github.vidu4j.batch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.vidu4j.RequestOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.ViduApiException;
import io.github.vidu4j.core.ViduException;
import io.github.vidu4j.core.ViduResponseException;
import io.github.vidu4j.core.ViduTransportException;
import io.github.vidu4j.model.ReferenceToImageTask;
import io.github.vidu4j.validation.ViduValidationException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Creates a line's task, paying for it once. Every create is recorded before it is sent. Its
 * outcome is one of three: a task id (recorded), a refusal Vidu gives before it accepts anything
 * (429, 4xx, a connection never made: recorded {@code not_created}, sent again or given up), or
 * unknown (no answer within the read timeout, a dropped answer, a 5xx, an answer without a usable
 * id). An unknown outcome is never followed by another create until its task is found by its tag or
 * the create is {@link BatchOptions#unansweredCreateWait()} old with still no task listed.
 */
final class Creates {
  private final ViduClient client;
  private final Journal journal;
  private final BatchOptions options;
  private final Throttle throttle;
  private final Reconciler reconciler;
  private final Consumer<Duration> throttled;

  Creates(
      ViduClient client,
      Journal journal,
      BatchOptions options,
      Reconciler reconciler,
      Consumer<Duration> throttled) {
    this.client = client;
    this.journal = journal;
    this.options = options;
    this.throttle = new Throttle(options.throttleBackoff());
    this.reconciler = reconciler;
    this.throttled = throttled;
  }

  /**
   * Gives the line a task: found (an earlier create's) or created; false if that cannot be done in
   * this run (the reason in {@link RunLine#error}).
   */
  boolean ensureTask(RunLine line) throws IOException {
    int refusals = 0;
    String why = "";
    while (true) {
      if (line.uncertainSince != null) {
        Settled settled = settle(line);
        if (settled == Settled.FOUND) {
          return true;
        }
        if (settled == Settled.UNKNOWN) {
          return false;
        }
      }
      if (refusals >= options.maxCreateAttempts()) {
        line.error = "not created after " + refusals + " attempts (" + why + "); run again later";
        return false;
      }
      if (refusals > 0 && !why.startsWith("refused with 429")) {
        sleep(options.throttleBackoff());
      }
      throttle.awaitClear();
      line.attempt++;
      line.tag = PayloadTag.of(journal.batchId(), line.line.number(), line.attempt);
      line.creatingAt = Instant.now();
      JsonObject creating = BatchRun.lineEvent("creating", line);
      creating.addProperty("attempt", line.attempt);
      creating.addProperty("tag", line.tag);
      creating.addProperty("operation", line.line.operation().name());
      journal.append(creating);
      line.status = RunLine.Status.CREATING;
      try {
        Answer task = send(line.line, line.tag);
        String id = task.id();
        if (id == null || id.isEmpty()) {
          why = "Vidu answered the create without a task id";
          unanswered(line, why);
        } else {
          created(line, id, task.credits(), false);
          throttle.succeeded();
          return true;
        }
      } catch (ViduApiException e) {
        if (e.statusCode() == 429) {
          notCreated(line, said(e));
          Duration pause = throttle.throttled(e.retryAfter());
          if (!pause.isZero()) {
            throttled.accept(pause);
          }
          why = "refused with 429 " + e.reason().orElse("") + " " + (refusals + 1) + " times";
        } else if (e.statusCode() >= 500) {
          // Vidu (or a gateway before it) failed while handling it: the task may exist.
          why = said(e);
          unanswered(line, why);
        } else {
          notCreated(line, said(e));
          line.error = "refused: " + said(e);
          return false;
        }
      } catch (ViduTransportException e) {
        why = "no answer: " + said(e);
        if (e.mayHaveReachedVidu()) {
          unanswered(line, why);
        } else {
          notCreated(line, said(e));
        }
      } catch (ViduResponseException e) {
        // A 2xx that cannot be read (or one too large): Vidu acted on it.
        why = said(e);
        unanswered(line, why);
      } catch (ViduValidationException e) {
        notCreated(line, said(e));
        line.error = said(e);
        return false;
      }
      refusals++;
    }
  }

  /** A create's answer: the task id and the credits announced, each null if absent. */
  private record Answer(@Nullable String id, @Nullable Integer credits) {}

  /**
   * Sends the line's create, tagged: a {@value BatchLine#DEFAULT_OPERATION} line by the typed image
   * call, any other by the client's generic path (validated by its operation's rules, sent with the
   * same never-twice retry rules).
   */
  private Answer send(BatchLine line, String tag) {
    if (line.isReferenceToImage()) {
      ReferenceToImageTask task = client.images().create(PayloadTag.tagged(line, tag));
      return new Answer(task.getTaskId(), task.getCredits());
    }
    JsonObject task =
        client
            .generations()
            .create(line.operation(), PayloadTag.taggedBody(line, tag), RequestOptions.defaults());
    return new Answer(text(task.get("task_id")), whole(task.get("credits")));
  }

  private static @Nullable String text(@Nullable JsonElement value) {
    return value instanceof JsonPrimitive p && (p.isString() || p.isNumber())
        ? p.getAsString()
        : null;
  }

  private static @Nullable Integer whole(@Nullable JsonElement value) {
    if (value instanceof JsonPrimitive p && p.isNumber()) {
      try {
        return new java.math.BigDecimal(p.getAsString()).intValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        return null; // not a whole number of credits: not reported
      }
    }
    return null;
  }

  private enum Settled {
    FOUND,
    /** Not found, and the create is too old to land now: send the line again. */
    LOST,
    /** Not found, and the task list cannot be read: the line waits for another run. */
    UNKNOWN
  }

  /**
   * Looks for the task of the line's unanswered creates until it is found or the latest of them is
   * {@link BatchOptions#unansweredCreateWait()} old at the start of a listing that does not show
   * it.
   */
  private Settled settle(RunLine line) throws IOException {
    Instant since = line.uncertainSince;
    Duration pause = pause(options.unansweredCreateWait());
    while (true) {
      Instant listedFrom = Instant.now();
      @Nullable String id;
      try {
        id = reconciler.find(List.of(line)).get(line);
      } catch (ViduException e) {
        line.error =
            "its create may have reached Vidu and the task list cannot be read to find out ("
                + said(e)
                + "); run again later: it is not created again before its task is looked for";
        return Settled.UNKNOWN;
      }
      if (id != null) {
        created(line, id, null, true);
        return Settled.FOUND;
      }
      if (since == null || !listedFrom.isBefore(since.plus(options.unansweredCreateWait()))) {
        JsonObject event = BatchRun.lineEvent("not_created", line);
        event.addProperty("attempt", line.attempt);
        event.addProperty("uncertain", true);
        event.addProperty(
            "error",
            "no task carries the tag of line "
                + line.line.number()
                + " "
                + options.unansweredCreateWait().toSeconds()
                + " s after its create was sent: taken as lost");
        journal.append(event);
        line.status = RunLine.Status.NOT_CREATED;
        line.uncertainSince = null;
        return Settled.LOST;
      }
      Duration left = Duration.between(Instant.now(), since.plus(options.unansweredCreateWait()));
      sleep(left.compareTo(pause) < 0 && !left.isNegative() ? left.plusMillis(50) : pause);
    }
  }

  private static Duration pause(Duration wait) {
    Duration tenth = wait.dividedBy(10);
    Duration least = Duration.ofMillis(250);
    Duration most = Duration.ofSeconds(5);
    return tenth.compareTo(least) < 0 ? least : tenth.compareTo(most) > 0 ? most : tenth;
  }

  private void created(RunLine line, String id, @Nullable Integer credits, boolean reconciled)
      throws IOException {
    boolean secret = !client.redact(id).equals(id);
    JsonObject event = BatchRun.lineEvent("created", line);
    event.addProperty("attempt", line.attempt);
    if (!secret) {
      event.addProperty("task", id);
    }
    if (credits != null) {
      event.addProperty("credits", credits);
    }
    if (reconciled) {
      event.addProperty("reconciled", true);
    }
    journal.append(event);
    line.taskId = id;
    line.taskIdSecret = secret;
    line.status = RunLine.Status.CREATED;
    line.uncertainSince = null;
    line.committedCredits = credits;
    line.createdNanos = System.nanoTime();
  }

  private void unanswered(RunLine line, String why) throws IOException {
    JsonObject event = BatchRun.lineEvent("unanswered", line);
    event.addProperty("attempt", line.attempt);
    event.addProperty("error", why);
    journal.append(event);
    line.uncertainSince = line.creatingAt;
  }

  private void notCreated(RunLine line, @Nullable String error) throws IOException {
    JsonObject event = BatchRun.lineEvent("not_created", line);
    event.addProperty("attempt", line.attempt);
    event.addProperty("error", String.valueOf(error));
    journal.append(event);
    line.status = RunLine.Status.NOT_CREATED;
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(Math.max(1, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ViduException("interrupted; run the batch again to resume", e);
    }
  }

  /**
   * An exception's message with the API key redacted: it is journalled and reported, and the
   * client's messages may quote server text or a server-given task id in a path.
   */
  private String said(Exception e) {
    return client.redact(String.valueOf(e.getMessage()));
  }
}
