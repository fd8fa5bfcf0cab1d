package io.github.vidu4j.internal;

import com.google.gson.JsonObject;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;
import retrofit2.http.Url;

/**
 * Any generation operation of the spec by its path, with its body written (and its length known)
 * before the call: the one create call behind {@code Generations}, so that an operation added to
 * the spec needs no Retrofit method.
 */
public interface OperationApi {
  /** {@code POST {path}}; {@code path} is relative to the base URL ({@code ent/v2/text2video}). */
  @POST
  Call<JsonObject> create(@Url String path, @Body RequestBody body);
}
