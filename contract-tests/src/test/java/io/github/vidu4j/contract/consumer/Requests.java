package io.github.vidu4j.contract.consumer;

import static io.github.vidu4j.contract.Contract.API_KEY;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;

/**
 * The request side every interaction shares: Vidu's {@code Token} authorisation and JSON bodies.
 */
final class Requests {
  private Requests() {}

  /** Any key, but always as {@code Token <key>}: Vidu's scheme, not Bearer. */
  static PactDslRequestWithPath authorised(PactDslRequestWithPath request) {
    return request.matchHeader("Authorization", "Token \\S+", "Token " + API_KEY);
  }

  /** A POST with {@code body} as JSON, authorised. */
  static PactDslRequestWithPath postJson(PactDslRequestWithPath request, DslPart body) {
    return authorised(request)
        .matchHeader("Content-Type", "application/json.*", "application/json")
        .body(body);
  }

  /** {@code POST /ent/v2/reference2image} in provider state {@code given}. */
  static PactDslRequestWithPath createTask(
      PactDslWithProvider builder, String given, String description, DslPart body) {
    return postJson(
        builder
            .given(given)
            .uponReceiving(description)
            .method("POST")
            .path("/ent/v2/reference2image"),
        body);
  }
}
