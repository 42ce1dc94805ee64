package dev.backstage4j.cli;

import java.io.PrintWriter;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Prints the help of the root, a group or a command; options are laid out by commons-cli's classic
 * {@code HelpFormatter}.
 *
 * <p>That formatter is deprecated since commons-cli 1.10 in favour of {@code org.apache.commons.cli.help}, which
 * prints options as a table with a header row and padded columns, and loads about 15 more classes (five of them
 * lambdas) on the {@code --help} path; the classic one prints the familiar {@code -o,--output=<FORMAT>} list and
 * remains in the 1.x line.
 */
@SuppressWarnings("deprecation")
final class Help {
  static final String ROOT = "backstage4j";
  private static final int WIDTH = 80;

  private final PrintWriter w;
  private final HelpFormatter formatter;

  private Help(PrintWriter w) {
    this.w = w;
    this.formatter = new HelpFormatter();
    formatter.setLongOptSeparator("=");
    formatter.setOptionComparator(null); // in the order declared
  }

  /** Prints the root help: global options and the groups, each with its one-line summary. */
  static void root(PrintWriter w) {
    Help h = new Help(w);
    h.line("Usage: " + ROOT + " [OPTIONS] COMMAND [ARGS]...");
    h.text("Work with a Backstage catalog, its templates and tasks, and report adoption.");
    h.line("");
    h.text("Without --url (and without BACKSTAGE_URL) every command runs against the embedded Backstage: the"
        + " backstage4j testkit, started in-process and seeded with the sample organisation (Tinyshop) and its"
        + " templates. No Backstage and no network are needed; --embedded forces it.");
    h.line("");
    h.line("Options (accepted before or after the command words):");
    h.options(Cli.levelOptions());
    h.line("Commands:");
    h.table(Group.NAMES, Group.SUMMARIES);
    h.line("Run '" + ROOT + " COMMAND --help' to list a command group's commands; '" + ROOT
        + " completion bash|zsh' prints a shell completion script.");
    h.line("");
    h.text("Environment: BACKSTAGE_URL and BACKSTAGE_TOKEN stand in for --url and --token.");
    h.line("");
    h.text(ExitCodes.HELP);
    w.flush();
  }

  /** Prints a group's help: its commands, each with its one-line summary. */
  static void group(PrintWriter w, Group g) {
    Help h = new Help(w);
    String name = ROOT + " " + g.name;
    h.line("Usage: " + name + " COMMAND [OPTIONS] [ARGS]...");
    h.text(g.summary);
    h.line("");
    h.line("Commands:");
    String[] names = new String[g.commands.size()];
    String[] summaries = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = g.commands.get(i).name;
      summaries[i] = g.commands.get(i).summary;
    }
    h.table(names, summaries);
    h.text("Run '" + name + " COMMAND --help' for a command's options and parameters, '" + ROOT + " --help'"
        + " for the global options.");
    w.flush();
  }

  /** Prints a command's help: its parameters, its own options, then the global ones. */
  static void command(PrintWriter w, Group g, Command c) {
    Help h = new Help(w);
    h.line("Usage: " + synopsis(g, c));
    h.text(c.summary);
    if (c.details != null) {
      h.text(c.details);
    }
    if (!c.params.isEmpty()) {
      h.line("");
      h.line("Parameters:");
      String[] labels = new String[c.params.size()];
      String[] descriptions = new String[labels.length];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = c.params.get(i).label + (c.params.get(i).many ? "..." : "");
        descriptions[i] = c.params.get(i).description;
      }
      h.table(labels, descriptions);
    }
    h.line("");
    h.line("Options:");
    h.options(new Options().addOptions(c.options).addOption(Cli.HELP));
    h.line("Global options (accepted before or after the command words):");
    h.options(Cli.globalOptions());
    w.flush();
  }

  /** The usage line of a command, e.g. {@code backstage4j adoption diff [OPTIONS] OLDER NEWER}. */
  static String synopsis(Group g, Command c) {
    StringBuilder b = new StringBuilder(ROOT).append(' ').append(g.name).append(' ').append(c.name);
    for (Option o : c.required) {
      b.append(" --").append(o.getLongOpt()).append('=').append(o.getArgName());
    }
    b.append(" [OPTIONS]");
    for (Command.Param p : c.params) {
      b.append(' ').append(p.label).append(p.many ? "..." : "");
    }
    return b.toString();
  }

  private void line(String text) {
    w.println(text);
  }

  private void text(String text) {
    formatter.printWrapped(w, WIDTH, 0, text);
  }

  private void options(Options options) {
    formatter.printOptions(w, WIDTH, options, 2, 3);
  }

  /** Two columns: names padded to the widest, descriptions wrapped under themselves. */
  private void table(String[] names, String[] descriptions) {
    int width = 0;
    for (String n : names) {
      width = Math.max(width, n.length());
    }
    for (int i = 0; i < names.length; i++) {
      String name = names[i] + " ".repeat(width - names[i].length());
      formatter.printWrapped(w, WIDTH, width + 5, "  " + name + "   " + descriptions[i]);
    }
  }
}
