package dev.backstage4j.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A group of commands, e.g. {@code catalog}. The root help lists the groups from {@link #NAMES} and
 * {@link #SUMMARIES} alone, so that {@code --help} loads no group's classes; a group's commands (and their option
 * tables) are built only when the group is used.
 */
final class Group {
  static final String[] NAMES = {"catalog", "template", "task", "adoption", "context"};
  static final String[] SUMMARIES = {CatalogCommand.DESCRIPTION, TemplateCommand.DESCRIPTION,
      TaskCommand.DESCRIPTION, AdoptionCommand.DESCRIPTION, ContextCommand.DESCRIPTION};

  final String name;
  final String summary;
  final List<Command> commands;

  private Group(String name, String summary, List<Command> commands) {
    this.name = name;
    this.summary = summary;
    this.commands = commands;
  }

  /** Builds the group with this name, or returns null if there is none. */
  static Group load(String name) {
    switch (name) {
      case "catalog":
        return new Group(name, CatalogCommand.DESCRIPTION, CatalogCommand.commands());
      case "template":
        return new Group(name, TemplateCommand.DESCRIPTION, TemplateCommand.commands());
      case "task":
        return new Group(name, TaskCommand.DESCRIPTION, TaskCommand.commands());
      case "adoption":
        return new Group(name, AdoptionCommand.DESCRIPTION, AdoptionCommand.commands());
      case "context":
        return new Group(name, ContextCommand.DESCRIPTION, ContextCommand.commands());
      default:
        return null;
    }
  }

  /** {@return the command with this name, or null} */
  Command find(String word) {
    for (Command c : commands) {
      if (c.name.equals(word)) {
        return c;
      }
    }
    return null;
  }

  /** {@return the names of the group's commands, in help order} */
  List<String> names() {
    List<String> names = new ArrayList<>();
    commands.forEach(c -> names.add(c.name));
    return names;
  }
}
