package io.github.vidu4j.readme;

import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.validation.RequestValidator;
import io.github.vidu4j.validation.ViduValidationException;

public final class ValidationExample {
  public static String check() {
    ReferenceToImageRequest request = new ReferenceToImageRequest()
        .model("viduq1").prompt("a lighthouse").aspectRatio("21:9").resolution("4K");
    try {
      RequestValidator.strict().validate(request); // what every create does before sending
      return "valid";
    } catch (ViduValidationException e) {
      return e.getMessage(); // every problem at once, each naming the field, the value and the rule
    }
  }
}
