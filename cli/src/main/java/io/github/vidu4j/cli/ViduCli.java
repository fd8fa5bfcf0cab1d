package io.github.vidu4j.cli;

import io.github.vidu4j.Region;
import io.github.vidu4j.ViduClient;
import io.github.vidu4j.core.InvalidSettingException;
import io.github.vidu4j.validation.RequestValidator;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code vidu}: Vidu image generation from a terminal. */
@Command(
    name = "vidu",
    mixinStandardHelpOptions = true,
    versionProvider = ViduCli.Version.class,
    description =
        "Generate images and videos with Vidu, follow tasks, verify callbacks, run a local sandbox.",
    subcommands = {
      ImageCommand.class,
      VideoCommand.class,
      BatchCommand.class,
      TaskCommand.class,
      CreditsCommand.class,
      CallbackCommand.class,
      SandboxCommand.class,
      CliHelp.HelpCommand.class,
    })
public final class ViduCli {
  @Option(
      names = "--api-key",
      scope = ScopeType.INHERIT,
      paramLabel = "KEY",
      description = "API key; default: environment variable VIDU_API_KEY. Never printed.")
  @Nullable String apiKey;

  @Option(
      names = "--base-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "API base URL; default: VIDU_BASE_URL, else the --region's.")
  @Nullable String baseUrl;

  @Option(
      names = "--region",
      scope = ScopeType.INHERIT,
      paramLabel = "global|cn",
      completionCandidates = Completions.Regions.class,
      description = "global (api.vidu.com, default) or cn (api.vidu.cn).")
  @Nullable Region region;

  @Option(
      names = "--sandbox",
      scope = ScopeType.INHERIT,
      description =
          "Run against an in-process Vidu sandbox: no account needed, nothing leaves this machine.")
  boolean sandbox;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = {
        "Machine-readable stdout, also on failure: the API's JSON; for an API error Vidu's error JSON; for invalid input"
            + " {\"violations\":[{\"field\",\"value\",\"rule\",\"code\"}]}; for a failed or timed-out wait the last task;"
            + " else {\"error\":{\"type\",\"exit_code\",\"message\"}}. Messages stay on stderr."
      })
  boolean json;

