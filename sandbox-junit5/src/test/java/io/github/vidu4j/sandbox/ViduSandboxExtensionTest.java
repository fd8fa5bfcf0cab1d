package io.github.vidu4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The extension's lifecycle, checked by running whole test classes through the JUnit launcher. */
class ViduSandboxExtensionTest {
  /** What the fixtures saw, in order. */
  static final List<ViduSandbox> seen = new CopyOnWriteArrayList<>();

  @Test
  void nestedClassesShareTheOuterSandboxWhichIsClosedOnceAtTheEnd() {
    seen.clear();
    TestExecutionSummary summary = run(PerClassFixture.class);

    assertThat(summary.getFailures())
        .extracting(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
        .isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
    assertThat(seen).hasSize(3).containsOnly(seen.get(0));
    assertThat(seen.get(0).toString()).endsWith(", closed}");
    assertThat(portIsFree(seen.get(0).port())).isTrue();
  }

  @Test
  void anInstanceFieldGivesEachTestItsOwnSandboxClosedAfterIt() {
    seen.clear();
    TestExecutionSummary summary = run(PerTestFixture.class);

    assertThat(summary.getFailures())
        .extracting(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
        .isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(seen)
        .hasSize(2)
        .doesNotHaveDuplicates()
        .allSatisfy(sandbox -> assertThat(sandbox.toString()).endsWith(", closed}"));
  }

  // Static nested classes: Surefire skips them (their names hold a $), only the launcher runs them.

  static class PerClassFixture {
    @RegisterExtension static final ViduSandboxExtension vidu = ViduSandboxExtension.create();

    @AfterAll
    static void stillServingWhileTheOuterClassRuns() {
      // The nested class has finished by now; the outer class's sandbox must still be up.
      assertThat(vidu.sandbox().taskCount()).isZero();
    }

    @Test
    void outer() {
      seen.add(vidu.sandbox());
    }

    @Nested
    class Inner {
      @Test
      void first(ViduSandbox sandbox) {
        seen.add(sandbox);
      }

      @Test
      void second() {
        seen.add(vidu.sandbox());
      }
    }
  }

  static class PerTestFixture {
    @RegisterExtension final ViduSandboxExtension vidu = ViduSandboxExtension.create();

    @Test
    void one() {
      seen.add(vidu.sandbox());
    }

    @Test
    void two() {
      seen.add(vidu.sandbox());
    }
  }

  private static TestExecutionSummary run(Class<?> testClass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .filters(EngineFilter.includeEngines("junit-jupiter"))
                .build(),
            listener);
    return listener.getSummary();
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }
}
