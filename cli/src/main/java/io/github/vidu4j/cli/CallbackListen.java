package io.github.vidu4j.cli;

import com.sun.net.httpserver.HttpServer;
import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.core.InvalidSignatureException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vidu callback listen}. */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    description = {
      "Receive callbacks on this machine, verify each and print it as it arrives (401 to refused ones).",
      "Exit 0 if every callback verified, 6 if any was refused."
    })
final class CallbackListen implements Callable<Integer> {
  @ParentCommand CallbackCommand callback;

  @Mixin VerifierOptions options;

  @Option(
      names = "--port",
      required = true,
      paramLabel = "P",
      description = "The port to listen on (0: any free port, printed).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "H",
      defaultValue = "127.0.0.1",
      description = "The address to listen on. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(
      names = "--count",
      paramLabel = "N",
      description = "Stop after N callbacks. Default: run until Ctrl-C.")
  @Nullable Integer count;

  @Option(
      names = "--read-timeout",
      paramLabel = "D",
      defaultValue = "10s",
      description =
          "How long one request may take to arrive, headers and body; a slower one is cut off."
              + " Default: ${DEFAULT-VALUE}.")
  Duration readTimeout;

  @Override
  public Integer call() throws Exception {
    ViduCli root = callback.root;
    if (count != null && count < 1) {
      throw new ViduCli.UsageException("--count must be at least 1, got " + count);
    }
    ViduCli.requirePort(port);
    if (readTimeout.isZero() || readTimeout.isNegative()) {
      throw new ViduCli.UsageException("--read-timeout must be positive");
    }
    String path = CallbackCommand.requireCallbackUrl(options.url).getRawPath();
    CallbackVerifier verifier = options.verifier(Clock.systemUTC());
    CountDownLatch done = new CountDownLatch(count == null ? 1 : count);
    AtomicInteger refused = new AtomicInteger();
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw ViduCli.cannotListen(host, port, e);
    }
    ListenerWorkers workers = new ListenerWorkers(readTimeout);
    server.setExecutor(workers);
    server.createContext(
        path == null || path.isEmpty() ? "/" : path,
        exchange -> {
          byte[] body;
          try {
            body = ListenerBodies.read(exchange);
          } catch (ListenerBodies.TooLargeException e) {
            refused.incrementAndGet();
            root.err.println("refused: " + e.getMessage() + " (413)");
            ListenerBodies.refuseUnread(exchange, 413);
            if (count != null) {
              done.countDown();
            }
            return;
          } catch (IOException e) {
            // Cut off by the read deadline, or the sender went away: nobody to answer.
            exchange.close();
            return;
          }
          ListenerWorkers.requestRead();
          int status;
          try {
            VerifiedCallback verified =
                verifier.verify(
                    CallbackRequest.of(
                        exchange.getRequestMethod(),
                        options.url,
                        exchange.getRequestHeaders(),
                        body));
            synchronized (root.out) {
              root.out.println(
                  root.json
                      ? new String(verified.rawBody(), StandardCharsets.UTF_8)
                      : "accepted " + CallbackCommand.describe(verified));
            }
            status = 200;
          } catch (InvalidSignatureException e) {
            refused.incrementAndGet();
            root.err.println("refused: " + TerminalText.escape(e.getMessage()));
            status = 401;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
          if (count != null) {
            done.countDown();
          }
        });
    server.start();
    root.err.println(
        "listening on http://"
            + host
            + ":"
            + server.getAddress().getPort()
            + (path == null || path.isEmpty() ? "/" : path)
            + " for callbacks to "
            + options.url
            + (count == null ? "; Ctrl-C to stop" : "; stopping after " + count));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    try {
      done.await();
    } finally {
      server.stop(0);
      workers.close();
    }
    return refused.get() == 0 ? ExitCode.OK : ExitCode.CALLBACK_REJECTED;
  }
}
