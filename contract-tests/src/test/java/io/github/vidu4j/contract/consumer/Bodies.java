package io.github.vidu4j.contract.consumer;

import static io.github.vidu4j.contract.Contract.DATE_TIME;
import static io.github.vidu4j.contract.Contract.EXAMPLE_DATE_TIME;
import static io.github.vidu4j.contract.Contract.HTTP_URL;
import static io.github.vidu4j.contract.Contract.NEW_FIELD;
import static io.github.vidu4j.contract.Contract.NEW_FIELD_VALUE;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;

/**
 * Response bodies the contracts share, written with type and regex matchers: the provider may send
 * other values of the same shape. Each carries {@link
 * io.github.vidu4j.contract.Contract#NEW_FIELD}, a field the client does not know.
 */
final class Bodies {
  /** Vidu's task states; a matcher on {@code state} names the one an interaction is about. */
  static final String ANY_STATE = "created|queueing|processing|success|failed";

  private Bodies() {}

  /** {@code TaskCreations} in {@code state}: Get Generation, and the body of every callback. */
  static DslPart taskCreations(String id, String state, String errCode) {
    return LambdaDsl.newJsonBody(o -> taskCreationsFields(o, id, state, errCode)).build();
  }

  static void taskCreationsFields(LambdaDslObject o, String id, String state, String errCode) {
    o.stringType("id", id);
    o.stringMatcher("state", state, state);
    if (errCode.isEmpty()) {
      o.stringMatcher("err_code", "", "");
    } else {
      o.stringType("err_code", errCode);
    }
    o.integerType("credits", 8);
    o.stringType("payload", "");
    if (state.equals("success")) {
      o.minArrayLike("creations", 1, c -> creation(c));
    } else {
      o.array("creations", a -> {});
    }
    o.stringType(NEW_FIELD, NEW_FIELD_VALUE);
  }

  static void creation(LambdaDslObject c) {
    c.stringType("id", "860245958422478848");
    c.stringMatcher("url", HTTP_URL, "https://files.vidu.com/creations/860245958422478848.png");
    c.stringMatcher(
        "cover_url", HTTP_URL, "https://files.vidu.com/creations/860245958422478848-cover.png");
    c.stringType(NEW_FIELD, NEW_FIELD_VALUE);
  }

  /** {@code ReferenceToImageTask}: the answer to a create, echoing the request. */
  static void createdTask(LambdaDslObject o, String model, String prompt) {
    o.stringType("task_id", "860245771473956864");
    o.stringMatcher("state", "created", "created");
    o.stringMatcher("model", model, model);
    o.stringType("prompt", prompt);
    o.integerType("credits", 12);
    o.stringMatcher("created_at", DATE_TIME, EXAMPLE_DATE_TIME);
    o.stringType(NEW_FIELD, NEW_FIELD_VALUE);
  }

  /**
   * Vidu's error body: {@code code}, the {@code reason} the client maps, a message and a trace id.
   */
  static DslPart error(int code, String reason) {
    return LambdaDsl.newJsonBody(
            o -> {
              o.integerType("code", code);
              o.stringMatcher("reason", reason, reason);
              o.stringType("message", "what went wrong, in Vidu's words");
              o.object(
                  "metadata",
                  m -> {
                    m.stringType("trace_id", "04e5c2fe159ff7c574acd0424e78c35f");
                    m.stringType(NEW_FIELD, NEW_FIELD_VALUE);
                  });
              o.stringType(NEW_FIELD, NEW_FIELD_VALUE);
            })
        .build();
  }
}
