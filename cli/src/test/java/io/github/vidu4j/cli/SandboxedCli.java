package io.github.vidu4j.cli;

import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CLI tests' shared set-up: a fast in-process sandbox with a known key, and runs against it.
 */
final class SandboxedCli {
  static final String KEY = "vda_cli_test_key_7d1e";

  private SandboxedCli() {}

  /**
   * A sandbox of its own for each test class (a field of the class, registered as an extension).
   */
  static ViduSandboxExtension extension() {
    return ViduSandboxExtension.withOptions(SandboxOptions.fast().toBuilder().apiKey(KEY).build());
  }

  /** {@code vidu} against {@code sandbox}, with the key in the environment. */
  static CliRun run(ViduSandboxExtension sandbox, String... args) {
    List<String> all = new ArrayList<>(List.of("--base-url", sandbox.baseUrl()));
    all.addAll(List.of(args));
    return CliRun.of(Map.of("VIDU_API_KEY", KEY), all.toArray(String[]::new));
  }
}
