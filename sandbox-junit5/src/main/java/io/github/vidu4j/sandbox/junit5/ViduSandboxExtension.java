package io.github.vidu4j.sandbox.junit5;

import io.github.vidu4j.ViduClient;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.ViduSandbox;
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
 * A {@link ViduSandbox} for JUnit 5 tests. On a {@code static} field it serves the whole class, its
 * {@code @Nested} classes included (they share the one sandbox, closed once the outer class is
 * done); on an instance field, one test. Before each test its faults and records are cleared; tasks
 * and credits stay. Test methods may take a {@link ViduSandbox} or a {@link ViduClient} parameter
 * (the client is closed after the test).
 *
 * <p>Not for tests that run in parallel on one sandbox: clearing faults and records before each
 * test would pull them from under a test still running.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ViduSandboxExtension vidu = ViduSandboxExtension.withOptions(SandboxOptions.fast());
 * }</pre>
 */
public final class ViduSandboxExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ViduSandboxExtension.class);

  private final SandboxOptions options;
  // Volatile: JUnit may call the callbacks and the test on different threads (timeouts, for one).
  private volatile @Nullable ViduSandbox sandbox;

  /** The unique id of the context that started {@link #sandbox}: only it stops the sandbox. */
  private volatile @Nullable String owner;

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
      throw new IllegalStateException(
          "the sandbox runs only during tests; register this extension with @RegisterExtension");
    }
    return running;
  }

  /**
   * A new client for the running sandbox with its demo key; close it (or take it as a test
   * parameter).
   */
  public ViduClient newClient() {
    return sandbox().newClient();
  }

  /** The running sandbox's base URL. */
  public String baseUrl() {
    return sandbox().baseUrl();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // A @Nested class runs this again, inside its outer class: it keeps the outer sandbox.
    startUnlessRunning(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopIfStartedBy(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!startUnlessRunning(context)) {
      ViduSandbox running = sandbox();
      running.faults().clear();
      running.clearRecords();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopIfStartedBy(context);
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

  /** Starts the sandbox for {@code context} unless one runs already; whether it started one. */
  private synchronized boolean startUnlessRunning(ExtensionContext context) {
    if (sandbox != null) {
      return false;
    }
    sandbox = ViduSandbox.start(options);
    owner = context.getUniqueId();
    return true;
  }

  private synchronized void stopIfStartedBy(ExtensionContext context) {
    ViduSandbox running = sandbox;
    if (running != null && context.getUniqueId().equals(owner)) {
      sandbox = null;
      owner = null;
      running.close();
    }
  }

  @Override
  public String toString() {
    ViduSandbox running = sandbox;
    return "ViduSandboxExtension{" + (running == null ? "stopped" : running.baseUrl()) + "}";
  }
}
