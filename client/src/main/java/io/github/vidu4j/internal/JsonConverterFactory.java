package io.github.vidu4j.internal;

import io.github.vidu4j.core.internal.ViduGson;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * JSON bodies with {@link ViduGson}, in place of Retrofit's Gson converter, for two costs it has: a
 * response's bytes are read once, decoded as they are parsed, and the models point into them
 * ({@link ViduGson#read(byte[], java.nio.charset.Charset, Type)}); a request is written once into
 * an Okio buffer ({@link JsonBody}), its length known before sending.
 */
public final class JsonConverterFactory extends Converter.Factory {
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
        byte[] bytes = readBounded(body, maxResponseBytes);
        if (bytes.length == 0) {
          throw new EOFException("End of input at line 1 column 1 path $");
        }
        MediaType mediaType = body.contentType();
        return ViduGson.read(
            bytes,
            mediaType == null ? StandardCharsets.UTF_8 : mediaType.charset(StandardCharsets.UTF_8),
            type);
      }
    };
  }

  /**
   * The body's bytes (without a UTF-8 byte order mark), refusing one longer than {@code limit}: by
   * its {@code Content-Length} before reading, and by counting while reading (a chunked or
   * close-delimited body has no length, and a stated one may lie), so at most {@code limit + 1}
   * bytes are ever buffered.
   */
  static byte[] readBounded(ResponseBody body, long limit) throws IOException {
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
    // Bytes, not a String: the parser decodes them as it reads, one copy fewer.
    return buffer.readByteArray();
  }

  private static final ByteString UTF8_BOM = ByteString.decodeHex("efbbbf");

  @Override
  public @Nullable Converter<?, RequestBody> requestBodyConverter(
      Type type,
      Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations,
      Retrofit retrofit) {
    return value -> JsonBody.of(value, type);
  }
}
