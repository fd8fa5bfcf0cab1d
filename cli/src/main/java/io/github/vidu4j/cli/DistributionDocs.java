package io.github.vidu4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the distribution's bash/zsh completion script and the man pages' AsciiDoc sources, both
 * from the command model {@code vidu} runs with, so neither can drift from the options. Run by the
 * build (cli/pom.xml) after the tests are compiled; the man pages are then rendered to troff.
 */
public final class DistributionDocs {
  private DistributionDocs() {}

  /** {@code args}: the completion script's path, the directory for the man pages' sources. */
  public static void main(String[] args) throws IOException {
    ViduCli root =
        new ViduCli(Map.of(), new ByteArrayOutputStream(), new ByteArrayOutputStream(), false);
    CommandLine cli = ViduCli.commandLine(root);
    Path completion = Path.of(args[0]);
    Files.createDirectories(completion.getParent());
    Files.writeString(completion, AutoComplete.bash("vidu", cli), StandardCharsets.UTF_8);
    File manDir = new File(args[1]);
    // One page for vidu and one for each command under it (vidu-image-create...), as git has.
    int exit =
        ManPageGenerator.generateManPage(manDir, null, new boolean[0], true, cli.getCommandSpec());
    if (exit != 0) {
      throw new IOException("man page generation failed with " + exit);
    }
  }
}
