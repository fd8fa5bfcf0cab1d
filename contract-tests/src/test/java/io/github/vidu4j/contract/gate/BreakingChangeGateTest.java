package io.github.vidu4j.contract.gate;

import static io.github.vidu4j.contract.gate.SpecEdit.SCHEMAS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.vidu4j.contract.gate.BreakingChangeGate.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The breaking-change gate: {@code openapi/vidu.yaml} against the last release in {@code
 * openapi/released/vidu.yaml}. The first test is the gate itself; the others edit the released spec
 * in memory to show that the gate rejects what it must and lets the rest through.
 */
class BreakingChangeGateTest {
  private static final String RELEASED = SpecEdit.released();

  @Test
  void workingSpecIsCompatibleWithTheReleasedOneOrHasANewMajorVersion() {
    Verdict verdict = BreakingChangeGate.check(RELEASED, SpecEdit.working());

    if (!verdict.accepted()) {
      fail(verdict.message());
    }
  }

  @Test
  void identicalSpecsPass() {
    Verdict verdict = BreakingChangeGate.check(RELEASED, SpecEdit.of(RELEASED).yaml());

    assertThat(verdict.diff().isUnchanged()).as("openapi-diff sees no change").isTrue();
    assertThat(verdict.callbackChanges()).isEmpty();
    assertThat(verdict.responseChanges()).isEmpty();
    assertThat(verdict.accepted()).as(verdict.message()).isTrue();
  }

  @Test
  void anOptionalRequestPropertyMadeRequiredNeedsANewMajorVersion() {
    SpecEdit spec = SpecEdit.of(RELEASED).version("1.1.0");
    spec.array(SCHEMAS + "/ReferenceToImageRequest/required").add("seed");

    Verdict sameMajor = BreakingChangeGate.check(RELEASED, spec.yaml());

    assertThat(sameMajor.diff().isIncompatible()).isTrue();
    assertThat(sameMajor.accepted()).isFalse();
    assertThat(sameMajor.message())
        .contains("raise info.version to 2.0.0 or restore compatibility")
        .contains("POST` /ent/v2/reference2image")
        .contains("New required properties:\n- `seed`");

    Verdict newMajor = BreakingChangeGate.check(RELEASED, spec.version("2.0.0").yaml());

    assertThat(newMajor.incompatible()).isTrue();
    assertThat(newMajor.accepted()).as(newMajor.message()).isTrue();
  }

  @Test
  void anAddedOptionalRequestPropertyPasses() {
    SpecEdit spec = SpecEdit.of(RELEASED).version("1.1.0");
    spec.object(SCHEMAS + "/ReferenceToImageRequest/properties")
        .putObject("style")
        .put("type", "string")
        .put("description", "A style preset.");

    Verdict verdict = BreakingChangeGate.check(RELEASED, spec.yaml());

    assertThat(verdict.diff().isCompatible()).isTrue();
    assertThat(verdict.diff().isUnchanged()).as("openapi-diff sees the new property").isFalse();
    assertThat(verdict.accepted()).as(verdict.message()).isTrue();
  }

  /** openapi-diff calls this compatible; clients generated from the spec lose the field. */
  @Test
  void aRemovedOptionalResponsePropertyNeedsANewMajorVersion() {
    SpecEdit spec = SpecEdit.of(RELEASED).version("1.1.0");
    spec.object(SCHEMAS + "/TaskSummary/properties").remove("key_id");

    Verdict verdict = BreakingChangeGate.check(RELEASED, spec.yaml());

    assertThat(verdict.diff().isIncompatible()).as("openapi-diff lets it pass").isFalse();
    assertThat(verdict.responseChanges())
        .containsExactly("GET /ent/v2/tasks response 200: body property `tasks[].key_id` removed");
    assertThat(verdict.accepted()).isFalse();
    assertThat(verdict.message())
        .contains("raise info.version to 2.0.0")
        .contains("tasks[].key_id");
    assertThat(BreakingChangeGate.check(RELEASED, spec.version("2.0.0").yaml()).accepted())
        .isTrue();
  }

