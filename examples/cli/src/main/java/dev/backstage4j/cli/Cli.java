package dev.backstage4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The session of one command: the global options (accepted before or after the command words), the environment,
 * stdout and stderr, and what the command opened (closed when it ends).
 */
final class Cli {
  static final Option HELP = Option.builder("h").longOpt("help").desc("Show this help and exit.").get();
  static final Option VERSION = Option.builder("V").longOpt("version").desc("Print the version and exit.").get();
  static final Option URL = Option.builder().longOpt("url").hasArg().argName("URL")
      .desc("Backstage backend root, e.g. http://localhost:7007 (default: $BACKSTAGE_URL).").get();
  static final Option TOKEN = Option.builder().longOpt("token").hasArg().argName("TOKEN")
      .desc("Bearer token for Backstage (default: $BACKSTAGE_TOKEN). Never printed.").get();
  static final Option OUTPUT = Option.builder("o").longOpt("output").hasArg().argName("FORMAT")
      .desc("Output format: table, json, yaml, or jsonpath=EXPR to print only the selected fields, e.g."
          + " -o 'jsonpath=$.metadata.name' (default: table).").get();
  static final Option EMBEDDED = Option.builder().longOpt("embedded")
      .desc("Run against the embedded testkit seeded with the sample organisation (the default when no URL is"
          + " given).").get();
  static final Option QUIET = Option.builder("q").longOpt("quiet")
      .desc("Print bare results for scripts: a table's first column only (ids, refs), no headers, no progress, no"
          + " summaries.").get();
  static final Option NO_HEADERS = Option.builder().longOpt("no-headers")
      .desc("Print tables without their header line.").get();
  static final Option CONTEXT = Option.builder().longOpt("context").hasArg().argName("NAME")
      .desc("Use this named backend (see 'context list'); default: the current context, if any.").get();
  static final Option VERBOSE = Option.builder("v").longOpt("verbose")
      .desc("Print details of errors (and debug logs) on stderr.").get();

  String url;
  String token;
  OutputFormat output;
  String jsonPath;
  boolean embedded;
  boolean quiet;
  boolean noHeaders;
  String context;
  boolean verbose;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> env;
  private final boolean terminal;
  private final List<AutoCloseable> open = new ArrayList<>();
  private Backstage backstage;
  private Contexts contexts;
  private Optional<String> resolvedToken;

  Cli(PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.terminal = terminal;
  }

  /** {@return the global options, accepted at every level} */
  static Options globalOptions() {
    return new Options().addOption(URL).addOption(TOKEN).addOption(OUTPUT).addOption(EMBEDDED).addOption(QUIET)
        .addOption(NO_HEADERS).addOption(CONTEXT).addOption(VERBOSE);
  }

  /** {@return the options of a level without a command yet: the global ones plus help and version} */
  static Options levelOptions() {
    return globalOptions().addOption(HELP).addOption(VERSION);
  }

  /** Takes the global options from the parsed command line. */
  void configure(Invocation in) {
    url = in.value(URL);
    token = in.value(TOKEN);
    String format = in.value(OUTPUT);
    if (format != null && format.regionMatches(true, 0, "jsonpath=", 0, 9)) {
      output = OutputFormat.JSONPATH;
      jsonPath = format.substring(9);
      if (jsonPath.isBlank()) {
        throw CliException.usage("-o jsonpath= needs an expression, e.g. -o 'jsonpath=$.items[*].metadata.name'");
      }
    } else {
      output = in.choice(OUTPUT, OutputFormat.class);
    }
    embedded = in.flag(EMBEDDED);
    quiet = in.flag(QUIET);
    noHeaders = in.flag(NO_HEADERS);
    context = in.value(CONTEXT);
    verbose = in.flag(VERBOSE);
  }

  Printer printer() {
    return new Printer(out, output, quiet, !noHeaders, jsonPath);
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  /** Progress on stderr, shown only when stderr is a terminal and --quiet is off. */
  Progress progress() {
    return new Progress(err, terminal && !quiet);
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

  /** {@return whether this command talked to the embedded Backstage} */
  boolean embeddedInUse() {
    return backstage != null && backstage.embedded();
  }

  Map<String, String> environment() {
    return env;
  }

  /**
   * {@return the URL to use, or null for the embedded Backstage}: {@code --url}, else {@code --context}'s, else
   * {@code $BACKSTAGE_URL}, else the current context's.
   */
  String effectiveUrl() {
    if (embedded) {
      return null;
    }
    if (url != null) {
      return url;
    }
    String named = contextName();
    return named != null ? contexts().url(named) : env("BACKSTAGE_URL");
  }

  /** {@return the token to use, or null; never printed}: the same order as the URL. */
  String effectiveToken() {
    if (token != null) {
      return token;
    }
    if (resolvedToken == null) {
      // Once: a token-command may be slow, and error messages ask for the token again to redact it.
      String named = url != null || embedded ? null : contextName();
      String fromContext = named == null ? null : contexts().token(named, env);
      resolvedToken = Optional.ofNullable(fromContext != null ? fromContext : env("BACKSTAGE_TOKEN"));
    }
    return resolvedToken.orElse(null);
  }

  /** The context in force: --context, else none when $BACKSTAGE_URL is set, else the current one. */
  private String contextName() {
    if (context != null) {
      return context;
    }
    if (env("BACKSTAGE_URL") != null) {
      return null;
    }
    return contexts == null && !java.nio.file.Files.isRegularFile(Contexts.location(env)) ? null
        : contexts().current();
  }

  private Contexts contexts() {
    if (contexts == null) {
      contexts = Contexts.load(env);
    }
    return contexts;
  }

  /** {@return the Backstage to talk to (starting the embedded one on first use)} */
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
