package dev.backstage4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;

/** Groups the named-backend commands: list, use, set, current (see {@link Contexts}). */
final class ContextCommand {
  /** The one-line description, also shown by the root help before the group is loaded. */
  static final String DESCRIPTION = "Name backends (staging, production) and switch between them.";

  private ContextCommand() {
  }

  /** The group's commands, in help order. */
  static List<Command> commands() {
    return List.of(new ListContexts(), new Use(), new Set(), new Current());
  }

  static final class ListContexts extends Command {
    ListContexts() {
      super("list", "List the named backends; * marks the current one.", null);
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      Contexts contexts = Contexts.load(cli.environment());
      List<Map<String, Object>> data = new ArrayList<>();
      Printer.Table table = Printer.Table.of("NAME", "CURRENT", "URL", "TOKEN FROM");
      for (String name : contexts.all().keySet()) {
        Map<String, Object> c = contexts.get(name);
        String tokenFrom = c.get("token-env") != null ? "$" + c.get("token-env")
            : c.get("token-command") != null ? "command" : c.get("token") != null ? "file" : "";
        boolean current = name.equals(contexts.current());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("current", current);
        row.put("url", c.get("url"));
        row.put("tokenFrom", tokenFrom);
        data.add(row);
        table.row(name, current ? "*" : "", c.get("url"), tokenFrom);
      }
      cli.printer().print(data, () -> table);
      return ExitCodes.OK;
    }
  }

  static final class Use extends Command {
    Use() {
      super("use", "Make a named backend the current one (the default for every command).", null);
      param("NAME", "The context's name.");
    }

    @Override
    int run(Invocation in) {
      Contexts contexts = Contexts.load(in.cli.environment());
      String name = in.arg(0);
      contexts.get(name);
      contexts.tree.put(Contexts.CURRENT, name);
      contexts.save();
      in.cli.summary("current context: " + name + " (" + contexts.file + ")");
      return ExitCodes.OK;
    }
  }

  static final class Set extends Command {
    private final Option urlOption = requiredValue("context-url", "URL", "The backend's root URL.");
    private final Option tokenEnvOption = value("token-env", "VAR",
        "Take the token from this environment variable (the file holds only its name).");
    private final Option tokenCommandOption = value("token-command", "COMMAND",
        "Take the token from what this shell command prints (e.g. a vault or gh call).");

    Set() {
      super("set", "Create or change a named backend.",
          "The token stays out of the file: name an environment variable or a command that prints it.");
      param("NAME", "The context's name.");
    }

    @Override
    int run(Invocation in) {
      Contexts contexts = Contexts.load(in.cli.environment());
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("url", in.value(urlOption));
      if (in.value(tokenEnvOption) != null) {
        c.put("token-env", in.value(tokenEnvOption));
      }
      if (in.value(tokenCommandOption) != null) {
        c.put("token-command", in.value(tokenCommandOption));
      }
      contexts.all().put(in.arg(0), c);
      if (contexts.current() == null) {
        contexts.tree.put(Contexts.CURRENT, in.arg(0));
      }
      contexts.save();
      in.cli.summary("context " + in.arg(0) + " saved in " + contexts.file);
      return ExitCodes.OK;
    }
  }

  static final class Current extends Command {
    Current() {
      super("current", "Print the name of the current context (empty when none).", null);
    }

    @Override
    int run(Invocation in) {
      String current = Contexts.load(in.cli.environment()).current();
      in.cli.out().println(current == null ? "" : current);
      in.cli.out().flush();
      return ExitCodes.OK;
    }
  }
}
