package dev.backstage4j.cli;

/**
 * Lists the exit codes of the {@code backstage4j} command, so scripts and CI can branch on them.
 *
 * <ul>
 *   <li>{@code 0} ok;</li>
 *   <li>{@code 1} a check failed: an invalid entity, a failed gate, a failed task;</li>
 *   <li>{@code 2} usage error: unknown option, bad argument, unreadable input file, values the server
 *       rejected as invalid input (HTTP 400);</li>
 *   <li>{@code 3} Backstage error: the server answered with an error, refused the token, or could not be
 *       reached;</li>
 *   <li>{@code 4} not found: the entity, template, task or location does not exist;</li>
 *   <li>{@code 5} out of memory: the JVM's heap was too small for what the command read (raise it with
 *       {@code -Xmx} or narrow the command);</li>
 *   <li>{@code 70} internal error: a bug in the CLI (the stack trace is printed with {@code --verbose}).</li>
 * </ul>
 */
public final class ExitCodes {
  /** Everything worked. */
  public static final int OK = 0;
  /** A check failed: an invalid entity, a failed gate, a failed task. */
  public static final int CHECK_FAILED = 1;
  /** The command line was wrong or an input file could not be read. */
  public static final int USAGE = 2;
  /** Backstage answered with an error or could not be reached. */
  public static final int BACKSTAGE = 3;
  /** What was asked for does not exist. */
  public static final int NOT_FOUND = 4;
  /** The JVM ran out of heap. */
  public static final int OUT_OF_MEMORY = 5;
  /** A bug in the CLI. */
  public static final int INTERNAL = 70;

  static final String HELP = "Exit codes: 0 ok, 1 check failed (invalid entity, gate failed, task failed),"
      + " 2 usage error, 3 Backstage error (server or network), 4 not found, 5 out of memory, 70 internal error.";

  private ExitCodes() {
  }
}
