package io.github.vidu4j.cli;

import com.sun.net.httpserver.HttpServer;
import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.CallbackSigner;
import io.github.vidu4j.callback.CallbackVerifier;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.core.InvalidSignatureException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vidu callback ...}: check, make and receive Vidu's signed callbacks. */
@Command(
    name = "callback",
    description =
        "Verify, sign and receive Vidu's signed callbacks (HMAC-SHA256; the secret is the API key that created the task).",
    mixinStandardHelpOptions = true,
    subcommands = {
      CallbackCommand.Verify.class,
      CallbackCommand.Sign.class,
      CallbackCommand.Listen.class
    })
final class CallbackCommand {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

  @ParentCommand ViduCli root;

  /**
   * The verifier for --secret, --max-age and --url, or a usage error naming the option: the
   * builder's own messages name its parameters (maxAge), not the options the user typed. The URL is
   * registered so that one the verifier cannot parse fails here, not on the first callback.
   */
  static CallbackVerifier verifier(List<String> secrets, Duration maxAge, Clock clock, String url) {
    CallbackVerifier.Builder builder = CallbackVerifier.builder().clock(clock);
    try {
      builder.maxAge(maxAge);
    } catch (InvalidSettingException e) {
      throw new ViduCli.UsageException(
          "--max-age must be at most "
              + CliFormat.duration(CallbackVerifier.MAX_WINDOW)
              + ", got "
              + CliFormat.duration(maxAge));
    }
    try {
      builder.secrets(secrets);
    } catch (InvalidSettingException e) {
      throw new ViduCli.UsageException(
          "--secret must not be empty: give the API key that created the task");
    }
    try {
      builder.callbackUrl(url);
    } catch (InvalidSettingException e) {
      throw new ViduCli.UsageException("--url " + e.problem());
    }
    return builder.build();
  }

  static String describe(VerifiedCallback callback) {
    String errCode = callback.task().getErrCode();
    return "task "
        + callback.taskId().map(TerminalText::escape).orElse("(no id)")
        + " "
        + TerminalText.escape(
            io.github.vidu4j.core.RawJson.field(callback.task(), "state")
                .orElse(callback.state().map(s -> s.getValue()).orElse("(no state)")))
        + (errCode == null || errCode.isEmpty()
            ? ""
            : " (err_code " + TerminalText.escape(errCode) + ")")
        + ", nonce "
        + TerminalText.escape(callback.nonce())
        + ", signed "
        + HTTP_DATE.format(callback.date().atZone(ZoneOffset.UTC));
  }

