package io.github.vidu4j.contract.gate;

import static io.github.vidu4j.contract.gate.SpecEdit.CALLBACK_OPERATION;
import static io.github.vidu4j.contract.gate.SpecEdit.SCHEMAS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;

/**
 * The callback half of the gate. Each test edits the released spec's callback and checks what
 * {@link ReceiverSideCompatibility} says, from the receiver's side (see its Javadoc for the rules).
 * Where the edit touches the callback only, openapi-diff is asked too: it sees nothing, which is
 * why this check exists.
 */
class ReceiverSideCompatibilityTest {
  private static final String RELEASED = SpecEdit.released();
  private static final String WHERE =
      "callback `taskStateChanged` of POST /ent/v2/reference2image: ";

  @Test
  void theSameSpecHasNoChanges() {
    assertThat(changes(SpecEdit.of(RELEASED))).isEmpty();
  }

  @Test
  void aRemovedBodyPropertyIsIncompatibleAndOpenapiDiffDoesNotSeeIt() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    spec.object(spec.callbackBodyOnly() + "/properties").remove("err_code");

    assertThat(changes(spec)).containsExactly(WHERE + "body property `err_code` removed");
    assertThat(OpenApiCompare.fromContents(RELEASED, spec.yaml()).isUnchanged())
        .as("openapi-diff on a callback-only change")
        .isTrue();
  }

  @Test
  void aChangedPropertyTypeIsIncompatible() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    ObjectNode credits = spec.object(spec.callbackBodyOnly() + "/properties/credits");
    credits.put("type", "string").remove("format");

    assertThat(changes(spec))
        .containsExactly(
            WHERE + "body property `credits` type changed from integer/int32 to string");
    assertThat(OpenApiCompare.fromContents(RELEASED, spec.yaml()).isUnchanged()).isTrue();
  }

  @Test
  void aWiderFormatIsIncompatible() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    spec.object(spec.callbackBodyOnly() + "/properties/credits").put("format", "int64");

    assertThat(changes(spec))
        .containsExactly(
            WHERE + "body property `credits` type changed from integer/int32 to integer/int64");
  }

  @Test
  void aChangeDeepInsideTheBodyIsFoundThroughRefsAndItems() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    spec.object(SCHEMAS + "/Creation/properties").remove("url");
    spec.object(SCHEMAS + "/PixelSize/properties/width").put("type", "number");

    assertThat(changes(spec))
        .containsExactly(
            WHERE + "body property `creations[].url` removed",
            WHERE
                + "body property `creations[].video.resolution.width` type changed from integer/int32 to number/int32");
  }

  @Test
  void allOfPartsAreComparedAsOneSchema() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    String body = spec.callbackBodyOnly();
    ObjectNode copy = spec.object(body);
    ObjectNode moved = ((ObjectNode) copy.get("properties")).objectNode();
    moved.set("payload", copy.get("properties").get("payload"));
    ((ObjectNode) copy.get("properties")).remove("payload");
    ArrayNode allOf = copy.putArray("allOf");
    allOf.addObject().put("type", "object").set("properties", moved);

    assertThat(changes(spec)).as("payload moved into an allOf part").isEmpty();

    spec.object(body + "/allOf/0/properties/payload").put("type", "object");
    assertThat(changes(spec))
        .containsExactly(WHERE + "body property `payload` type changed from string to object");
  }

  @Test
  void aPropertyNoLongerRequiredIsIncompatible() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    spec.object(spec.callbackBodyOnly()).remove("required");

    assertThat(changes(spec)).containsExactly(WHERE + "body property `state` no longer required");
  }

  @Test
  void aNullablePropertyIsIncompatible() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    spec.object(spec.callbackBodyOnly() + "/properties/payload").put("nullable", true);

    assertThat(changes(spec)).containsExactly(WHERE + "body property `payload` may now be null");
  }

  @Test
  void addedPropertiesAndNewlyRequiredOnesAreCompatible() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    String body = spec.callbackBodyOnly();
    spec.object(body + "/properties")
        .putObject("region")
        .put("type", "string")
        .put("description", "x");
    spec.array(body + "/required").add("region").add("credits");

    assertThat(changes(spec)).isEmpty();
  }

  /**
   * Adding a {@code TaskState} is incompatible: it is a closed {@code enum}, and receivers
   * generated from it may reject an unknown value (openapi-diff says the same of the responses).
   * Removing one is not: the receiver just never sees it. Open enums change freely.
   */
  @Test
  void aClosedEnumMayLoseValuesButNotGainThem() {
    SpecEdit gained = SpecEdit.of(RELEASED);
    gained.array(SCHEMAS + "/TaskState/enum").add("scheduled");
    SpecEdit lost = SpecEdit.of(RELEASED);
    lost.array(SCHEMAS + "/TaskState/enum").remove(0);
    SpecEdit dropped = SpecEdit.of(RELEASED);
    dropped.object(SCHEMAS + "/TaskState").remove("enum");
    SpecEdit open = SpecEdit.of(RELEASED);
    open.array(SCHEMAS + "/TaskCreations/properties/err_code/x-extensible-enum")
        .add("NewReason")
        .remove(0);

    assertThat(changes(gained))
        .containsExactly(
            WHERE
                + "body property `state` enum gained [scheduled]"
                + " (was [created, queueing, processing, success, failed]): a receiver with a closed enum rejects it");
    assertThat(changes(lost)).isEmpty();
    assertThat(changes(dropped))
        .containsExactly(
            WHERE
                + "body property `state` enum [created, queueing, processing, success, failed]"
                + " dropped, so any value may arrive");
    assertThat(changes(open)).isEmpty();
  }

  @Test
  void aRemovedSignatureHeaderIsIncompatibleAndOpenapiDiffDoesNotSeeIt() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    removeParameter(spec, "X-HMAC-SIGNATURE");

    assertThat(changes(spec)).containsExactly(WHERE + "header `X-HMAC-SIGNATURE` removed");
    assertThat(OpenApiCompare.fromContents(RELEASED, spec.yaml()).isUnchanged()).isTrue();
  }

  @Test
  void aChangedSignatureHeaderIsIncompatible() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    ObjectNode algorithm = parameter(spec, "X-HMAC-ALGORITHM");
    ((ArrayNode) algorithm.get("schema").get("enum")).removeAll().add("hmac-sha512");
    parameter(spec, "Date").put("required", false);
    ((ObjectNode) parameter(spec, "X-HMAC-SIGNATURE").get("schema")).remove("format");

    assertThat(changes(spec))
        .containsExactlyInAnyOrder(
            WHERE
                + "header `X-HMAC-ALGORITHM` enum gained [hmac-sha512] (was [hmac-sha256]):"
                + " a receiver with a closed enum rejects it",
            WHERE + "header `Date` no longer required",
            WHERE + "header `X-HMAC-SIGNATURE` type changed from string/byte to string");
  }

  @Test
  void headerNamesAreCaseInsensitiveAndNewHeadersAreCompatible() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    parameter(spec, "x-request-nonce").put("name", "X-Request-Nonce");
    spec.array(CALLBACK_OPERATION + "/parameters")
        .addObject()
        .put("name", "X-Vidu-Delivery")
        .put("in", "header")
        .put("required", true)
        .putObject("schema")
        .put("type", "string");

    assertThat(changes(spec)).isEmpty();
  }

  @Test
  void aRemovedCallbackIsIncompatible() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    spec.object("/paths/~1ent~1v2~1reference2image/post").remove("callbacks");

    assertThat(changes(spec)).containsExactly(WHERE + "removed");
  }

  private static List<String> changes(SpecEdit working) {
    return ReceiverSideCompatibility.incompatibleChanges(RELEASED, working.yaml());
  }

  private static ObjectNode parameter(SpecEdit spec, String name) {
    for (JsonNode parameter : spec.array(CALLBACK_OPERATION + "/parameters")) {
      if (parameter.get("name").asText().equals(name)) {
        return (ObjectNode) parameter;
      }
    }
    throw new IllegalArgumentException("no callback parameter " + name);
  }

  private static void removeParameter(SpecEdit spec, String name) {
    ArrayNode parameters = spec.array(CALLBACK_OPERATION + "/parameters");
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).get("name").asText().equals(name)) {
        parameters.remove(i);
        return;
      }
    }
    throw new IllegalArgumentException("no callback parameter " + name);
  }
}
