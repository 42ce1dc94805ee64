package dev.backstage4j.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * One run of a command: the values commons-cli parsed, converted to the types the command needs, and the
 * {@link Cli} session (output, progress, the Backstage to talk to). A value that does not convert is a
 * bad command line error ({@link CliException#badCommandLine}) naming the option.
 */
final class Invocation {
  final Cli cli;
  private final String command;
  private final CommandLine line;

  /**
   * Creates the invocation.
   *
   * @param cli the session
   * @param command the full command, e.g. {@code backstage4j catalog get}, for error messages
   * @param line what commons-cli parsed
   */
  Invocation(Cli cli, String command, CommandLine line) {
    this.cli = cli;
    this.command = command;
    this.line = line;
  }

  /** {@return whether the flag was given} */
  boolean flag(Option o) {
    return line.hasOption(o);
  }

  /** {@return the option's value (the last one if it was given several times), or null} */
  String value(Option o) {
    String[] v = line.getOptionValues(o);
    return v == null ? null : v[v.length - 1];
  }

  /** {@return every value of a repeatable option, in order; empty if it was not given} */
  List<String> values(Option o) {
    String[] v = line.getOptionValues(o);
    return v == null ? List.of() : List.of(v);
  }

  /** {@return the values of an option that takes comma-separated lists ({@code --fields a,b}), repeatable} */
  List<String> list(Option o) {
    List<String> out = new ArrayList<>();
    for (String v : values(o)) {
      for (String item : v.split(",")) {
        if (!item.isBlank()) {
          out.add(item.strip());
        }
      }
    }
    return out;
  }

  /** {@return the option's value as a count of at least 1, or {@code fallback} if it was not given} */
  int count(Option o, int fallback) {
    String v = value(o);
    if (v == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw bad(o, "'" + v + "' is not a whole number");
    }
    if (n < 1) {
      throw bad(o, "must be at least 1, not " + n);
    }
    return n;
  }

  /** {@return the option's value as a path, or null} */
  Path path(Option o) {
    String v = value(o);
    return v == null ? null : path(v, "option " + display(o));
  }

  /** {@return every value of a repeatable path option} */
  List<Path> paths(Option o) {
    List<Path> out = new ArrayList<>();
    values(o).forEach(v -> out.add(path(v, "option " + display(o))));
    return out;
  }

  /** {@return the option's value as one of the enum's constants (case-insensitive), or null} */
  <E extends Enum<E>> E choice(Option o, Class<E> type) {
    String v = value(o);
    return v == null ? null : choice(o, type, v);
  }

  /** {@return every value of a repeatable enum option} */
  <E extends Enum<E>> List<E> choices(Option o, Class<E> type) {
    List<E> out = new ArrayList<>();
    values(o).forEach(v -> out.add(choice(o, type, v)));
    return out;
  }

  /** {@return the positional arguments} */
  List<String> args() {
    return line.getArgList();
  }

  /** {@return the i-th positional argument (the command declared it, so it is there)} */
  String arg(int i) {
    return line.getArgList().get(i);
  }

  /** {@return the i-th positional argument as a path} */
  Path pathArg(int i, String label) {
    return path(arg(i), "parameter " + label);
  }

  /** {@return how an option is named in messages: {@code --page-size}} */
  static String display(Option o) {
    return "--" + o.getLongOpt();
  }

  private <E extends Enum<E>> E choice(Option o, Class<E> type, String v) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v.strip())) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw bad(o, "expected one of " + String.join(", ", names) + " but was '" + v + "'");
  }

  private Path path(String v, String what) {
    try {
      return Path.of(v);
    } catch (InvalidPathException e) {
      throw CliException.badCommandLine(command, "Invalid value for " + what + ": '" + v + "' is not a path");
    }
  }

  private CliException bad(Option o, String why) {
    return CliException.badCommandLine(command, "Invalid value for option '" + display(o) + "': " + why);
  }
}