  @Option(
      names = "--no-progress",
      scope = ScopeType.INHERIT,
      description = {
        "No progress lines while waiting (also: environment variable VIDU_NO_PROGRESS set non-empty).",
        "Otherwise progress goes to stderr: one live line if stderr is a terminal (a console is attached, TERM is set"
            + " and not 'dumb', and on Linux file descriptor 2 is a tty), else one plain line per state change."
      })
  boolean noProgress;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description =
          "Log HTTP requests on stderr (Authorization and result URLs' signatures redacted).")
  boolean verbose;

  final Map<String, String> environment;

  /**
   * stdout and stderr for the commands' own output: every character through {@link TerminalText}.
   */
  final PrintWriter out;

  final PrintWriter err;

  /**
   * stdout and stderr for picocli's help and usage errors: the help's own text and the user's own
   * arguments, with the colours picocli adds on a terminal.
   */
  private final PrintWriter helpOut;

  private final PrintWriter helpErr;

  /** Whether stderr is a terminal (see {@link Terminal}); tests pass it in. */
  final boolean interactive;

  /** Whether a JSON document is on stdout already: --json prints exactly one. */
  private boolean printedJson;

  private final RedactingWriter outRedactor;
  private final RedactingWriter errRedactor;

  ViduCli(
      Map<String, String> environment, OutputStream out, OutputStream err, boolean interactive) {
    this.environment = environment;
    this.outRedactor = new RedactingWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    this.errRedactor = new RedactingWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
    this.interactive = interactive;
    this.out = new PrintWriter(new TerminalWriter(outRedactor, false, () -> json), true);
    this.err = new PrintWriter(new TerminalWriter(errRedactor, interactive, () -> false), true);
    this.helpOut = new PrintWriter(outRedactor, true);
    this.helpErr = new PrintWriter(errRedactor, true);
  }

  /** Runs {@code vidu} and exits with its code. */
  public static void main(String[] args) {
    Map<String, String> environment = System.getenv();
    boolean stderrIsTerminal =
        Terminal.stderrIsTerminal(System.console() != null, environment, Terminal.stderrTarget());
    System.exit(run(args, environment, System.out, System.err, stderrIsTerminal));
  }

  /** Runs {@code vidu} with the given environment and streams, returning the exit code. */
  static int run(
      String[] args,
      Map<String, String> environment,
      OutputStream out,
      OutputStream err,
      boolean interactive) {
    LibraryLogs.silence();
    ViduCli root = new ViduCli(environment, out, err, interactive);
    CommandLine cli = commandLine(root);
    for (String secret : Secrets.in(args, environment, optionNames(cli))) {
      root.registerSecret(secret);
    }
    try {
      return cli.execute(args);
    } finally {
      root.out.flush();
      root.err.flush();
      root.helpOut.flush();
      root.helpErr.flush();
    }
  }

  /** The command model as run, which the completion script and the man pages are generated from. */
  static CommandLine commandLine(ViduCli root) {
    CommandLine cli = new CommandLine(root);
    cli.setResourceBundle(new SpecHelp());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.registerConverter(java.time.Duration.class, new DurationConverter());
    cli.registerConverter(io.github.vidu4j.model.TaskState.class, TaskCommand::state);
    cli.setOut(root.helpOut);
    cli.setErr(root.helpErr);
    cli.setExecutionExceptionHandler((e, command, parseResult) -> Failure.report(root, e));
    cli.setParameterExceptionHandler((e, given) -> CliHelp.usageError(e, given));
    CliHelp.install(cli);
    return cli;
  }

  private static java.util.Set<String> optionNames(CommandLine command) {
    java.util.Set<String> names =
        new java.util.HashSet<>(command.getCommandSpec().optionsMap().keySet());
    command.getSubcommands().values().forEach(sub -> names.addAll(optionNames(sub)));
    return names;
  }

  /** Opens a client (and, with {@code --sandbox}, the sandbox it talks to). */
  Session openSession(boolean allowUnknownModels) {
    String key = apiKey != null ? apiKey : environment.get("VIDU_API_KEY");
    ViduClient.Builder builder = ViduClient.builder();
    if (allowUnknownModels) {
      builder.validator(RequestValidator.allowingUnknownModels());
    }
    if (verbose) {
      // The client's events hold no key or header, and every URL's query values are redacted;
      // HTTP requests are OkHttp's events, printed the same way (HttpTrace).
      builder
          .logEvents(new VerboseLog(err))
          .httpClient(new OkHttpClient.Builder().eventListenerFactory(HttpTrace.to(err)).build());
    }
    builder.userAgentSuffix("vidu-cli");
    if (sandbox) {
      if (baseUrl != null || region != null) {
        throw new UsageException(
            "--sandbox runs its own server: drop --base-url/--region, or drop --sandbox");
      }
      return Session.withSandbox(builder, key, this);
    }
    if (key == null || key.isBlank()) {
      throw new UsageException(
          "no API key: pass --api-key KEY or set VIDU_API_KEY (create one at https://platform.vidu.com);"
              + " or add --sandbox to try vidu with no account");
    }
    builder.apiKey(key.trim());
    String url = baseUrl != null ? baseUrl : environment.get("VIDU_BASE_URL");
    if (url != null && !url.isBlank()) {
      try {
        builder.baseUrl(url.trim());
      } catch (InvalidSettingException e) {
        // The user knows the option or variable, not the builder method the library names.
        String source = baseUrl != null ? "--base-url" : "VIDU_BASE_URL";
        throw new UsageException(
            source + " " + e.problem() + " (for example https://api.vidu.com/)");
      }
    } else if (region != null) {
      builder.region(region);
    }
    return new Session(builder.build(), null);
  }

  /**
   * How {@code --wait} and {@code task wait} show progress: the rule in {@code --no-progress}'s
   * help.
   */
  Progress.Mode progressMode() {
    if (noProgress || Terminal.progressDisabledBy(environment)) {
      return Progress.Mode.OFF;
    }
    return interactive ? Progress.Mode.LIVE : Progress.Mode.LINES;
  }

  /** Prints {@code json}, this run's one JSON document, on stdout. */
  void printJson(String json) {
    out.println(json);
    printedJson = true;
  }

  boolean printedJson() {
    return printedJson;
  }

  void registerSecret(String secret) {
    outRedactor.register(secret);
    errRedactor.register(secret);
  }

  /** Refuses a port outside 0..65535 before trying to listen on it. */
  static void requirePort(int port) {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0 (any free port) to 65535, got " + port);
    }
  }

  /**
   * A listener that could not start, as the user's mistake (exit 2) when the port is taken or the
   * address not local: the JDK's own words ("Address already in use") name neither.
   */
  static RuntimeException cannotListen(String host, int port, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException bind) {
        String reason = String.valueOf(bind.getMessage());
        return new UsageException(
            reason.contains("in use")
                ? "port "
                    + port
                    + " is already in use on "
                    + host
                    + "; pick another --port, or 0 for any free one"
                : "cannot listen on " + host + ":" + port + ": " + reason);
      }
    }
    return new UsageException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
  }

  /** Bad usage the parser cannot catch: exit code 2, nothing sent. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** A wait timed out; the message says how to resume, or why that cannot work: exit code 5. */
  static final class WaitTimedOutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WaitTimedOutException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A callback failed verification: exit code 6. */
  static final class CallbackRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallbackRejectedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      // From the jar's manifest (cli/pom.xml puts it there); classes run from a build directory
      // have none.
      Package p = ViduCli.class.getPackage();
      String version =
          p == null || p.getImplementationVersion() == null ? "dev" : p.getImplementationVersion();
      return new String[] {
        "vidu " + version + " (vidu4j, Java " + System.getProperty("java.version") + ")"
      };
    }
  }
}
