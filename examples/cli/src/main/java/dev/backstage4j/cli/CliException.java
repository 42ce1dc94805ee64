package dev.backstage4j.cli;

/**
 * A failure the user can act on: printed as one line, and the process exits with the given code. A wrong command
 * line (unknown option or command, missing or bad value) also names the command whose help explains it.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;
  private final String helpCommand;

  CliException(int exitCode, String message) {
    this(exitCode, message, (String) null);
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.helpCommand = null;
  }

  private CliException(int exitCode, String message, String helpCommand) {
    super(message);
    this.exitCode = exitCode;
    this.helpCommand = helpCommand;
  }

  int exitCode() {
    return exitCode;
  }

  /** Returns the command whose {@code --help} to point to (e.g. {@code backstage4j catalog get}), or null. */
  String helpCommand() {
    return helpCommand;
  }

  static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }

  /** A wrong command line: one line, then "Try '{@code command} --help'.", exit code {@link ExitCodes#USAGE}. */
  static CliException badCommandLine(String command, String message) {
    return new CliException(ExitCodes.USAGE, message, command);
  }
}
