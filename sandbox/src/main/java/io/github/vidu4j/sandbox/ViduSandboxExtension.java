package io.github.vidu4j.sandbox;

import io.github.vidu4j.ViduClient;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A {@link ViduSandbox} for JUnit 5 tests. On a {@code static} field it serves the whole class;
 * on an instance field, one test. Before each test its faults and records are cleared; tasks and
 * credits stay. Test methods may take a {@link ViduSandbox} or a {@link ViduClient} parameter
 * (the client is closed after the test).
 *
 * <pre>{@code
 * @RegisterExtension
 * static ViduSandboxExtension vidu = ViduSandboxExtension.withOptions(SandboxOptions.fast());
 * }</pre>
 */
public final class ViduSandboxExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ViduSandboxExtension.class);

  private final SandboxOptions options;
  private @Nullable ViduSandbox sandbox;
  private boolean perClass;

  private ViduSandboxExtension(SandboxOptions options) {
    this.options = options;
  }

  /** An extension with {@link SandboxOptions#fast()}: timings in milliseconds, as tests want. */
  public static ViduSandboxExtension create() {
    return withOptions(SandboxOptions.fast());
  }

  /** An extension with {@code options}. */
  public static ViduSandboxExtension withOptions(SandboxOptions options) {
    return new ViduSandboxExtension(Objects.requireNonNull(options, "options == null"));
  }

  /**
   * The running sandbox.
   *
   * @throws IllegalStateException outside a test
   */
  public ViduSandbox sandbox() {
    ViduSandbox running = sandbox;
    if (running == null) {
      throw new IllegalStateException("the sandbox runs only during tests; register this extension with @RegisterExtension");
    }
    return running;
  }

  /** A new client for the running sandbox with its demo key; close it (or take it as a test parameter). */
  public ViduClient newClient() {
    return sandbox().newClient();
  }

  /** The running sandbox's base URL. */
  public String baseUrl() {
    return sandbox().baseUrl();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    sandbox = ViduSandbox.start(options);
    perClass = true;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (sandbox == null) {
      sandbox = ViduSandbox.start(options);
      perClass = false;
    } else {
      sandbox.faults().clear();
      sandbox.clearRecords();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> type = parameter.getParameter().getType();
    return type == ViduSandbox.class || type == ViduClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    if (parameter.getParameter().getType() == ViduSandbox.class) {
      return sandbox();
    }
    ViduClient client = newClient();
    // JUnit closes AutoCloseable values of the test's store when the test ends.
    extension.getStore(NAMESPACE).put(parameter.getParameter(), client);
    return client;
  }

  private void stop() {
    ViduSandbox running = sandbox;
    sandbox = null;
    if (running != null) {
      running.close();
    }
  }

  @Override
  public String toString() {
    return "ViduSandboxExtension{" + (sandbox == null ? "stopped" : sandbox.baseUrl()) + "}";
  }
}
