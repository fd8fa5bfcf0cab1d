package io.github.vidu4j.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Cuts a non-2xx body to {@link ErrorMapper#MAX_ERROR_BODY_BYTES} before Retrofit sees it: Retrofit
 * buffers an error body whole, so without this a 1 GB error page would be read into memory before
 * {@link ErrorMapper} could cap it. A body that cannot be read (cut short, or framed with a
 * negative {@code Content-Length}) becomes empty; the status still stands.
 */
final class ErrorBodyLimit implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.isSuccessful()) {
      return response;
    }
    ResponseBody body = response.body();
    MediaType type = body.contentType();
    Buffer prefix = new Buffer();
    try (body) {
      BufferedSource source = body.source();
      source.request(ErrorMapper.MAX_ERROR_BODY_BYTES);
      source
          .getBuffer()
          .copyTo(prefix, 0, Math.min(source.getBuffer().size(), ErrorMapper.MAX_ERROR_BODY_BYTES));
    } catch (IOException | RuntimeException unreadable) {
      prefix.clear();
    }
    return response.newBuilder().body(ResponseBody.create(prefix, type, prefix.size())).build();
  }
}
