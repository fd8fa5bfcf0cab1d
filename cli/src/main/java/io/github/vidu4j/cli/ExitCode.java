package io.github.vidu4j.cli;

/** The exit codes of {@code vidu}, as documented in {@code --help} and the README. */
final class ExitCode {
  static final int OK = 0;
  static final int OTHER = 1;
  static final int INVALID_INPUT = 2;
  static final int API_ERROR = 3;
  static final int TASK_FAILED = 4;
  static final int WAIT_TIMED_OUT = 5;
  static final int CALLBACK_REJECTED = 6;
  static final int NETWORK = 7;

  static final String HELP =
      "%nExit codes:%n"
          + "  0  success%n"
          + "  1  anything else%n"
          + "  2  invalid input (nothing was sent)%n"
          + "  3  API error response (reason and trace id printed)%n"
          + "  4  task ended failed (err_code printed)%n"
          + "  5  wait timed out (task id printed, with the command to resume)%n"
          + "  6  callback rejected (reason printed)%n"
          + "  7  network failure%n";

  private ExitCode() {}
}
