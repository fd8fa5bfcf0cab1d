package io.github.vidu4j.batch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The append-only record of a batch: one JSON object per line, each written and forced to disk
 * before the step it enables (a create is recorded as {@code creating} before it is sent, its task
 * id the moment it is known). A record cut short by a crash is dropped on the next open: it was
 * never acted on. A lock file beside it ({@code <journal>.lock}, held with an OS lock, so a killed
 * run leaves none behind) keeps a second run out.
 */
final class Journal implements AutoCloseable {
  private static final int FORMAT = 1;

  private final Path path;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final FileChannel channel;
  private final String batchId;
  private final List<Entry> events;

  /** The header of a new journal, written with the first record (none is written if refused). */
  private @Nullable JsonObject pendingHeader;

  /** One record and the line of the journal file it is on, from 1. */
  record Entry(int fileLine, JsonObject event) {}

  private Journal(
      Path path,
      FileChannel lockChannel,
      FileLock lock,
      FileChannel channel,
      String batchId,
      List<Entry> events,
      @Nullable JsonObject pendingHeader) {
    this.path = path;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.channel = channel;
    this.batchId = batchId;
    this.events = events;
    this.pendingHeader = pendingHeader;
  }

  /**
   * Opens (or starts) the journal of the batch whose lines have {@code fingerprint}, holding its
   * lock.
   */
  static Journal open(Path path, String fingerprint, int lineCount) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path lockPath = path.resolveSibling(path.getFileName() + ".lock");
    FileChannel lockChannel =
        FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new BatchRefusedException(
          "another run is using the journal "
              + path
              + " ("
              + lockPath
              + " is locked): let it finish or stop it; two runs of one batch at once could pay twice");
    }
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      List<Entry> events = readAndRepair(path, channel);
      String batchId;
      JsonObject pendingHeader = null;
      if (events.isEmpty()) {
        batchId = UUID.randomUUID().toString();
        pendingHeader = event("batch");
        pendingHeader.addProperty("format", FORMAT);
        pendingHeader.addProperty("batch", batchId);
        pendingHeader.addProperty("input", fingerprint);
        pendingHeader.addProperty("lines", lineCount);
      } else {
        JsonObject header = events.get(0).event();
        JsonElement format = header.get("format");
        if (!"batch".equals(string(header, "event"))
            || format == null
            || !format.isJsonPrimitive()
            || !format.getAsJsonPrimitive().isNumber()
            || !format.getAsString().equals(Integer.toString(FORMAT))
            || !(header.get("batch") instanceof JsonPrimitive id && id.isString())) {
          throw new BatchRefusedException(
              path + " is not a vidu4j batch journal of format " + FORMAT + "; use another output");
        }
        if (!fingerprint.equals(string(header, "input"))) {
          throw new BatchRefusedException(
              "the journal "
                  + path
                  + " was written for other input ("
                  + header.get("lines")
                  + " lines, input fingerprint "
                  + abbreviate(string(header, "input"))
                  + "; this input has "
                  + lineCount
                  + " lines, fingerprint "
                  + abbreviate(fingerprint)
                  + "): resuming it with this input could leave lines undone or pay for them twice."
                  + " Use another output directory, or run the input it was written for");
        }
        batchId = string(header, "batch");
        events.remove(0);
      }
      return new Journal(path, lockChannel, lock, channel, batchId, events, pendingHeader);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      lock.release();
      lockChannel.close();
      throw e;
    }
  }

  /** The records after the header, as found when opened. */
  List<Entry> events() {
    return events;
  }

  /** Whether the journal had no record when opened: this run starts the batch. */
  boolean isNew() {
    return pendingHeader != null;
  }

  String batchId() {
    return batchId;
  }

  Path path() {
    return path;
  }

  /** A new record of {@code kind} at the current time, to fill in and {@link #append}. */
  static JsonObject event(String kind) {
    JsonObject event = new JsonObject();
    event.addProperty("event", kind);
    event.addProperty("at", Instant.now().toString());
    return event;
  }

  /** Appends {@code event} and forces it to disk before returning. */
  synchronized void append(JsonObject event) throws IOException {
    if (pendingHeader != null) {
      write(channel, pendingHeader);
      pendingHeader = null;
    }
    write(channel, event);
  }

  private static void write(FileChannel channel, JsonObject event) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((event + "\n").getBytes(StandardCharsets.UTF_8));
    channel.position(channel.size());
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    channel.force(false);
  }

  private static List<Entry> readAndRepair(Path path, FileChannel channel) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      // A record cut short by a crash: nothing acted on it, since every step waits for its record.
      channel.truncate(end);
      channel.force(false);
    }
    List<Entry> events = new ArrayList<>();
    String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      try {
        JsonElement element = JsonParser.parseString(lines[i]);
        if (!element.isJsonObject()) {
          throw new JsonParseException("not an object");
        }
        events.add(new Entry(i + 1, element.getAsJsonObject()));
      } catch (JsonParseException e) {
        throw new BatchRefusedException(
            "the journal "
                + path
                + " is damaged at line "
                + (i + 1)
                + ": it cannot be resumed safely; move it away only if you accept that lines may be created again",
            e);
      }
    }
    return events;
  }

  /** A string field, "" when absent; anything but a string is "" too (the replay names it). */
  static String string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value instanceof JsonPrimitive p && p.isString() ? p.getAsString() : "";
  }

  /** The input's identity: every line's number, file stem, operation and request, hashed. */
  static String fingerprint(List<BatchLine> lines) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (BatchLine line : lines) {
        digest.update(
            (line.number() + "\u0000" + line.fileStem() + "\u0000" + line.identity() + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String fingerprint) {
    return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      lock.release();
      lockChannel.close();
    }
  }
}