  /** {@code vidu callback verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Verify one callback's signature headers (exit 0) or say why it is refused (exit 6).",
        "Give the callback URL exactly as registered with the task."
      })
  static final class Verify implements Callable<Integer> {
    @ParentCommand CallbackCommand callback;

    @Option(
        names = "--secret",
        required = true,
        paramLabel = "S",
        description =
            "The API key that created the task. Repeatable (key rotation). Never printed.")
    List<String> secrets = new ArrayList<>();

    @Option(
        names = "--url",
        required = true,
        paramLabel = "CALLBACK_URL",
        description = "The callback_url as registered with the task.")
    String url;

    @Option(
        names = "--header",
        paramLabel = "'Name: value'",
        description = "A received header. Repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(
        names = "--body-file",
        paramLabel = "F",
        description = "The raw body as received; without it only the headers are checked.")
    @Nullable Path bodyFile;

    @Option(
        names = "--method",
        paramLabel = "M",
        defaultValue = "POST",
        description = "The request method. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(
        names = "--max-age",
        paramLabel = "D",
        defaultValue = "5m",
        description = "How old the Date header may be. Default: ${DEFAULT-VALUE}.")
    Duration maxAge;

    @Option(
        names = "--now",
        paramLabel = "RFC1123_DATE",
        description =
            "Verify as of this time, for example \"Tue, 06 May 2025 12:09:42 GMT\". Default: now.")
    @Nullable String now;

    @Override
    public Integer call() {
      ViduCli root = callback.root;
      Map<String, List<String>> received = new LinkedHashMap<>();
      for (String header : headers) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
          throw new ViduCli.UsageException(
              "--header must look like 'Name: value', got '" + header + "'");
        }
        received
            .computeIfAbsent(header.substring(0, colon).trim(), n -> new ArrayList<>())
            .add(header.substring(colon + 1).trim());
      }
      requireCallbackUrl(url);
      byte[] body = bodyFile == null ? "{}".getBytes(StandardCharsets.UTF_8) : readBody(bodyFile);
      Clock clock =
          now == null ? Clock.systemUTC() : Clock.fixed(parseDate(now, "--now"), ZoneOffset.UTC);
      try {
        VerifiedCallback verified =
            verifier(secrets, maxAge, clock, url)
                .verify(CallbackRequest.of(method, url, received, body));
        if (bodyFile == null) {
          // The body checked was a stand-in: --json has no callback JSON to print, only the
          // verdict.
          (root.json ? root.err : root.out)
              .println("callback verified (headers only; no --body-file)");
          if (root.json) {
            root.out.println("{\"verified\":true,\"headers_only\":true}");
          }
        } else if (root.json) {
          root.out.println(new String(verified.rawBody(), StandardCharsets.UTF_8));
        } else {
          root.out.println("callback verified: " + describe(verified));
        }
        return ExitCode.OK;
      } catch (InvalidSignatureException e) {
        throw new ViduCli.CallbackRejectedException(e.getMessage(), e);
      }
    }
  }

  /** {@code vidu callback sign}. */
  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description = "Print the six headers Vidu would send, for testing a receiver.")
  static final class Sign implements Callable<Integer> {
    @ParentCommand CallbackCommand callback;

    @Option(
        names = "--secret",
        required = true,
        paramLabel = "S",
        description = "The API key that created the task. Never printed.")
    String secret;

    @Option(
        names = "--url",
        required = true,
        paramLabel = "CALLBACK_URL",
        description = "The callback_url.")
    String url;

    @Option(
        names = "--date",
        paramLabel = "D",
        description =
            "RFC 1123 (\"Tue, 06 May 2025 12:09:42 GMT\") or ISO-8601 instant. Default: now.")
    @Nullable String date;

    @Option(names = "--nonce", paramLabel = "N", description = "Default: a random UUID.")
    @Nullable String nonce;

    @Override
    public Integer call() {
      ViduCli root = callback.root;
      requireCallbackUrl(url);
      Instant at = date == null ? Instant.now() : parseDate(date, "--date");
      Map<String, String> signed =
          CallbackSigner.withSecret(secret)
              .sign("POST", url, at, nonce == null ? UUID.randomUUID().toString() : nonce);
      if (root.json) {
        com.google.gson.JsonObject json = new com.google.gson.JsonObject();
        signed.forEach(json::addProperty);
        root.out.println(json);
      } else {
        signed.forEach((name, value) -> root.out.println(name + ": " + value));
      }
      return ExitCode.OK;
    }
  }

  /** {@code vidu callback listen}. */
  @Command(
      name = "listen",
      mixinStandardHelpOptions = true,
      description = {
        "Receive callbacks on this machine, verify each and print it as it arrives (401 to refused ones).",
        "Exit 0 if every callback verified, 6 if any was refused."
      })
  static final class Listen implements Callable<Integer> {
    @ParentCommand CallbackCommand callback;

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
        names = "--secret",
        required = true,
        paramLabel = "S",
        description =
            "The API key that created the tasks. Repeatable (key rotation). Never printed.")
    List<String> secrets = new ArrayList<>();

    @Option(
        names = "--url",
        required = true,
        paramLabel = "CALLBACK_URL",
        description =
            "The callback_url as registered with the tasks (may differ from this listener's address behind a proxy).")
    String url;

    @Option(
        names = "--max-age",
        paramLabel = "D",
        defaultValue = "5m",
        description = "How old the Date header may be. Default: ${DEFAULT-VALUE}.")
    Duration maxAge;

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
      String path = requireCallbackUrl(url).getRawPath();
      CallbackVerifier verifier = verifier(secrets, maxAge, Clock.systemUTC(), url);
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
                          exchange.getRequestMethod(), url, exchange.getRequestHeaders(), body));
              synchronized (root.out) {
                root.out.println(
                    root.json
                        ? new String(verified.rawBody(), StandardCharsets.UTF_8)
                        : "accepted " + describe(verified));
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
              + url
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

  /** --url as the callback_url Vidu signs: an absolute http(s) URL. */
  static URI requireCallbackUrl(String url) {
    String problem;
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      // The authority, not getHost(): a host with "_" (my_bucket.example.com) has no getHost() but
      // is valid.
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getRawAuthority() != null
          && !uri.getRawAuthority().isEmpty()) {
        return uri;
      }
      problem = "it is not an absolute http(s) URL";
    } catch (URISyntaxException e) {
      problem = e.getReason().toLowerCase(Locale.ROOT) + " at index " + e.getIndex();
    }
    throw new ViduCli.UsageException(
        "--url must be the callback_url as registered with the task, for example"
            + " https://hooks.example.com/vidu; '"
            + url
            + "': "
            + problem);
  }

  /** --body-file's bytes, or a message naming the file (not the JDK's bare path). */
  static byte[] readBody(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ViduCli.UsageException("--body-file " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new ViduCli.UsageException(
          "--body-file " + file + ": not readable (permission denied)");
    } catch (IOException e) {
      throw new ViduCli.UsageException(
          "--body-file " + file + ": cannot be read: " + e.getMessage());
    }
  }

  static Instant parseDate(String text, String option) {
    try {
      return ZonedDateTime.parse(text, HTTP_DATE).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException again) {
        throw new ViduCli.UsageException(
            option
                + " must be an RFC 1123 date (\"Tue, 06 May 2025 12:09:42 GMT\") or an ISO-8601 instant, got "
                + text);
      }
    }
  }
}