  @Test
  void aResponseSchemaSharedWithTheCallbackIsCheckedOnBothSides() {
    SpecEdit spec = SpecEdit.of(RELEASED).version("1.1.0");
    spec.object(SCHEMAS + "/TaskCreations/properties").remove("payload");

    Verdict verdict = BreakingChangeGate.check(RELEASED, spec.yaml());

    assertThat(verdict.responseChanges())
        .contains("GET /ent/v2/tasks/{id}/creations response 200: body property `payload` removed");
    assertThat(verdict.callbackChanges())
        .anySatisfy(change -> assertThat(change).endsWith("body property `payload` removed"));
    assertThat(verdict.accepted()).isFalse();
  }

  @Test
  void aCallbackOnlyBreakIsRejectedThoughOpenapiDiffSeesNothing() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    spec.object(spec.callbackBodyOnly() + "/properties").remove("credits");

    Verdict verdict = BreakingChangeGate.check(RELEASED, spec.yaml());

    assertThat(verdict.diff().isIncompatible())
        .as("openapi-diff does not look into callbacks")
        .isFalse();
    assertThat(verdict.accepted()).isFalse();
    assertThat(verdict.message())
        .contains("raise info.version to 2.0.0 or restore compatibility")
        .contains(
            "callback `taskStateChanged` of POST /ent/v2/reference2image: body property `credits` removed")
        .doesNotContain("openapi-diff reports");
    assertThat(BreakingChangeGate.check(RELEASED, spec.version("2.0.0").yaml()).accepted())
        .isTrue();
  }

  @Test
  void aLowerVersionIsRejectedEvenWithoutChanges() {
    Verdict verdict =
        BreakingChangeGate.check(RELEASED, SpecEdit.of(RELEASED).version("0.9.0").yaml());

    assertThat(verdict.incompatible()).isFalse();
    assertThat(verdict.accepted()).isFalse();
    assertThat(verdict.message()).startsWith("info.version 0.9.0 is lower than the released 1.0.0");
  }

  @Test
  void aMinorOrPatchBumpDoesNotLicenseABreak() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    spec.object(SCHEMAS + "/TaskCreations/properties/credits")
        .put("type", "string")
        .remove("format");

    for (String version : new String[] {"1.0.1", "1.9.0"}) {
      Verdict verdict = BreakingChangeGate.check(RELEASED, spec.version(version).yaml());

      assertThat(verdict.accepted()).as(version).isFalse();
      assertThat(verdict.message())
          .as(version)
          .contains("info.version is " + version + ": raise info.version to 2.0.0")
          // Seen twice: by openapi-diff in Get Generation, and by the callback check in the
          // callback.
          .contains("`GET` /ent/v2/tasks/{id}/creations")
          .contains("Changed property `credits` (integer -> string)")
          .contains("body property `credits` type changed from integer/int32 to string");
    }
  }

  /**
   * openapi-diff lets an optional response property go (a client had to cope with its absence
   * anyway); the callback check does not, because receivers generated from the spec lose the field
   * and their code stops compiling. Both see {@code TaskCreations}, so the stricter one decides.
   */
  @Test
  void aRemovedOptionalPropertyIsCompatibleForOpenapiDiffButNotForTheCallback() {
    SpecEdit spec = SpecEdit.of(RELEASED);
    spec.object(SCHEMAS + "/TaskCreations/properties").remove("err_code");

    Verdict verdict = BreakingChangeGate.check(RELEASED, spec.yaml());

    assertThat(verdict.diff().isCompatible()).as("openapi-diff on Get Generation").isTrue();
    assertThat(verdict.diff().isUnchanged()).isFalse();
    assertThat(verdict.callbackChanges())
        .containsExactly(
            "callback `taskStateChanged` of POST /ent/v2/reference2image: body property `err_code` removed");
    assertThat(verdict.accepted()).isFalse();
  }

  @Test
  void aVersionThatIsNotMajorMinorPatchIsAnError() {
    assertThatThrownBy(
            () -> BreakingChangeGate.check(RELEASED, SpecEdit.of(RELEASED).version("2.0").yaml()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAJOR.MINOR.PATCH, was '2.0'");
  }
}
