package io.github.vidu4j.core;

/**
 * A {@code ViduClient.Builder} setting was refused. The setting's name and the problem are
 * separate, so that a tool can name the setting the way its user knows it (a command-line option,
 * an environment variable) without taking the message apart. Tools that name settings their own way
 * catch it: the CLI turns it into an option name.
 */
public final class InvalidSettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String problem;

  /**
   * Creates the exception; vidu4j builds these, users need this only in tests.
   *
   * @param setting the builder method's name, for example {@code baseUrl}
   * @param problem what is wrong, worded to follow the name, for example {@code must have no query
   *     or fragment}
   */
  public InvalidSettingException(String setting, String problem) {
    super(setting + " " + problem);
    this.setting = setting;
    this.problem = problem;
  }

  /** The builder method's name, for example {@code baseUrl}. */
  public String setting() {
    return setting;
  }

  /**
   * What is wrong, worded to follow the setting's name; never contains a password or the API key.
   */
  public String problem() {
    return problem;
  }
}
