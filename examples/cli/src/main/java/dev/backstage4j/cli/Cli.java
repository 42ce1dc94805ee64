package dev.backstage4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: global options shared by every subcommand, and the session they open. */
@Command(name = "backstage4j", mixinStandardHelpOptions = true, versionProvider = Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {"Work with a Backstage catalog, its templates and tasks, and report adoption.",
        "",
        "Without --url (and without BACKSTAGE_URL) every command runs against the embedded Backstage: the"
            + " backstage4j testkit, started in-process and seeded with the sample organisation (Tinyshop) and"
            + " its templates. No Backstage and no network are needed; --embedded forces it."},
    footer = {"", "Environment: BACKSTAGE_URL and BACKSTAGE_TOKEN stand in for --url and --token.", ExitCodes.HELP})
final class Cli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Backstage backend root, e.g. http://localhost:7007 (default: $BACKSTAGE_URL).")
  String url;

  @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
      description = "Bearer token for Backstage (default: $BACKSTAGE_TOKEN). Never printed.")
  String token;

  @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
  OutputFormat output;

  @Option(names = "--embedded", scope = ScopeType.INHERIT,
      description = "Run against the embedded testkit seeded with the sample organisation (the default when no"
          + " URL is given).")
  boolean embedded;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
      description = "Print only results: no progress, no summaries.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Print details of errors (and debug logs) on stderr.")
  boolean verbose;

  private final Map<String, String> env;
  private final boolean terminal;
  private final List<AutoCloseable> open = new ArrayList<>();

  Cli(Map<String, String> env, boolean terminal) {
    this.env = env;
    this.terminal = terminal;
  }

  /** Without a command: prints the usage on stderr and exits with the usage error code. */
  @Override
  public Integer call() {
    err().println("backstage4j: missing command");
    spec.commandLine().usage(err());
    return ExitCodes.USAGE;
  }

  /** Returns the root command object from any subcommand's spec. */
  static Cli of(CommandSpec spec) {
    return (Cli) spec.root().userObject();
  }

  Printer printer() {
    return new Printer(out(), output);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Progress on stderr, shown only when stderr is a terminal and --quiet is off. */
  Progress progress() {
    return new Progress(err(), terminal && !quiet);
  }

  /** Prints a human summary line on stdout unless --quiet or a structured output format is chosen. */
  void summary(String line) {
    if (!quiet) {
      printer().text(line);
    }
  }

  String env(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v;
  }

  /** Returns the URL to use, or null for the embedded Backstage. */
  String effectiveUrl() {
    if (embedded) {
      return null;
    }
    return url != null ? url : env("BACKSTAGE_URL");
  }

  /** Returns the token to use, or null; never printed. */
  String effectiveToken() {
    return token != null ? token : env("BACKSTAGE_TOKEN");
  }

  private Backstage backstage;

  /** Returns the Backstage to talk to (starting the embedded one on first use). */
  Backstage backstage() {
    if (backstage == null) {
      backstage = closeLater(Backstage.open(this));
    }
    return backstage;
  }

  /** Keeps a resource (client, embedded Backstage) to close when the command ends. */
  <T extends AutoCloseable> T closeLater(T resource) {
    open.add(resource);
    return resource;
  }

  /** Closes what the command opened, newest first. */
  void closeAll() {
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception ignored) {
        // At exit there is nothing useful to do with a failure to close.
      }
    }
    open.clear();
  }
}
