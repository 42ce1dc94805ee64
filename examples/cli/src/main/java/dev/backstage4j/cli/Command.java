package dev.backstage4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * One command of the command line, e.g. {@code catalog get}: its name, what it does, its options (a commons-cli
 * {@link Options} table, parsed by {@link Main}) and positional parameters, and what it runs.
 *
 * <p>A subclass declares its options in its constructor ({@link #flag}, {@link #value}, {@link #param}) and keeps the
 * returned {@link Option}s to read the parsed values from the {@link Invocation} in {@link #run}.
 */
abstract class Command {
  final String name;
  final String summary;
  final String details;
  final Options options = new Options();
  final List<Param> params = new ArrayList<>();
  final List<Option> required = new ArrayList<>();

  /** A positional parameter: its label in the usage line and its help; the last one may take several values. */
  static final class Param {
    final String label;
    final String description;
    final boolean many;

    Param(String label, String description, boolean many) {
      this.label = label;
      this.description = description;
      this.many = many;
    }
  }

  /**
   * Creates a command.
   *
   * @param name the word that selects it, e.g. {@code get}
   * @param summary one line, shown in the group's command list and first in the command's help
   * @param details more text for the command's help, or null
   */
  Command(String name, String summary, String details) {
    this.name = name;
    this.summary = summary;
    this.details = details;
  }

  /** Runs the command with the parsed command line; returns the exit code (see {@link ExitCodes}). */
  abstract int run(Invocation in);

  /** Declares a flag, e.g. {@code --all}. */
  final Option flag(String longName, String description) {
    return add(Option.builder().longOpt(longName).desc(description).get());
  }

  /** Declares an option with a value, e.g. {@code --page-size N}; repeat it on the command line for several. */
  final Option value(String longName, String label, String description) {
    return add(Option.builder().longOpt(longName).hasArg().argName(label).desc(description).get());
  }

  /** Declares an option with a value that must be given (checked after {@code --help}, which wins). */
  final Option requiredValue(String longName, String label, String description) {
    Option o = value(longName, label, description);
    required.add(o);
    return o;
  }

  /** Declares the next positional parameter (one value). */
  final void param(String label, String description) {
    params.add(new Param(label, description, false));
  }

  /** Declares the last positional parameter, taking one or more values. */
  final void params(String label, String description) {
    params.add(new Param(label, description, true));
  }

  private Option add(Option o) {
    options.addOption(o);
    return o;
  }
}
