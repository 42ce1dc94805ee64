package dev.backstage4j.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * Starts the {@code backstage4j} command line.
 *
 * <pre>{@code
 * java -jar backstage4j.jar adoption report --embedded --format html --out adoption-report.html
 * }</pre>
 *
 * <p>The command line is {@code backstage4j GROUP COMMAND}, with options and parameters. commons-cli parses it in
 * three steps: up to the group word with the global options, up to the command word likewise, then everything but
 * the two words with the command's options plus the global ones, so global options work anywhere.
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
    Cli cli = new Cli(out, err, env, terminal);
    try {
      return dispatch(args, cli);
    } catch (RuntimeException e) {
      return Failures.onError(e, cli);
    } catch (OutOfMemoryError e) {
      // Whatever held the memory is unreachable by now, so printing one line is safe.
      cli.err().println("backstage4j: out of memory (max heap " + (Runtime.getRuntime().maxMemory() >> 20)
          + " MiB): give the JVM more with -Xmx, or narrow the command (filters, --page-size, fewer files)");
      cli.err().flush();
      return ExitCodes.OUT_OF_MEMORY;
    } finally {
      cli.closeAll();
    }
  }

  private static int dispatch(String[] args, Cli cli) {
    // 1. Global options, up to the group word.
    CommandLine root = parse(Cli.levelOptions(), args, true, Help.ROOT);
    if (root.hasOption(Cli.VERSION)) {
      return version(cli);
    }
    if (root.hasOption(Cli.HELP)) {
      Help.root(cli.out());
      return ExitCodes.OK;
    }
    List<String> rest = root.getArgList();
    if (rest.isEmpty()) {
      cli.err().println(Help.ROOT + ": missing command");
      Help.root(cli.err());
      return ExitCodes.USAGE;
    }
    List<String> tokens = new ArrayList<>(List.of(args).subList(0, args.length - rest.size()));
    String groupWord = command(rest.get(0), Help.ROOT);
    if (groupWord.equals("completion")) {
      return Completion.run(cli, rest.subList(1, rest.size()));
    }
    Group group = Group.load(groupWord);
    if (group == null) {
      throw unknownCommand(Help.ROOT, groupWord, List.of(Group.NAMES));
    }
    String groupName = Help.ROOT + " " + group.name;

    // 2. Global options, up to the command word.
    String[] afterGroup = rest.subList(1, rest.size()).toArray(new String[0]);
    CommandLine level = parse(Cli.levelOptions(), afterGroup, true, groupName);
    if (level.hasOption(Cli.VERSION)) {
      return version(cli);
    }
    if (level.hasOption(Cli.HELP)) {
      Help.group(cli.out(), group);
      return ExitCodes.OK;
    }
    rest = level.getArgList();
    if (rest.isEmpty()) {
      throw CliException.badCommandLine(groupName, "missing command: one of "
          + String.join(", ", group.names()));
    }
    tokens.addAll(List.of(afterGroup).subList(0, afterGroup.length - rest.size()));
    String commandWord = command(rest.get(0), groupName);
    Command command = group.find(commandWord);
    if (command == null) {
      throw unknownCommand(groupName, commandWord, group.names());
    }
    tokens.addAll(rest.subList(1, rest.size()));
    return run(cli, group, command, tokens);
  }

  /** 3. Parses everything but the two words with the command's options and the global ones, and runs it. */
  private static int run(Cli cli, Group group, Command command, List<String> tokens) {
    String commandName = Help.ROOT + " " + group.name + " " + command.name;
    Options options = Cli.levelOptions().addOptions(command.options);
    CommandLine line = parse(options, tokens.toArray(new String[0]), false, commandName);
    if (line.hasOption(Cli.VERSION)) {
      return version(cli);
    }
    if (line.hasOption(Cli.HELP)) {
      Help.command(cli.out(), group, command);
      return ExitCodes.OK;
    }
    Invocation in = new Invocation(cli, commandName, line);
    cli.configure(in); // first, so that the token is known (and redacted) in any message below
    for (Option o : command.required) {
      if (!line.hasOption(o)) {
        throw CliException.badCommandLine(commandName, "Missing required option: '--" + o.getLongOpt() + "="
            + o.getArgName() + "'");
      }
    }
    checkParameters(command, line.getArgList(), commandName);
    configureLogging(cli.verbose);
    return command.run(in);
  }

  /** Parses with commons-cli; a parse failure becomes a bad command line error naming {@code command}. */
  private static CommandLine parse(Options options, String[] args, boolean stopAtCommandWord, String command) {
    try {
      return DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, args,
          stopAtCommandWord);
    } catch (UnrecognizedOptionException e) {
      throw CliException.badCommandLine(command, "Unknown option: '" + e.getOption() + "'");
    } catch (MissingArgumentException e) {
      Option o = e.getOption();
      throw CliException.badCommandLine(command, "Missing value for option '--" + o.getLongOpt() + "="
          + o.getArgName() + "'");
    } catch (ParseException e) {
      throw CliException.badCommandLine(command, e.getMessage());
    }
  }

  /** {@return the word that names a group or command; with the parse stopped there, an option here is unknown} */
  private static String command(String word, String where) {
    if (word.startsWith("-") && word.length() > 1) {
      throw CliException.badCommandLine(where, "Unknown option: '" + word + "'");
    }
    return word;
  }

  private static void checkParameters(Command command, List<String> args, String commandName) {
    List<Command.Param> params = command.params;
    boolean many = !params.isEmpty() && params.get(params.size() - 1).many;
    if (args.size() < params.size()) {
      List<String> missing = new ArrayList<>();
      params.subList(args.size(), params.size()).forEach(p -> missing.add("'" + p.label + "'"));
      throw CliException.badCommandLine(commandName, "Missing required parameter"
          + (missing.size() > 1 ? "s: " : ": ") + String.join(", ", missing));
    }
    if (args.size() > params.size() && !many) {
      throw CliException.badCommandLine(commandName, "Unexpected argument: '" + args.get(params.size()) + "'");
    }
  }

  private static CliException unknownCommand(String where, String word, List<String> names) {
    String closest = null;
    int best = 3; // suggest only near misses: at most two edits
    for (String n : names) {
      int d = distance(word, n);
      if (d < best) {
        best = d;
        closest = n;
      }
    }
    return CliException.badCommandLine(where, "Unknown command: '" + word + "'. " + (closest != null
        ? "Did you mean: " + where + " " + closest + "?" : "Commands: " + String.join(", ", names) + "."));
  }

  /** The edit distance (Levenshtein) between two words. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static int version(Cli cli) {
    cli.out().println(Version.text());
    cli.out().flush();
    return ExitCodes.OK;
  }

  private static void configureLogging(boolean verbose) {
    // slf4j-simple reads these once, at the first logger; nothing logs while the command line is parsed.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
  }
}
