package io.github.vidu4j.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox until Ctrl-C: {@code java -cp vidu4j-sandbox.jar:...
 * io.github.vidu4j.sandbox.SandboxMain [--port P] [--api-key K]... [--processing-time PT3S]}.
 * Prints its base URL and demo key.
 */
public final class SandboxMain {
  private SandboxMain() {}

  /** Starts the sandbox and blocks until the JVM is asked to stop. */
  public static void main(String[] args) throws InterruptedException {
    SandboxOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("vidu sandbox: " + e.getMessage());
      System.err.println("usage: SandboxMain [--port P] [--api-key K]... [--processing-time PT3S]");
      System.exit(2);
      return;
    }
    ViduSandbox sandbox = ViduSandbox.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sandbox.close();
                  stopped.countDown();
                },
                "vidu-sandbox-shutdown"));
    printBanner(sandbox, System.out);
    stopped.await();
  }

  /** The lines a started sandbox prints: where it listens, the key to use, how to stop it. */
  public static void printBanner(ViduSandbox sandbox, PrintStream out) {
    out.println("Vidu sandbox listening on " + sandbox.origin());
    out.println("Demo API key: " + sandbox.demoKey());
    out.println(
        "Try: VIDU_BASE_URL="
            + sandbox.origin()
            + " VIDU_API_KEY="
            + sandbox.demoKey()
            + " java -jar cli/target/vidu.jar image create --model "
            + ViduSandbox.textToImageModel()
            + " --prompt \"a red fox\" --wait");
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  static SandboxOptions parse(String[] args) {
    SandboxOptions.Builder options = SandboxOptions.builder();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--port" -> {
          try {
            options.port(Integer.parseInt(value));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, got " + value, e);
          }
        }
        case "--api-key" -> options.apiKey(value);
        case "--processing-time" -> {
          try {
            options.processingTime(Duration.parse(value));
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                "--processing-time must be ISO-8601 like PT3S, got " + value, e);
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return options.build();
  }
}
