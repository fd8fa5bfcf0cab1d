package io.github.vidu4j.contract.consumer;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.core.model.V4Pact;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The response side the interactions share: a 200 with a JSON body, or Vidu's error body. */
final class Answers {
  private Answers() {}

  /** {@code request} answered 200 with {@code body}. */
  static V4Pact ok(PactDslRequestWithPath request, DslPart body) {
    return request.willRespondWith().status(200).body(body).toPact(V4Pact.class);
  }

  /** {@code request} answered 200 with the JSON object {@code body} writes. */
  static V4Pact ok(PactDslRequestWithPath request, Consumer<LambdaDslObject> body) {
    return ok(request, LambdaDsl.newJsonBody(body::accept).build());
  }

  /** {@code request} answered {@code status} with {@link Bodies#error}. */
  static V4Pact error(PactDslRequestWithPath request, int status, String reason) {
    return error(request, status, reason, response -> response);
  }

  /** {@code request} answered {@code status} with {@link Bodies#error} and {@code headers}. */
  static V4Pact error(
      PactDslRequestWithPath request,
      int status,
      String reason,
      UnaryOperator<PactDslResponse> headers) {
    return headers
        .apply(request.willRespondWith().status(status).body(Bodies.error(status, reason)))
        .toPact(V4Pact.class);
  }
}
