package io.github.vidu4j.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.github.vidu4j.sandbox.SandboxOptions;
import io.github.vidu4j.sandbox.junit5.ViduSandboxExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CLI tests' shared set-up: a fast in-process sandbox with a known key, runs against it, the
 * command lines the tests keep writing, and a stand-in API for answers no sandbox gives.
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
    return CliRun.of(Map.of("VIDU_API_KEY", KEY), prefixed(args, "--base-url", sandbox.baseUrl()));
  }

  /** {@code options} (global ones, such as {@code --json}) in front of {@code command}. */
  static String[] prefixed(String[] command, String... options) {
    List<String> all = new ArrayList<>(List.of(options));
    all.addAll(List.of(command));
    return all.toArray(String[]::new);
  }

  /** {@code image create --model MODEL --prompt PROMPT}, then {@code more}. */
  static String[] imageCreate(String model, String prompt, String... more) {
    List<String> all = new ArrayList<>(List.of("image", "create", "--model", model));
    all.addAll(List.of("--prompt", prompt));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** {@link #imageCreate} followed with {@code --wait} until it is saved in {@code output}. */
  static String[] imageCreateAndWait(String model, String prompt, Path output) {
    return imageCreate(model, prompt, "--wait", "--output", output.toString());
  }

  /** A {@code --header NAME: VALUE} option for each of {@code headers}. */
  static List<String> headerOptions(Map<String, String> headers) {
    List<String> options = new ArrayList<>();
    headers.forEach((name, value) -> options.addAll(List.of("--header", name + ": " + value)));
    return options;
  }

  /**
   * An API on loopback answering as {@code handler} says: what the sandbox never sends (hostile
   * fields, a creation that cannot be downloaded). Closing stops it.
   */
  static final class FakeApi implements AutoCloseable {
    private final HttpServer server;

    private FakeApi(HttpServer server) {
      this.server = server;
    }

    static FakeApi start(HttpHandler handler) throws IOException {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", handler);
      server.start();
      return new FakeApi(server);
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    String base() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The key and this API's URL, given the way a user sets them once: as the environment. */
    Map<String, String> environment() {
      return Map.of("VIDU_API_KEY", KEY, "VIDU_BASE_URL", base());
    }

    /** Sends {@code body} (JSON) with {@code status}, and ends the exchange. */
    static void answerJson(HttpExchange exchange, int status, byte[] body) throws IOException {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      answer(exchange, status, body);
    }

    /** Sends {@code body}, of no declared type, with {@code status}, and ends the exchange. */
    static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
