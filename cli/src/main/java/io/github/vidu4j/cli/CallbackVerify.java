package io.github.vidu4j.cli;

import io.github.vidu4j.callback.CallbackRequest;
import io.github.vidu4j.callback.VerifiedCallback;
import io.github.vidu4j.core.InvalidSignatureException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vidu callback verify}. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify one callback's signature headers (exit 0) or say why it is refused (exit 6).",
      "Give the callback URL exactly as registered with the task."
    })
final class CallbackVerify implements Callable<Integer> {
  @ParentCommand CallbackCommand callback;

  @Mixin VerifierOptions options;

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
    CallbackCommand.requireCallbackUrl(options.url);
    byte[] body =
        bodyFile == null
            ? "{}".getBytes(StandardCharsets.UTF_8)
            : CallbackCommand.readBody(bodyFile);
    Clock clock =
        now == null
            ? Clock.systemUTC()
            : Clock.fixed(CallbackCommand.parseDate(now, "--now"), ZoneOffset.UTC);
    try {
      VerifiedCallback verified =
          options.verifier(clock).verify(CallbackRequest.of(method, options.url, received, body));
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
        root.out.println("callback verified: " + CallbackCommand.describe(verified));
      }
      return ExitCode.OK;
    } catch (InvalidSignatureException e) {
      throw new ViduCli.CallbackRejectedException(e.getMessage(), e);
    }
  }
}
