package dev.backstage4j.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * Starts the {@code backstage4j} command line.
 *
 * <pre>{@code
 * java -jar backstage4j.jar adoption report --embedded --format html --out adoption-report.html
 * }</pre>
 */
public final class Main {
  private Main() {
  }

  /**
   * Runs the command line and exits with its exit code (see {@link ExitCodes}).
   *
   * @param args the command line, e.g. {@code catalog get component:default/payments-service}
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err, System.getenv(), System.console() != null);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command with the given streams and environment, and returns its exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal) {
    Cli cli = new Cli(env, terminal);
    CommandLine cmd = commandLine(cli);
    cmd.setOut(out);
    cmd.setErr(err);
    try {
      return cmd.execute(args);
    } finally {
      cli.closeAll();
    }
  }

  static CommandLine commandLine(Cli cli) {
    CommandLine cmd = new CommandLine(cli);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionStrategy(parseResult -> {
      configureLogging(cli.verbose);
      return new CommandLine.RunLast().execute(parseResult);
    });
    cmd.setParameterExceptionHandler(Failures::onParameterError);
    cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> Failures.onError(ex, cli, commandLine));
    return cmd;
  }

  private static void configureLogging(boolean verbose) {
    // slf4j-simple reads these once, at the first logger; nothing logs while the command line is parsed.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
  }
}
