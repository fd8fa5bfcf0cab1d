package io.github.vidu4j.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Reads an empty 2xx body as {@code null} instead of handing it to Gson, which would fail with an
 * end-of-input error that looks like a broken connection. Callers then decide: a cancel's empty
 * answer is success, a create's is "the task may exist".
 */
public final class EmptyBodyConverterFactory extends Converter.Factory {
  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> next = retrofit.nextResponseBodyConverter(this, type, annotations);
    return body -> body.contentLength() == 0 ? null : next.convert(body);
  }
}
