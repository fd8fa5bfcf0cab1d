package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vidu4j.AwaitOptions;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.TaskFailedException;
import io.github.vidu4j.model.ReferenceToImageRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SandboxOptions.Builder#failTasks}: every task fails, for a program's failure path. */
class FailTasksOptionTest {
  @RegisterExtension
  static final ViduSandboxExtension vidu =
      ViduSandboxExtension.withOptions(
          SandboxOptions.fast().toBuilder().failTasks("CreationPolicyViolation").build());

  static final ReferenceToImageRequest REQUEST =
      new ReferenceToImageRequest().model("viduq2").prompt("a paper boat");

  @Test
  void everyTaskEndsFailedWithTheErrCode() {
    try (ViduClient client = vidu.sandbox().clientBuilder().build()) {
      for (int i = 0; i < 2; i++) {
        String id = client.images().create(REQUEST).getTaskId();
        assertThatThrownBy(
                () ->
                    client
                        .tasks()
                        .await(id, AwaitOptions.defaults().withTimeout(Duration.ofSeconds(20))))
            .isInstanceOfSatisfying(
                TaskFailedException.class,
                e -> assertThat(e.errCode()).contains("CreationPolicyViolation"));
      }
    }
  }

  @Test
  void aScriptedFailureComesFirstAndTheOptionIsKeptByToBuilder() {
    vidu.sandbox().faults().failNextTask("AuditSubmitIllegal");
    try (ViduClient client = vidu.sandbox().clientBuilder().build()) {
      String id = client.images().create(REQUEST).getTaskId();
      assertThatThrownBy(
              () ->
                  client
                      .tasks()
                      .await(id, AwaitOptions.defaults().withTimeout(Duration.ofSeconds(20))))
          .isInstanceOfSatisfying(
              TaskFailedException.class,
              e -> assertThat(e.errCode()).contains("AuditSubmitIllegal"));
    }
    assertThat(vidu.sandbox().options().toBuilder().build().failTasks())
        .contains("CreationPolicyViolation");
    assertThat(SandboxOptions.defaults().failTasks()).isEmpty();
  }

  @Test
  void anErrCodeThatIsNoWordIsRefused() {
    assertThatThrownBy(() -> SandboxOptions.builder().failTasks("two words"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two words");
  }
}
