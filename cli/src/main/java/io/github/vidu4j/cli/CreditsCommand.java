package io.github.vidu4j.cli;

import io.github.vidu4j.model.CreditBalance;
import io.github.vidu4j.model.CreditPackage;
import io.github.vidu4j.model.Credits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vidu credits}. */
@Command(
    name = "credits",
    mixinStandardHelpOptions = true,
    description = "Show the remaining credits.")
final class CreditsCommand implements Callable<Integer> {
  @ParentCommand ViduCli root;

  @Option(names = "--detail", description = "Also list the purchased packages.")
  boolean detail;

  @Override
  public Integer call() throws Exception {
    try (Session session = root.openSession(false)) {
      Credits credits = session.client.credits(detail);
      if (root.json) {
        root.out.println(CliFormat.json(credits));
        return ExitCode.OK;
      }
      // Vidu's table says remaining_credits, its example says remains: show whichever came.
      List<CreditBalance> balances = new ArrayList<>();
      if (credits.getRemainingCredits() != null) {
        balances.addAll(credits.getRemainingCredits());
      }
      if (credits.getRemains() != null) {
        balances.addAll(credits.getRemains());
      }
      for (CreditBalance b : balances) {
        root.out.println(
            TerminalText.escape(b.getType())
                + ": "
                + b.getCreditRemain()
                + " credits remaining"
                + (b.getConcurrencyLimit() == null
                    ? ""
                    : ", concurrency " + b.getCurrentConcurrency() + "/" + b.getConcurrencyLimit())
                + (b.getQueueCount() == null ? "" : ", " + b.getQueueCount() + " queued"));
      }
      if (detail && credits.getPackages() != null) {
        for (CreditPackage p : credits.getPackages()) {
          root.out.println(
              "  package "
                  + TerminalText.escape(p.getName())
                  + " ("
                  + TerminalText.escape(p.getType())
                  + "): "
                  + p.getCreditRemain()
                  + " of "
                  + p.getCreditAmount()
                  + ", valid "
                  + p.getValidFrom()
                  + " to "
                  + p.getValidTo());
        }
      }
      return ExitCode.OK;
    }
  }
}
