package io.github.vidu4j.contract.provider;

import static io.github.vidu4j.contract.Contract.API;
import static io.github.vidu4j.contract.Contract.API_KEY;
import static io.github.vidu4j.contract.Contract.providerSandbox;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.sandbox.Fault;
import io.github.vidu4j.sandbox.Operation;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.time.Duration;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP pact, replayed against the sandbox: what the client expects of Vidu, our emulator does.
 * Each interaction gets a fresh sandbox, put in the interaction's provider state through its public
 * API, that adds {@link io.github.vidu4j.contract.Contract#NEW_FIELD} to every answer as a future
 * Vidu would.
 */
@Tag("pact-files")
@Provider(API)
@PactFolder("${pact.rootDir}")
class SandboxProviderTest {
  private ViduSandbox sandbox;

  @BeforeEach
  void startSandbox(PactVerificationContext context) {
    sandbox = providerSandbox();
    // Pact's default HTTP client repeats a 429 after its Retry-After, which would hide the very
    // answer the throttling interaction is about: this one sends each request once.
    IHttpClientFactory sendOnce =
        provider -> HttpClients.custom().disableAutomaticRetries().build();
    context.setTarget(new HttpTestTarget("127.0.0.1", sandbox.port(), "/", () -> sendOnce));
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void theSandboxHonoursTheContract(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @State("the organisation has credits")
  void hasCredits() {
    sandbox.setCredits(10_000);
  }

  @State("task t-created was just created")
  void taskCreated() {
    sandbox.givenTask("t-created", TaskState.CREATED);
  }

  @State("task t-queueing is queueing")
  void taskQueueing() {
    sandbox.givenTask("t-queueing", TaskState.QUEUEING);
  }

  @State("task t-processing is processing")
  void taskProcessing() {
    sandbox.givenTask("t-processing", TaskState.PROCESSING);
  }

  @State("task t-success has succeeded")
  void taskSucceeded() {
    sandbox.givenTask("t-success", TaskState.SUCCESS);
  }

  @State("task t-failed failed with CreationPolicyViolation")
  void taskFailed() {
    sandbox.givenFailedTask("t-failed", "CreationPolicyViolation");
  }

  @State("task t-missing does not exist")
  void taskMissing() {
    assertThat(sandbox.taskState("t-missing")).isEmpty();
  }

  @State("the organisation has 3 tasks that succeeded")
  void threeTasksSucceeded() {
    for (String id : new String[] {"t-listed-1", "t-listed-2", "t-listed-3"}) {
      sandbox.givenTask(id, TaskState.SUCCESS);
    }
  }

  @State("model viduq9 is not offered")
  void unknownModel() {
    // The sandbox offers viduq1 and viduq2 only, as Vidu does today.
  }

  @State("the API key revoked-key is not valid")
  void revokedKey() {
    assertThat(sandbox.options().apiKeys()).containsExactly(API_KEY);
  }

  @State("the organisation is sending requests too fast")
  void throttled() {
    sandbox
        .faults()
        .next(Operation.CREATE_TASK, Fault.error(429, "TooManyRequests", Duration.ofSeconds(2)));
  }

  @State("Vidu fails internally")
  void internalFailure() {
    sandbox.faults().next(Operation.GET_TASK, Fault.error(500, "InternalServiceFailure"));
  }
}
