package io.github.vidu4j.internal;

import io.github.vidu4j.model.ReferenceToImageTask;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;

/**
 * {@code POST /ent/v2/reference2image} with a body the client has already written: the request is
 * serialised once, before it is validated, so the body-size rule reads the size of the bytes that
 * will be sent (no second walk over 18 MB of data URIs) and a later change to the caller's request
 * cannot reach the body. The generated interface would serialise the model again at send time.
 */
public interface ImageCreateApi {
  /** Sends {@code body} (JSON, its length known) as the create request. */
  @POST("ent/v2/reference2image")
  Call<ReferenceToImageTask> create(@Body RequestBody body);
}
