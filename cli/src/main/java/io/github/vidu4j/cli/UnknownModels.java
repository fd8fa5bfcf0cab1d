package io.github.vidu4j.cli;

import io.github.vidu4j.validation.RequestValidator;
import picocli.CommandLine.Option;

/** {@code --allow-unknown-model}: a picocli mixin of the commands that create tasks. */
final class UnknownModels {
  @Option(
      names = "--allow-unknown-model",
      description =
          "Send a model name this vidu4j release does not know, skipping the model rules (other checks still apply).")
  boolean allowed;

  /** The validator these options ask for. */
  RequestValidator validator() {
    return allowed ? RequestValidator.allowingUnknownModels() : RequestValidator.strict();
  }
}
