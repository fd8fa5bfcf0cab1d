package io.github.vidu4j.core.internal;

import io.github.vidu4j.model.ReferenceToImageRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A create request that carries extra body fields: {@code ViduGson} writes the request's own
 * fields, then these, as JSON text by name. A subclass, so the generated Retrofit interface takes
 * it as it is.
 */
public final class RequestWithExtraFields extends ReferenceToImageRequest {
  private final transient Map<String, String> extraFields;

  public RequestWithExtraFields(Map<String, String> extraFields) {
    // In the caller's order: the body lists them as they were added.
    this.extraFields = Collections.unmodifiableMap(new LinkedHashMap<>(extraFields));
  }

  /** The extra fields, each as JSON text. */
  public Map<String, String> extraFields() {
    return extraFields;
  }

  // The generated equals compares declared fields only; two requests differing in extras differ.
  @Override
  public boolean equals(Object o) {
    return o instanceof RequestWithExtraFields that
        && super.equals(o)
        && extraFields.equals(that.extraFields);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + extraFields.hashCode();
  }
}
