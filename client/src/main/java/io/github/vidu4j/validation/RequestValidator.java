package io.github.vidu4j.validation;

import io.github.vidu4j.model.ReferenceToImageRequest;

/** PLACEHOLDER in the facade branch only: replaced by the validation branch on merge. */
public final class RequestValidator {
  private RequestValidator() {}

  /** Placeholder. */
  public static RequestValidator strict() {
    return new RequestValidator();
  }

  /** Placeholder. */
  public static RequestValidator allowingUnknownModels() {
    return new RequestValidator();
  }

  /** Placeholder. */
  public void validate(ReferenceToImageRequest request) {
    java.util.Objects.requireNonNull(request, "request == null");
  }
}
