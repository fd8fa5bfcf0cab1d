package io.github.vidu4j.core;

/**
 * A setting or argument was refused before anything was sent: of {@code ViduClient.Builder}, {@code
 * CallbackVerifier.Builder}, {@code RedisNonceStore.Builder}, {@code AwaitOptions}, {@code
 * TaskQuery}, {@code CallbackSigner}, or a call's own argument (a task id). A mistake in the
 * caller's own code or configuration, never in what Vidu or a callback sent: fix it. Like
 * everything vidu4j throws it is a {@link ViduException}. The setting's name and the problem are
 * separate, so that a tool can name the setting the way its user knows it (a command-line option,
 * an environment variable) without taking the message apart. Tools that name settings their own way
 * catch it: the CLI turns it into an option name.
 */
public final class InvalidSettingException extends ViduException {
  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String problem;

  /**
   * Creates the exception; vidu4j builds these, users need this only in tests.
   *
   * @param setting the builder method's or argument's name, for example {@code baseUrl}
   * @param problem what is wrong, worded to follow the name, for example {@code must have no query
   *     or fragment}
   */
  public InvalidSettingException(String setting, String problem) {
    super(setting + " " + problem);
    this.setting = setting;
    this.problem = problem;
  }

  /** The builder method's or argument's name, for example {@code baseUrl}. */
  public String setting() {
    return setting;
  }

  /**
   * What is wrong, worded to follow the setting's name; never contains a password, the API key, a
   * callback secret or a URL's query values.
   */
  public String problem() {
    return problem;
  }
}
