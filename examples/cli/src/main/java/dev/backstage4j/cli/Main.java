package dev.backstage4j.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

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
    // picocli registers converters for java.sql types by reflection; we have no such options.
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", "java\\.sql\\..*");
    }
    // Cold start: first parse with light placeholders for the command groups (enough for --help, --version and
    // to learn which group is used), then build the full model of that one group only.
    Cli cli = new Cli(env, terminal);
    CommandLine cmd = commandLine(cli, null);
    String group = null;
    try {
      CommandLine.ParseResult parsed = cmd.parseArgs(args);
      group = parsed.hasSubcommand() ? parsed.subcommand().commandSpec().name() : null;
    } catch (CommandLine.ParameterException e) {
      group = null; // reported by execute() below, on the same model
    }
    if (group != null) {
      cli = new Cli(env, terminal);
      cmd = commandLine(cli, group);
    }
    cmd.setOut(out);
    cmd.setErr(err);
    try {
      return cmd.execute(args);
    } finally {
      cli.closeAll();
    }
  }

  /** The command groups: name and description, known without loading the group's classes. */
  private static final String[][] GROUPS = {
      {"catalog", CatalogCommand.DESCRIPTION},
      {"template", TemplateCommand.DESCRIPTION},
      {"task", TaskCommand.DESCRIPTION},
      {"adoption", AdoptionCommand.DESCRIPTION},
  };

  /** Builds the command line with the full model of {@code group} and placeholders for the other groups. */
  static CommandLine commandLine(Cli cli, String group) {
    CommandLine cmd = new CommandLine(cli);
    for (String[] g : GROUPS) {
      if (g[0].equals(group)) {
        cmd.addSubcommand(g[0], groupClass(g[0]));
      } else {
        CommandSpec placeholder = CommandSpec.create().name(g[0]);
        placeholder.usageMessage().description(g[1]);
        cmd.addSubcommand(g[0], placeholder);
        cmd.getSubcommands().get(g[0]).setUnmatchedArgumentsAllowed(true);
      }
    }
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionStrategy(parseResult -> {
      configureLogging(cli.verbose);
      return new CommandLine.RunLast().execute(parseResult);
    });
    cmd.setParameterExceptionHandler(Failures::onParameterError);
    cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> Failures.onError(ex, cli, commandLine));
    return cmd;
  }

  private static Class<?> groupClass(String name) {
    switch (name) {
      case "catalog":
        return CatalogCommand.class;
      case "template":
        return TemplateCommand.class;
      case "task":
        return TaskCommand.class;
      default:
        return AdoptionCommand.class;
    }
  }

  private static void configureLogging(boolean verbose) {
    // slf4j-simple reads these once, at the first logger; nothing logs while the command line is parsed.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
  }
}
