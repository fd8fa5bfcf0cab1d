package io.github.vidu4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * How {@code vidu} helps: the global options once, in {@code vidu --help}, and named in one line
 * under each command; the exit codes under every command; a parse error as the problem and where to
 * read more, not 50 lines of usage that bury the one line that matters.
 */
final class CliHelp {
  private CliHelp() {}

  /** Sets up the help of {@code root} and every command under it. */
  static void install(CommandLine root) {
    String globals =
        root.getCommandSpec().options().stream()
            .filter(o -> o.scopeType() == CommandLine.ScopeType.INHERIT)
            .map(OptionSpec::longestName)
            .collect(Collectors.joining(", "));
    root.getCommandSpec().usageMessage().footer(ExitCode.HELP);
    root.setExecutionStrategy(CliHelp::runLastRequiringACommand);
    for (CommandLine sub : root.getSubcommands().values()) {
      withoutGlobalOptions(sub, globals);
    }
  }

  private static void withoutGlobalOptions(CommandLine command, String globals) {
    command.setHelpFactory(OwnOptionsHelp::new);
    command
        .getCommandSpec()
        .usageMessage()
        .footer("%nGlobal options (" + globals + "): see vidu --help.%n" + ExitCode.HELP);
    command.getSubcommands().values().forEach(sub -> withoutGlobalOptions(sub, globals));
  }

  /**
   * A command's help listing its own options; the inherited global ones are in {@code vidu --help}.
   */
  static final class OwnOptionsHelp extends Help {
    OwnOptionsHelp(CommandSpec spec, ColorScheme colorScheme) {
      super(spec, colorScheme);
    }

    private List<OptionSpec> own() {
      return commandSpec().options().stream().filter(o -> !o.inherited() && !o.hidden()).toList();
    }

    @Override
    public String optionList() {
      List<OptionSpec> own = own();
      return optionListExcludingGroups(
          own,
          createDefaultLayout(own, commandSpec().positionalParameters(), colorScheme()),
          createDefaultOptionSort(),
          parameterLabelRenderer());
    }

    @Override
    protected Ansi.Text createDetailedSynopsisOptionsText(
        Collection<ArgSpec> done,
        Comparator<OptionSpec> optionSort,
        boolean clusterBooleanOptions) {
      return createDetailedSynopsisOptionsText(done, own(), optionSort, clusterBooleanOptions);
    }
  }

  /**
   * picocli's own strategy (help first, then the last command given), except that a group such as
   * {@code vidu task} run without one of its commands is a {@link MissingCommandException} here,
   * where picocli would say so only in a message.
   */
  private static int runLastRequiringACommand(CommandLine.ParseResult parsed) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    CommandLine.ParseResult last = parsed;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    CommandLine command = last.commandSpec().commandLine();
    Object user = command.getCommand();
    if (!(user instanceof Runnable
            || user instanceof Callable
            || user instanceof java.lang.reflect.Method)
        && !command.getSubcommands().isEmpty()) {
      throw new MissingCommandException(command);
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /** A group of commands was given without one of them. */
  static final class MissingCommandException extends CommandLine.ParameterException {
    private static final long serialVersionUID = 1L;

    MissingCommandException(CommandLine command) {
      super(command, "Missing required subcommand");
    }
  }

  /**
   * A mistyped command line gets the problem and where to read more; with {@code --json} also a
   * small error object on stdout, as every failure has.
   */
  static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    List<String> subcommands =
        command.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
    String message;
    if (e instanceof MissingCommandException) {
      message = name + " needs a command: " + String.join(", ", subcommands);
      err.println("error: " + message);
    } else {
      message = String.valueOf(e.getMessage());
      err.println("error: " + message);
      if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
        CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err);
      }
    }
    err.println("see: " + name + " --help");
    if (Arrays.asList(args).contains("--json")) {
      Failure.printUsageJson(command.getOut(), message);
    }
    return ExitCode.INVALID_INPUT;
  }

  /**
   * {@code vidu help [COMMAND...]}: the help of a command at any depth, {@code vidu help task
   * wait}.
   */
  @Command(
      name = "help",
      helpCommand = true,
      description = "Show the help of a command, at any depth: vidu help image create.")
  static final class HelpCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "COMMAND",
        arity = "0..*",
        description = "The command, for example: image create.")
    List<String> path = new ArrayList<>();

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
      CommandLine target = spec.parent().commandLine();
      for (String word : path) {
        CommandLine next = target.getSubcommands().get(word);
        if (next == null || next.getCommandSpec() == spec) {
          String choices =
              target.getSubcommands().keySet().stream()
                  .filter(n -> !n.equals("help"))
                  .collect(Collectors.joining(", "));
          throw new ViduCli.UsageException(
              target.getCommandSpec().qualifiedName()
                  + " has no command '"
                  + word
                  + "'"
                  + (choices.isEmpty() ? "" : "; its commands: " + choices));
        }
        target = next;
      }
      target.usage(spec.commandLine().getOut());
      return ExitCode.OK;
    }
  }
}
