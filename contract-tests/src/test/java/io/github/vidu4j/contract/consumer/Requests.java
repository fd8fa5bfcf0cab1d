package io.github.vidu4j.contract.consumer;

import static io.github.vidu4j.contract.Contract.API_KEY;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;

/**
 * The request side every interaction shares: Vidu's {@code Token} authorisation, JSON bodies and
 * the paths the client calls.
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

  /** {@code GET /ent/v2/tasks/{id}/creations}, authorised, any id matching. */
  static PactDslRequestWithPath getTask(PactDslWithState given, String description, String id) {
    return authorised(
        given
            .uponReceiving(description)
            .method("GET")
            .matchPath("/ent/v2/tasks/[^/]+/creations", "/ent/v2/tasks/" + id + "/creations"));
  }

  /** {@code GET /ent/v2/credits?show_detail=<detail>}, authorised. */
  static PactDslRequestWithPath getCredits(
      PactDslWithProvider builder, String description, boolean detail) {
    return authorised(
        builder
            .given("the organisation has credits")
            .uponReceiving(description)
            .method("GET")
            .path("/ent/v2/credits")
            .matchQuery("show_detail", String.valueOf(detail), String.valueOf(detail)));
  }
}
