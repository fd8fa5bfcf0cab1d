package io.github.vidu4j.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonWriter;
import io.github.vidu4j.core.internal.ViduGson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ByteString;

/**
 * A JSON request body written once into an Okio buffer: strings are encoded to UTF-8 in place,
 * without the whole-string {@code char[]} copy an {@code OutputStreamWriter} makes (37 MB for a
 * request carrying 18.5 MB of data URIs), and the buffer's size is the body's exact length, known
 * before anything is sent. Each send shares the buffer's segments rather than copying them, so a
 * retry writes the same bytes again.
 */
public final class JsonBody extends RequestBody {
  static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private final Buffer buffer;

  private JsonBody(Buffer buffer) {
    this.buffer = buffer;
  }

  /** {@code value} as {@link ViduGson} writes it for {@code type}. */
  public static JsonBody of(Object value, Type type) {
    @SuppressWarnings("unchecked")
    TypeAdapter<Object> adapter =
        (TypeAdapter<Object>) ViduGson.gson().getAdapter(TypeToken.get(type));
    return write(adapter, value);
  }

  /** A JSON tree, for example a request model's tree with fields merged into it. */
  public static JsonBody of(JsonElement tree) {
    return write(ViduGson.gson().getAdapter(JsonElement.class), tree);
  }

  private static <T> JsonBody write(TypeAdapter<T> adapter, T value) {
    Gson gson = ViduGson.gson();
    Buffer buffer = new Buffer();
    try (JsonWriter writer = gson.newJsonWriter(new BufferWriter(buffer))) {
      adapter.write(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e); // a Buffer does not fail
    }
    return new JsonBody(buffer);
  }

  /** The body's bytes. */
  public ByteString bytes() {
    return buffer.snapshot();
  }

  @Override
  public MediaType contentType() {
    return JSON;
  }

  @Override
  public long contentLength() {
    return buffer.size();
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    buffer.copyTo(sink.getBuffer(), 0, buffer.size());
    sink.emitCompleteSegments();
  }

  /** UTF-8 into a buffer, strings encoded in place (no {@code char[]} copy of them). */
  private static final class BufferWriter extends Writer {
    private final Buffer buffer;

    BufferWriter(Buffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(String text, int offset, int length) {
      buffer.writeUtf8(text, offset, offset + length);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      buffer.writeUtf8(new String(chars, offset, length));
    }

    @Override
    public void write(int c) {
      buffer.writeUtf8CodePoint(c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
