package io.github.vidu4j.validation;

import com.google.gson.stream.JsonWriter;
import io.github.vidu4j.core.internal.ViduGson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The UTF-8 size of a request's JSON as the client sends it, counted by the serialiser itself
 * writing into a sink that keeps nothing: the same Gson, so the count is right by construction for
 * every field the spec has or adds, and no copy of the body is made. The client's own create path
 * does not use it: it writes the body once and validates with that body's length.
 */
final class BodySize {
  private BodySize() {}

  /** The size of {@code request} (a generated request model or a JSON tree) as sent. */
  static long of(Object request) {
    Counter counter = new Counter();
    try (JsonWriter writer = ViduGson.gson().newJsonWriter(counter)) {
      ViduGson.gson().toJson(request, request.getClass(), writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the counter never fails
    }
    return counter.total();
  }

  /** Counts the UTF-8 bytes of what is written to it. */
  static final class Counter extends Writer {
    long bytes;
    private boolean pendingHigh;

    @Override
    public void write(String text, int offset, int length) {
      for (int i = offset, end = offset + length; i < end; i++) {
        count(text.charAt(i));
      }
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      for (int i = offset, end = offset + length; i < end; i++) {
        count(chars[i]);
      }
    }

    @Override
    public void write(int c) {
      count((char) c);
    }

    /** As {@code String.getBytes(UTF_8)} and Okio count: an unpaired surrogate is one {@code ?}. */
    private void count(char c) {
      if (pendingHigh) {
        pendingHigh = false;
        if (Character.isLowSurrogate(c)) {
          bytes += 4;
          return;
        }
        bytes += 1;
      }
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        pendingHigh = true;
      } else if (Character.isLowSurrogate(c)) {
        bytes += 1;
      } else {
        bytes += 3;
      }
    }

    long total() {
      return bytes + (pendingHigh ? 1 : 0);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
