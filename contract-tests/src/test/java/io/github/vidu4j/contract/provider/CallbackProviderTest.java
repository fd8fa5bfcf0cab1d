package io.github.vidu4j.contract.provider;

import static io.github.vidu4j.contract.Contract.API_KEY;
import static io.github.vidu4j.contract.Contract.CALLBACKS;
import static io.github.vidu4j.contract.Contract.CALLBACK_URL;
import static io.github.vidu4j.contract.Contract.SIGNATURE_HEADERS;
import static io.github.vidu4j.contract.Contract.providerSandbox;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.sun.net.httpserver.HttpServer;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.model.ReferenceToImageRequest;
import io.github.vidu4j.model.TaskState;
import io.github.vidu4j.sandbox.ViduSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The callback pact, verified against callbacks the sandbox really sends: a task is created with a
 * callback URL on loopback, and the delivery for the state the message is about is handed to Pact,
 * body and signature headers as they arrived.
 *
 * <p>The loopback receiver listens on the contract's path and query, which are what Vidu signs, so
 * each delivery also verifies with {@link CallbackVerifier} against the contract's URL.
 */
@Tag("pact-files")
@Provider(CALLBACKS)
@PactFolder("${pact.rootDir}")
class CallbackProviderTest {
  private record Delivery(Map<String, List<String>> headers, byte[] body) {}

  private ViduSandbox sandbox;
  private HttpServer receiver;
  private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private String failWith = "";

  @BeforeEach
  void start(PactVerificationContext context) throws IOException {
    sandbox = providerSandbox();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        URI.create(CALLBACK_URL).getPath(),
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            deliveries.add(
                new Delivery(Map.copyOf(exchange.getRequestHeaders()), in.readAllBytes()));
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    // Pact scans these packages for @PactVerifyProvider methods; the whole classpath takes seconds.
    context.setTarget(new MessageTestTarget(List.of(CallbackProviderTest.class.getPackageName())));
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.stop(0);
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void theSandboxSendsTheContractedCallbacks(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @State({"a task with a callback URL is processing", "a task with a callback URL has succeeded"})
  void taskWithCallback() {
    failWith = "";
  }

  @State("a task with a callback URL failed with CreationPolicyViolation")
  void failingTaskWithCallback() {
    failWith = "CreationPolicyViolation";
  }

  @PactVerifyProvider("a signed callback for a task that is processing")
  public MessageAndMetadata processing() throws Exception {
    return deliveryFor(TaskState.PROCESSING);
  }

  @PactVerifyProvider("a signed callback for a task that has succeeded")
  public MessageAndMetadata succeeded() throws Exception {
    return deliveryFor(TaskState.SUCCESS);
  }

  @PactVerifyProvider("a signed callback for a task that has failed")
  public MessageAndMetadata failed() throws Exception {
    return deliveryFor(TaskState.FAILED);
  }

  /**
   * Creates a task whose callbacks come to the loopback receiver and waits for the one in {@code
   * state}.
   */
  private MessageAndMetadata deliveryFor(TaskState state) throws InterruptedException {
    if (!failWith.isEmpty()) {
      sandbox.faults().failNextTask(failWith);
    }
    URI contract = URI.create(CALLBACK_URL);
    String callbackUrl =
        "http://127.0.0.1:"
            + receiver.getAddress().getPort()
            + contract.getRawPath()
            + "?"
            + contract.getRawQuery();
    try (ViduClient client = sandbox.newClient()) {
      client
          .images()
          .create(
              new ReferenceToImageRequest()
                  .model("viduq2")
                  .prompt("a lighthouse at dawn")
                  .callbackUrl(callbackUrl));
    }
    CallbackVerifier verifier = CallbackVerifier.builder().secret(API_KEY).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Delivery delivery = deliveries.poll(100, TimeUnit.MILLISECONDS);
      if (delivery == null) {
        continue;
      }
      // Signed over path and query only: valid for the contract's URL as for the loopback one.
      VerifiedCallback verified =
          verifier.verify(
              CallbackRequest.of("POST", CALLBACK_URL, delivery.headers(), delivery.body()));
      if (state.equals(verified.state().orElse(null))) {
        return new MessageAndMetadata(delivery.body(), metadata(delivery.headers()));
      }
    }
    throw new AssertionError(
        "no " + state.getValue() + " callback within 10 s; sent: " + sandbox.callbacksSent());
  }

  private static Map<String, Object> metadata(Map<String, List<String>> headers) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("contentType", "application/json");
    for (String name : SIGNATURE_HEADERS) {
      List<String> values =
          headers.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase(name))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(List.of());
      assertThat(values).as("header %s", name).hasSize(1);
      metadata.put(name, values.get(0));
    }
    return metadata;
  }
}
