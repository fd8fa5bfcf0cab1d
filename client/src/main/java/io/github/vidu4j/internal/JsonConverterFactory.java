package io.github.vidu4j.internal;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonWriter;
import io.github.vidu4j.core.internal.ViduGson;
import java.io.EOFException;
import java.io.IOException;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * JSON bodies with {@link ViduGson}, in place of Retrofit's Gson converter, for two costs it has: a
 * response is read as text once and the models point into it ({@link ViduGson#read}); a request is
 * written straight into an Okio buffer, without the whole-string {@code char[]} copy an {@code
 * OutputStreamWriter} makes (37 MB for a request carrying 18.5 MB of data URIs) and without a
 * second copy of the buffer. The body's length is known before sending, as before.
 */
public final class JsonConverterFactory extends Converter.Factory {
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private final Gson gson = ViduGson.gson();
  private final long maxResponseBytes;

  /**
   * Reads response bodies of at most {@code maxResponseBytes}; a longer one fails without being
   * held.
   */
  public JsonConverterFactory(long maxResponseBytes) {
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    return body -> {
      try (body) {
        String text = readBounded(body, maxResponseBytes);
        if (text.isEmpty()) {
          throw new EOFException("End of input at line 1 column 1 path $");
        }
        return ViduGson.read(text, type);
      }
    };
  }

  /**
   * The body as text, refusing one longer than {@code limit}: by its {@code Content-Length} before
   * reading, and by counting while reading (a chunked or close-delimited body has no length, and a
   * stated one may lie), so at most {@code limit + 1} bytes are ever buffered.
   */
  static String readBounded(ResponseBody body, long limit) throws IOException {
    long declared = body.contentLength();
    if (declared < -1) {
      // OkHttp would fail reading with an IllegalArgumentException ("byteCount < 0").
      throw UnusableResponseException.malformed("malformed framing: Content-Length " + declared);
    }
    if (declared > limit) {
      throw UnusableResponseException.tooLarge(limit, declared);
    }
    BufferedSource source = body.source();
    if (source.request(limit + 1)) {
      throw UnusableResponseException.tooLarge(limit, declared);
    }
    Buffer buffer = source.getBuffer();
    if (buffer.rangeEquals(0, UTF8_BOM)) {
      buffer.skip(UTF8_BOM.size());
    }
    MediaType type = body.contentType();
    return buffer.readString(
        type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8));
  }

  private static final ByteString UTF8_BOM = ByteString.decodeHex("efbbbf");

  @Override
  public @Nullable Converter<?, RequestBody> requestBodyConverter(
      Type type,
      Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations,
      Retrofit retrofit) {
    @SuppressWarnings("unchecked")
    TypeAdapter<Object> adapter = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(type));
    return value -> {
      Buffer buffer = new Buffer();
      try (JsonWriter writer = gson.newJsonWriter(new BufferWriter(buffer))) {
        adapter.write(writer, value);
      }
      return new BufferBody(buffer);
    };
  }

  /**
   * A body over a filled buffer; each write shares its segments rather than copying them, so
   * retries can write it again.
   */
  private static final class BufferBody extends RequestBody {
    private final Buffer buffer;

    BufferBody(Buffer buffer) {
      this.buffer = buffer;
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
